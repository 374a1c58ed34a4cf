import { fileURLToPath } from 'node:url';
import nunjucks from 'nunjucks';
import { clockTime, dateTimeText, dayMonthYear, timeText } from '../calendar/date-text.ts';
import { citationHtml, citationsInHtml, defaultPolicyDocuments, type PolicyDocuments } from './citations.ts';
import { govukAttributes } from './govuk-attributes.ts';
import { renderedOnce } from './rendered-once.ts';

const root = (path: string) => fileURLToPath(new URL(path, import.meta.url));

// Templates are found by path from these folders: 'layout.njk', 'auth/views/…',
// 'organisation/views/…', and the GOV.UK Frontend macros as 'govuk/components/…'.
export const templateFolders = [
  root('./views/'),
  root('../'),
  root('../../modules/'),
  root('../../../node_modules/govuk-frontend/dist/'),
];

// GOV.UK Frontend macros, loaded once as globals. Nunjucks runs a template's `{% from … import %}`
// again on every render, and GOV.UK's components import each other and their attribute helpers
// on every call: on a page of forty components that was most of the rendering time. So the views
// use these globals, and the loader drops GOV.UK's own imports of them. Their attribute helper is
// a function of ours (govuk-attributes.ts).
const govukMacros: Record<string, string> = {
  govukLogo: 'macros/logo.njk',
  ...Object.fromEntries(
    [
      'button',
      'character-count',
      'checkboxes',
      'date-input',
      'details',
      'error-message',
      'error-summary',
      'file-upload',
      'fieldset',
      'generic-header',
      'hint',
      'inset-text',
      'input',
      'label',
      'notification-banner',
      'panel',
      'password-input',
      'radios',
      'select',
      'service-navigation',
      'skip-link',
      'summary-list',
      'table',
      'tag',
      'textarea',
      'warning-text',
    ].map((component) => [
      `govuk${component.replace(/(^|-)([a-z])/g, (_match, _dash, letter: string) => letter.toUpperCase())}`,
      `components/${component}/macro.njk`,
    ]),
  ),
};

const govukImport = /\{%-?\s*from\s+"[^"]+"\s+import\s+(\w+)\s*(-?)%\}(\s*)/g;

class GovukLoader extends nunjucks.FileSystemLoader {
  override getSource(name: string) {
    const source = super.getSource(name);
    if (!source?.path.includes('/govuk-frontend/')) return source;
    const src = source.src.replace(govukImport, (tag, macro: string, trim: string, space: string) =>
      macro in govukMacros || macro === 'govukAttributes' ? (trim ? '' : space) : tag,
    );
    return { ...source, src };
  }
}

// Nunjucks' own API, missing from its type declarations; the file loader calls back at once.
type ExportingTemplate = nunjucks.Template & {
  getExported(callback: (error: Error | null, exported: Record<string, unknown>) => void): void;
};

// Probity's own macros, loaded once as globals in the same way.
const appMacros: Record<string, string> = {
  appScrollingTable: 'macros/scrolling-table.njk',
  appScrollingRegion: 'macros/scrolling-table.njk',
  appChart: 'macros/chart.njk',
};

function registerGovukMacros(env: nunjucks.Environment) {
  env.addGlobal('govukAttributes', govukAttributes);
  const macros = [
    ...Object.entries(govukMacros).map(([name, path]) => [name, `govuk/${path}`]),
    ...Object.entries(appMacros),
  ];
  for (const [name = '', path = ''] of macros) {
    const template = env.getTemplate(path) as ExportingTemplate;
    template.getExported((error, exported) => {
      if (error) throw error;
      const macro = exported[name] as (...args: unknown[]) => unknown;
      env.addGlobal(name, name.startsWith('govuk') ? renderedOnce(name, macro) : macro);
    });
  }
}

// Formatting a date through Intl costs more than the rest of a table row, and a page's dates repeat:
// each is formatted once. Calendar dates are few (a century is 36,525), and times are shown to the
// minute (London's offsets from UTC are whole hours), so the caches stay small.
function formattedOnce<Key>(format: (key: Key) => string): (key: Key) => string {
  const texts = new Map<Key, string>();
  return (key) => {
    let text = texts.get(key);
    if (text === undefined) {
      if (texts.size > 40_000) texts.clear();
      text = format(key);
      texts.set(key, text);
    }
    return text;
  };
}
const dayMonthYearOnce = formattedOnce(dayMonthYear);
const timeOnce = formattedOnce((minute: number) => timeText(new Date(minute * 60_000)));
const minuteText = formattedOnce((minute: number) => dateTimeText(new Date(minute * 60_000)));

