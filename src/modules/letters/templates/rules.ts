import { type LetterKind, type LetterTemplate, placeholdersFor, requiredPlaceholders } from './kinds.ts';

// Filling, checking and laying out a letter's wording (the kinds and their placeholders are in
// kinds.ts).

const placeholderPattern = /\(\(([^()]*)\)\)/g;

/** The placeholders a text uses, each once, as written (trimmed). */
export function placeholdersIn(text: string): string[] {
  return [...new Set([...text.matchAll(placeholderPattern)].map((match) => (match[1] ?? '').trim()))];
}

export class LetterTemplateError extends Error {
  readonly unknown: string[];
  readonly missing: string[];
  constructor(unknown: string[], missing: string[]) {
    super(
      [
        unknown.length ? `unknown placeholders: ${unknown.map((name) => `((${name}))`).join(', ')}` : '',
        missing.length ? `no value for: ${missing.map((name) => `((${name}))`).join(', ')}` : '',
      ]
        .filter(Boolean)
        .join('; '),
    );
    this.unknown = unknown;
    this.missing = missing;
  }
}

/** The letter with every placeholder replaced by its value, in one pass (a value is never read
 * for placeholders). Throws when the template uses a placeholder the kind does not have, or one
 * with no value. */
export function fillTemplate(
  kind: LetterKind,
  template: LetterTemplate,
  values: Record<string, string>,
): LetterTemplate {
  const allowed = new Set(placeholdersFor(kind).map((placeholder) => placeholder.name));
  const used = placeholdersIn(`${template.subject}\n${template.body}`);
  const unknown = used.filter((name) => !allowed.has(name));
  const missing = used.filter((name) => allowed.has(name) && typeof values[name] !== 'string');
  if (unknown.length || missing.length) throw new LetterTemplateError(unknown, missing);
  const fill = (text: string) =>
    text.replace(placeholderPattern, (_, name: string) => values[name.trim()] ?? '');
  // A subject is one line.
  return {
    subject: fill(template.subject)
      .replace(/\s*\n\s*/g, ' ')
      .trim(),
    body: fill(template.body),
  };
}

export type TemplateProblem = { field: 'subject' | 'body'; message: string };

/** What is wrong with a council's edited template, in words for the error summary. */
export function checkTemplate(kind: LetterKind, template: LetterTemplate): TemplateProblem[] {
  const problems: TemplateProblem[] = [];
  const allowed = new Set(placeholdersFor(kind).map((placeholder) => placeholder.name));
  const subject = template.subject.trim();
  const body = template.body.trim();
  if (!subject) problems.push({ field: 'subject', message: 'Enter the subject' });
  else if (subject.length > 200)
    problems.push({ field: 'subject', message: 'Subject must be 200 characters or fewer' });
  else if (/\n/.test(subject)) problems.push({ field: 'subject', message: 'Subject must be one line' });
  if (!body) problems.push({ field: 'body', message: 'Enter the letter' });
  else if (body.length > 20000)
    problems.push({ field: 'body', message: 'Letter must be 20,000 characters or fewer' });
  for (const field of ['subject', 'body'] as const) {
    const unknown = placeholdersIn(template[field]).filter((name) => !allowed.has(name));
    if (unknown.length) {
      const names = unknown.map((name) => `((${name}))`).join(', ');
      problems.push({
        field,
        message: `${field === 'subject' ? 'Subject' : 'Letter'} uses ${unknown.length === 1 ? 'a placeholder' : 'placeholders'} this letter does not have: ${names}`,
      });
    }
  }
  if (body) {
    const used = new Set(placeholdersIn(`${template.subject}\n${template.body}`));
    const lost = requiredPlaceholders(kind).filter((name) => !used.has(name));
    if (lost.length) {
      problems.push({
        field: 'body',
        message: `Letter must include ${lost.map((name) => `((${name}))`).join(', ')}: ${lost
          .map((name) => placeholdersFor(kind).find((placeholder) => placeholder.name === name)?.description)
          .join('; ')}`,
      });
    }
  }
  return problems;
}

type LetterParagraph = { heading: string | null; lines: string[] };

/** A letter's text as printed: paragraphs (split at blank lines) of lines. A paragraph whose
 * first line is short, has no closing punctuation and is followed by more lines starts with
 * that line as a heading ("What we found"), except the last paragraph, the signature. */
export function paragraphsOf(body: string): LetterParagraph[] {
  const paragraphs = body
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((paragraph) => paragraph.replace(/^\s*\n|\s+$/g, ''))
    .filter((paragraph) => paragraph.trim() !== '')
    .map((paragraph) => paragraph.split('\n'));
  return paragraphs.map((lines, index) => {
    const [first = '', ...rest] = lines;
    const heading =
      index < paragraphs.length - 1 &&
      rest.length > 0 &&
      first.trim().length <= 60 &&
      !/[.,:;!?)\]’"”]$/.test(first.trim());
    return heading ? { heading: first.trim(), lines: rest } : { heading: null, lines };
  });
}
