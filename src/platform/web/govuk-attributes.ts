import nunjucks from 'nunjucks';

const { SafeString } = nunjucks.runtime;
type Safe = InstanceType<typeof SafeString> & { val: unknown };

const isSafe = (value: unknown): value is Safe => value instanceof SafeString;

// Nunjucks' `mapping` test: an object that is not an array or a set.
const isMapping = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Set);

// Nunjucks' own escaping, missing from its type declarations.
const escapeText = (nunjucks.lib as unknown as { escape(text: string): string }).escape;

// Nunjucks' `escape` filter: a safe string as it is, anything else escaped as text.
const escapeValue = (value: unknown): string =>
  isSafe(value) ? String(value) : escapeText(value === null || value === undefined ? '' : String(value));

// GOV.UK Frontend's private `govukAttributes` macro (macros/attributes.njk), which every component
// calls several times, written in JavaScript: the macro's loop of `set` tags was a quarter of a
// page's rendering. It gives the same attributes, without the whitespace the macro's loop left
// between them; a test holds it to the macro's output.
export function govukAttributes(attributes: unknown): Safe {
  if (typeof attributes === 'string') return new SafeString(attributes) as Safe;
  if (isSafe(attributes))
    return typeof attributes.val === 'string' ? attributes : (new SafeString('') as Safe);
  let html = '';
  if (isMapping(attributes)) {
    for (const name of Object.keys(attributes)) {
      const item = attributes[name];
      const options = isMapping(item) && !isSafe(item) ? item : { value: item, optional: false };
      const given = options.value;
      const missing = given === undefined || given === null;
      const value = missing ? null : isSafe(given) ? given.val : given;
      if (options.optional === true && value === true) html += ` ${escapeValue(name)}`;
      else if (options.optional !== true || (value !== null && value !== undefined && value !== false)) {
        html += ` ${escapeValue(name)}="${missing ? '' : escapeValue(given)}"`;
      }
    }
  }
  return new SafeString(html) as Safe;
}
