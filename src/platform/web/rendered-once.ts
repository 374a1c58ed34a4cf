import nunjucks from 'nunjucks';

const { SafeString } = nunjucks.runtime;

// GOV.UK Frontend's components are pure: the same parameters give the same HTML, whatever the page.
// Their macros are the dearest part of rendering a page (radios nested in radios took two
// milliseconds a request), and a form's components are the same from one request to the next but
// for what was typed, so each is rendered once for each set of parameters, up to a bound. Only
// parameters that JSON says exactly are kept by: plain objects, arrays, text, safe text, finite
// numbers, true, false and null; anything else (a date, a function, a component called with a
// caller block) is rendered as usual.
const mostKept = 1000;
const longestKey = 8192;
const kept = new Map<string, unknown>();

const isPlainObject = (value: object) => {
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
};

// The key, or null when the parameters are not all exact or their text runs past the longest key
// (then the rest of the parameters are not walked: a long table is rendered as usual).
function keyOf(name: string, params: unknown): string | null {
  let exact = true;
  let length = 0;
  const key = JSON.stringify([name, params], function (this: Record<string, unknown>, field, value) {
    if (!exact) return undefined;
    const original = this[field];
    length += field.length;
    if (original instanceof SafeString) {
      length += original.length;
      return ['\u0000safe', String(original)];
    }
    if (typeof original === 'string') length += original.length;
    else if (original === undefined) exact &&= !Array.isArray(this);
    else if (typeof original === 'number') exact &&= Number.isFinite(original);
    else if (typeof original === 'function' || typeof original === 'bigint' || typeof original === 'symbol')
      exact = false;
    else if (typeof original === 'object' && original !== null && !Array.isArray(original))
      exact &&= isPlainObject(original);
    exact &&= length <= longestKey;
    return value;
  });
  return exact && key.length <= longestKey ? key : null;
}

export function renderedOnce(name: string, macro: (...args: unknown[]) => unknown) {
  return function component(this: unknown, ...args: unknown[]) {
    const key = args.length === 1 ? keyOf(name, args[0]) : null;
    if (key === null) return macro.apply(this, args);
    let html = kept.get(key);
    if (html === undefined) {
      html = macro.apply(this, args);
      if (kept.size >= mostKept) kept.clear();
      kept.set(key, html);
    }
    return html;
  };
}
