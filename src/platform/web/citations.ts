// Rules cite the policy text they implement by a short code: '001 §61', '003 Appendix V §7.5',
// '003 vexatious procedure §4.1', '002, Honesty', '000 out-of-hours'. The code stays in the code and
// its tests; people read the council's own name for the document, from its policy settings, and
// the paragraph in words: "Officers’ Code of Conduct, paragraph 61", linked where the council
// publishes it.

export type PolicyDocument = { name: string; url: string };
// The council's name and web address ('' for none) for each document, by its code.
export type PolicyDocuments = Readonly<Record<string, PolicyDocument>>;

// The documents rules cite (docs/policies and /shared/policies), each with the policy settings that
// hold the council's name for it (`<setting>Name`) and where it is published (`<setting>Url`).
export const citedDocuments = [
  {
    code: '000',
    setting: 'complianceCode',
    name: 'Compliance Officer Code of Conduct and Procedure Notes',
  },
  { code: '001', setting: 'officersCode', name: 'Officers’ Code of Conduct' },
  { code: '002', setting: 'conductCode', name: 'Code of Conduct for Officers' },
  { code: '003', setting: 'complaintsPolicy', name: 'Corporate Complaints Policy' },
  {
    code: '003 vexatious procedure',
    setting: 'vexatiousProcedure',
    name: 'Procedure for Managing Vexatious Customers',
  },
  { code: '003 Appendix V', setting: 'employeesCode', name: 'Code of Conduct for Employees' },
  {
    code: '003 standards',
    setting: 'standardsArrangements',
    name: 'Arrangements for dealing with complaints about councillors',
  },
  { code: '004', setting: 'enforcementProfile', name: 'Enforcement Officer role profile' },
] as const;

export const defaultPolicyDocuments: PolicyDocuments = Object.fromEntries(
  citedDocuments.map((document) => [document.code, { name: document.name, url: '' }]),
);

// The council's documents from its policy settings; a name not set is the default's.
export function documentsFromSettings(settings: Readonly<Record<string, unknown>>): PolicyDocuments {
  return Object.fromEntries(
    citedDocuments.map((document) => {
      const name = settings[`${document.setting}Name`];
      const url = settings[`${document.setting}Url`];
      return [
        document.code,
        {
          name: typeof name === 'string' && name.trim() ? name : document.name,
          url: typeof url === 'string' ? url : '',
        },
      ];
    }),
  );
}

// One document's part of a citation, in words: its name, where in it, and any note kept as written.
export type CitedPart = { name: string; url: string; detail: string; note: string };

// Longest first, so that '003 Appendix V' is not read as '003' followed by 'Appendix V'.
const codesByLength = citedDocuments.map((document) => document.code).sort((a, b) => b.length - a.length);

function documentCodeOf(ref: string): string | undefined {
  return codesByLength.find(
    (code) => ref === code || ref.startsWith(`${code} `) || ref.startsWith(`${code},`),
  );
}

// Splits on separators outside parentheses: '001 §42; 003 Appendix V §7.3 (section 117; …)'.
function splitOutside(text: string, separator: string): string[] {
  const pieces: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === '(') depth++;
    else if (char === ')') depth = Math.max(0, depth - 1);
    else if (char === separator && depth === 0) {
      pieces.push(text.slice(start, i));
      start = i + 1;
    }
  }
  pieces.push(text.slice(start));
  return pieces.map((piece) => piece.trim()).filter(Boolean);
}

// a; a and b; a, b and c.
function joinAnd(items: readonly string[]): string {
  return items.length < 2 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

// '§61' → paragraph 61; '§34-35' → paragraphs 34 to 35; '§66 and §71(c)' → paragraphs 66 and 71(c).
function paragraphsText(text: string): string {
  const items = text
    .split(/\s*(?:,|\band\b)\s*/)
    .map((item) => item.replace(/^§\s*/, ''))
    .filter(Boolean)
    .map((item) => item.replace(/^([^-\s]+)\s*-\s*([^-\s]+)$/, '$1 to $2'));
  const several = items.length > 1 || items.some((item) => item.includes(' to '));
  return `${several ? 'paragraphs' : 'paragraph'} ${joinAnd(items)}`;
}

// Where in the document: 'Appendix V §7.5' → Appendix V, paragraph 7.5; 'Honesty' as written.
function detailText(rest: string): string {
  const appendix = /^(Appendix [A-Z0-9]+)\b,?\s*/.exec(rest);
  const after = appendix ? rest.slice(appendix[0].length) : rest;
  const where = after.startsWith('§') ? paragraphsText(after) : after;
  return [appendix?.[1], where].filter(Boolean).join(', ');
}

function citedPart(ref: string, documents: PolicyDocuments): CitedPart {
  const withNote = /^(.*\S)\s+\(([^()]+)\)$/.exec(ref);
  const [cited, note] = withNote ? [withNote[1] ?? ref, withNote[2] ?? ''] : [ref, ''];
  const code = documentCodeOf(cited);
  if (code === undefined) return { name: cited, url: '', detail: '', note };
  const document = documents[code] ?? defaultPolicyDocuments[code] ?? { name: code, url: '' };
  const rest = cited.slice(code.length).replace(/^,?\s*/, '');
  return { name: document.name, url: document.url, detail: detailText(rest), note };
}

// A citation code's parts, one a document; what is not a document's code is kept as written.
export function citedParts(code: string, documents: PolicyDocuments): CitedPart[] {
  return splitOutside(code, ';').map((ref) => citedPart(ref, documents));
}

const partText = (part: CitedPart, name: string) =>
  `${name}${part.detail ? `, ${part.detail}` : ''}${part.note ? ` (${part.note})` : ''}`;

// "Officers’ Code of Conduct, paragraph 61; Code of Conduct for Employees, paragraph 7.5".
export function citationText(code: string, documents: PolicyDocuments): string {
  return citedParts(code, documents)
    .map((part) => partText(part, part.name))
    .join('; ');
}

export function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

// The same as HTML, each document's name a link where the council publishes it.
export function citationHtml(code: string, documents: PolicyDocuments): string {
  return citedParts(code, documents)
    .map((part) => {
      const name = escapeHtml(part.name);
      const linked = part.url ? `<a class="govuk-link" href="${escapeHtml(part.url)}">${name}</a>` : name;
      return partText({ ...part, detail: escapeHtml(part.detail), note: escapeHtml(part.note) }, linked);
    })
    .join('; ');
}

// A citation in a sentence, in round brackets or square ones (with one level of brackets inside):
// '… in writing (001 §47)', '… authorisation [000 out-of-hours]'.
const bracketed = /\(((?:[^()]|\([^()]*\))*)\)|\[([^[\]]*)\]/g;

function inText(text: string, cite: (code: string) => string, other: (text: string) => string): string {
  let out = '';
  let last = 0;
  for (const match of text.matchAll(bracketed)) {
    const inside = match[1] ?? match[2] ?? '';
    if (documentCodeOf(inside.trim()) === undefined) continue;
    out += `${other(text.slice(last, match.index))}(${cite(inside.trim())})`;
    last = match.index + match[0].length;
  }
  return out + other(text.slice(last));
}

// A message built by a rule, its citations in words: "… in writing (Officers’ Code of Conduct,
// paragraph 47)". Other brackets are left alone.
export function citationsInText(text: string, documents: PolicyDocuments): string {
  return inText(
    text,
    (code) => citationText(code, documents),
    (other) => other,
  );
}

// The same as HTML, the rest of the text escaped.
export function citationsInHtml(text: string, documents: PolicyDocuments): string {
  return inText(text, (code) => citationHtml(code, documents), escapeHtml);
}