const copySafeness = (nunjucks.runtime as unknown as { copySafeness(dest: unknown, target: string): unknown })
  .copySafeness;

// Nunjucks' `trim` filter, which GOV.UK Frontend's components put every block of HTML they are
// given through, without its regular expression (/^\s*|\s*$/g), whose time grows with the square of
// each run of spaces inside the text: on a form with radios nested in radios it was a millisecond a
// page. \s and String.prototype.trim remove the same characters; a test holds the two to each other.
export function trimFilter(text: unknown): unknown {
  return copySafeness(text, String.prototype.trim.call(text));
}

// Nunjucks splits a variable's name on its dots at every assignment: eight times a turn of each
// loop (`loop.index`, `loop.first` …), a large share of rendering a list, and most of what a page
// allocates. The names are the templates' own, so each is split once; assignment is otherwise as
// nunjucks does it (a dotted name makes the objects it runs through).
type Frame = {
  variables: Record<string, unknown>;
  resolve(name: string, forWrite: boolean): Frame | undefined;
  set(name: string, value: unknown, resolveUp?: boolean): void;
};
const namesSplit = new Map<string, string[]>();
function partsOfName(name: string): string[] {
  let parts = namesSplit.get(name);
  if (parts === undefined) {
    parts = name.split('.');
    if (namesSplit.size < 10_000) namesSplit.set(name, parts);
  }
  return parts;
}
function setInFrame(this: Frame, name: string, value: unknown, resolveUp?: boolean) {
  const parts = partsOfName(name);
  if (resolveUp) {
    const frame = this.resolve(parts[0] ?? '', true);
    if (frame) return frame.set(name, value);
  }
  let target = this.variables;
  for (let i = 0; i < parts.length - 1; i++) {
    const id = parts[i] ?? '';
    target[id] ||= {};
    target = target[id] as Record<string, unknown>;
  }
  target[parts[parts.length - 1] ?? ''] = value;
}
(nunjucks.runtime as unknown as { Frame: { prototype: Frame } }).Frame.prototype.set = setInFrame;

export function configureNunjucks(env: nunjucks.Environment) {
  // Swapped in after @fastify/view has built the environment, with the cache nunjucks gives its loaders.
  const loader = Object.assign(new GovukLoader(templateFolders), { cache: {} });
  (env as nunjucks.Environment & { loaders: nunjucks.ILoader[] }).loaders = [loader];
  env.addFilter('trim', trimFilter);
  registerGovukMacros(env);
  // Dates and times in the one style of calendar/date-text.ts: 6 December 2026 at 2:46pm.
  env.addFilter('dateTime', (value: unknown) =>
    value instanceof Date ? minuteText(Math.floor(value.getTime() / 60_000)) : '',
  );
  env.addFilter('date', (value: unknown) =>
    typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? dayMonthYearOnce(value) : '',
  );
  env.addFilter('time', (value: unknown) =>
    value instanceof Date ? timeOnce(Math.floor(value.getTime() / 60_000)) : '',
  );
  // A wall-clock time as a setting or a form holds it ('14:30'): 2:30pm.
  env.addFilter('clockTime', (value: unknown) =>
    typeof value === 'string' && /^([01]\d|2[0-3]):[0-5]\d$/.test(value) ? clockTime(value) : '',
  );
  env.addFilter('json', (value: unknown) => JSON.stringify(value, null, 2));
  // A rule's citation in the council's words, linked where it publishes the document: `"001 §61" | cite`
  // for a code, `message | citing` for a message with its citation in brackets (citations.ts).
  const documentsOf = (context: unknown): PolicyDocuments =>
    (context as { ctx?: { policyDocuments?: PolicyDocuments } } | undefined)?.ctx?.policyDocuments ??
    defaultPolicyDocuments;
  env.addFilter('cite', function (this: unknown, code: unknown) {
    return new nunjucks.runtime.SafeString(citationHtml(String(code ?? ''), documentsOf(this)));
  });
  env.addFilter('citing', function (this: unknown, text: unknown) {
    return new nunjucks.runtime.SafeString(citationsInHtml(String(text ?? ''), documentsOf(this)));
  });
}
