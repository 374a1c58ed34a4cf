import { describe, expect, it } from 'vitest';
import { safeNext } from './safe-next.ts';

describe('safeNext', () => {
  it.each<[unknown, string, string]>([
    ['/', '/', 'the home page'],
    ['/account/tokens', '/account/tokens', 'a page on this site'],
    ['/gifts?status=pending&page=2', '/gifts?status=pending&page=2', 'with its query string'],
    ['/sign-in?next=%2Fgifts', '/sign-in?next=%2Fgifts', 'percent-encoded as the sign-in redirect sends it'],
    ['//evil.example/', '/', 'a scheme-relative address is another site'],
    ['/\\evil.example', '/', 'browsers read a backslash as a slash'],
    ['/\t/evil.example', '/', 'browsers drop a tab, leaving //evil.example'],
    ['/\n/evil.example', '/', 'browsers drop a newline too'],
    ['/a\r\nSet-Cookie: x=1', '/', 'a line break cannot go in a Location header'],
    ['/a\u0000b', '/', 'no control characters'],
    ['/a b', '/', 'no white space'],
    ['/a\u00a0b', '/', 'no non-breaking space'],
    ['/\u200b/evil.example', '/', 'no invisible format characters'],
    ['https://evil.example/', '/', 'an absolute address'],
    ['javascript:alert(1)', '/', 'a script address'],
    ['evil.example', '/', 'a relative path'],
    ['', '/', 'nothing'],
    ['/a#section', '/', 'a fragment does not come back from the server, so is not kept'],
    ['/caf\u00e9', '/', 'unencoded text a browser would rewrite'],
    ['/a/../../b', '/', 'dot segments a browser would resolve to another path'],
    ['/\ud800', '/', 'a lone surrogate'],
    [['/gifts'], '/', 'not a string'],
    [undefined, '/', 'absent'],
  ])('%j -> %s (%s)', (next, expected) => {
    expect(safeNext(next)).toBe(expected);
  });
});
