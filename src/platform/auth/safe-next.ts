// Where to send someone after signing in: only a path on this site, written as a browser would
// read it back, so that the sign-in page cannot send people elsewhere or put a control character
// in a Location header. Anything else goes to the home page.
const origin = 'http://same.origin';

export function safeNext(value: unknown): string {
  if (typeof value !== 'string' || !/^\/(?![/\\])/.test(value) || /[\s\p{Cc}\p{Cf}\\]/u.test(value))
    return '/';
  const url = URL.parse(value, origin);
  return url?.origin === origin && url.pathname + url.search === value ? value : '/';
}
