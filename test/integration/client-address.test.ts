import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.ts';
import { databaseKinds } from '../support/databases.ts';

// The proxy in front of Probity connects from 127.0.0.1 (TRUST_PROXY=127.0.0.1) and appends the
// address it saw to whatever X-Forwarded-For the client sent.
const throughTheProxy = (client: string, written: string) => ({ 'x-forwarded-for': `${written}, ${client}` });

const perAddressLimits = [
  {
    form: 'sign-in',
    path: '/sign-in',
    allowed: 30,
    fields: (i: number) => ({ email: `guess${i}@probity.test`, password: 'not the password' }),
  },
  {
    form: 'complaint progress look-up',
    path: '/public/demo/complaints/progress',
    allowed: 20,
    fields: (i: number) => ({ reference: `CMP-2026-${1000 + i}`, email: 'guess@example.test' }),
  },
];

describe.each(databaseKinds)('client addresses behind a proxy on %s', (kind) => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp(kind, { env: { TRUST_PROXY: '127.0.0.1' } });
  });
  afterAll(() => t.close());

  it.each(perAddressLimits.map((limit, n) => ({ ...limit, client: `203.0.113.${n + 1}` })))(
    'limits the $form by the address the proxy saw, whatever the client writes',
    async (limit) => {
      const browser = t.client();
      const statuses = await tryPastTheLimit(browser, limit, (i) =>
        throughTheProxy(limit.client, `1.2.3.${i}`),
      );
      expect(statuses.slice(0, limit.allowed).every((status) => status === 400)).toBe(true);
      expect(statuses.at(-1)).toBe(429);
      // Another client of the same proxy keeps its own allowance.
      const neighbour = await browser.post(
        limit.path,
        limit.fields(0),
        throughTheProxy('203.0.113.200', '1.2.3.0'),
      );
      expect(neighbour.statusCode).toBe(400);
    },
  );

  it('believes no X-Forwarded-For from a client that connects directly', async () => {
    const [, lookUp] = perAddressLimits;
    if (!lookUp) throw new Error('no look-up limit');
    const browser = t.client({ remoteAddress: '203.0.113.99' });
    const statuses = await tryPastTheLimit(browser, lookUp, (i) =>
      throughTheProxy(`1.2.3.${i}`, `4.5.6.${i}`),
    );
    expect(statuses.at(-1)).toBe(429);
  });
});

// Sends the form one more time than the limit allows, with the headers given for each attempt.
async function tryPastTheLimit(
  browser: ReturnType<TestApp['client']>,
  limit: (typeof perAddressLimits)[number],
  headersFor: (attempt: number) => Record<string, string>,
) {
  await browser.get(limit.path);
  const statuses: number[] = [];
  for (let i = 0; i <= limit.allowed; i++)
    statuses.push((await browser.post(limit.path, limit.fields(i), headersFor(i))).statusCode);
  return statuses;
}
