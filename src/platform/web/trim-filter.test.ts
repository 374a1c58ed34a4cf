import nunjucks from 'nunjucks';
import { describe, expect, it } from 'vitest';
import { trimFilter } from './view-engine.ts';

const nunjucksTrim = new nunjucks.Environment().getFilter('trim') as (text: unknown) => unknown;
const { SafeString } = nunjucks.runtime;

describe('the trim filter gives what nunjucks’ own gives', () => {
  it.each([
    ['empty', ''],
    ['white space only', ' \n\t  \r\n '],
    ['nothing to trim', 'a b'],
    ['spaces both ends', '   <p>x</p>   '],
    ['runs inside kept', '\n  <div>\n      <p>a</p>\n      \n  </div>\n'],
    ['non-breaking and other Unicode spaces', '\u00a0\u2003text\u3000\ufeff\u2028'],
    ['a long indented block', `\n${'      <li>item</li>\n'.repeat(500)}    `],
  ])('%s', (_, text) => {
    expect(trimFilter(text)).toBe(nunjucksTrim(text));
    const safe = trimFilter(new SafeString(text));
    expect(safe).toBeInstanceOf(SafeString);
    expect(String(safe)).toBe(String(nunjucksTrim(new SafeString(text))));
  });

  it('refuses what has no text, as nunjucks’ does', () => {
    expect(() => nunjucksTrim(undefined)).toThrow(TypeError);
    expect(() => trimFilter(undefined)).toThrow(TypeError);
  });
});
