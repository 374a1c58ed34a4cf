import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roles } from '../../src/platform/auth/roles.ts';
import { expectProblem, type Problem } from '../support/api.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { csrfOf, publicForm, startForSomeoneElse } from '../support/complaint-intake.ts';
import { databaseKinds } from '../support/databases.ts';
import { addTestPerson, signedInAs, testPassword, tokenFor } from '../support/people.ts';

type Client = ReturnType<TestApp['client']>;

const deeplyNested = `${'['.repeat(3000)}${']'.repeat(3000)}`;
const loneSurrogate = '"\\ud800"';
const campaigns = '/api/v1/declaration-campaigns';

// Malformed requests anyone can send: each is refused with a 4xx that
// says what is wrong, and changes nothing.
describe.each(databaseKinds)('malformed requests on %s', (kind) => {
  let t: TestApp;
  let token: string;
  // Rows the requests here would add were they taken.
  const rows = async () => {
    const counts = sql<{ n: number }>`select (
      (select count(*) from api_token) + (select count(*) from declaration_campaign)
      + (select count(*) from complaint_draft) + (select count(*) from complaint_draft_document)
    )::int as n`;
    return (await counts.execute(t.db)).rows[0]?.n ?? 0;
  };

  beforeAll(async () => {
    t = await startTestApp(kind);
    const personId = await addTestPerson(t.db, t.councilId, {
      email: 'every.role@probity.test',
      roles: [...roles],
    });
    token = await tokenFor(t.db, t.councilId, personId);
  });
  afterAll(() => t.close());

  const send = (url: string, payload: string, headers: Record<string, string> = {}) =>
    t.app.inject({
      method: 'POST',
      url,
      headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
      payload,
    });
  const withToken = () => ({ authorization: `Bearer ${token}` });

  it('refuses JSON nested deeper than 32 levels, signed in or not, without walking it', async () => {
    const api = await send(campaigns, deeplyNested, withToken());
    expectProblem(api, 400);
    expect((api.json() as Problem).detail).toBe('The request must not nest more than 32 levels deep');
    expectProblem(await send('/sign-in', deeplyNested), 400);
    const page = await send('/sign-in', `{"email": ${deeplyNested}}`, { accept: 'text/html' });
    expect(page.statusCode).toBe(400);
    expect(page.body).toContain('The request must not nest more than 32 levels deep');
    const nested = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
    expect((await send('/api/v1/tokens', nested(32), withToken())).json()).not.toMatchObject({
      detail: expect.stringContaining('nest'),
    });
    expectProblem(await send('/api/v1/tokens', nested(33), withToken()), 400);
  });

  it('refuses a lone UTF-16 surrogate in JSON, in a field name, a form, a query or a path', async () => {
    // The public complaint form's pages take JSON as well as forms.
    const browser = t.client();
    const csrf = csrfOf((await browser.get(publicForm)).body);
    await browser.post(publicForm, { topic: 'complaint' });
    const before = await rows();
    const token = await send(
      '/api/v1/tokens',
      `{"name": ${loneSurrogate}, "scope": "read", "expiresInDays": 30}`,
      withToken(),
    );
    expectProblem(token, 400);
    expect((token.json() as Problem).errors).toEqual([
      { key: 'name', message: 'name must be well-formed Unicode text (it has a lone UTF-16 surrogate)' },
    ]);
    const campaign = await send(
      campaigns,
      `{"name": ${loneSurrogate}, "dueOn": "2026-12-31", "scope": "everyone"}`,
      withToken(),
    );
    expectProblem(campaign, 400);
    const fieldName = await send(campaigns, `{${loneSurrogate}: "x", "name": "Annual"}`, withToken());
    expect((fieldName.json() as Problem).errors?.[0]?.key).toBe('request');
    const who = await send(
      `${publicForm}/who`,
      `{"forWhom": "someone-else", "theirName": ${loneSurrogate}, "relationship": "Son", "_csrf": "${csrf}"}`,
      { accept: 'text/html', cookie: cookiesOf(browser) },
    );
    expect(who.statusCode).toBe(400);
    expect(who.body).toContain('theirName must be well-formed Unicode text');
    expect(await rows()).toBe(before);
    // Percent-encoding cannot make a lone surrogate: bytes that are not UTF-8 stay as sent.
    const form = await browser.post(`${publicForm}/who`, { forWhom: 'self', theirName: '%ED%A0%80' });
    expect(form.statusCode).toBeLessThan(500);
    expect((await browser.get('/public/demo/gifts?offeror=%ED%A0%80')).statusCode).toBeLessThan(500);
    expect((await browser.get('/public/%ED%A0%80/complaints/new')).statusCode).toBe(400);
  });

  it('refuses a NUL character in a multipart field as in any other form', async () => {
    const browser = t.client();
    await startForSomeoneElse(browser);
    const response = await multipart(browser, 'multipart/form-data; boundary=XyZ', [
      '--XyZ',
      'Content-Disposition: form-data; name="returnTo"',
      '',
      'che\u0000ck',
      '--XyZ--',
      '',
    ]);
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('returnTo must not contain a NUL character');
  });

  it.each([
    ['no closing boundary', 'multipart/form-data; boundary=XyZ', 'no'],
    ['no boundary in its content type', 'multipart/form-data', 'yes'],
    ['a body that is not multipart at all', 'multipart/form-data; boundary=XyZ', 'garbage'],
  ])('refuses an upload of written authority with %s, saving nothing', async (_, contentType, closing) => {
    const before = await rows();
    const browser = t.client();
    const csrf = await startForSomeoneElse(browser);
    const parts = [
      '--XyZ',
      'Content-Disposition: form-data; name="_csrf"',
      '',
      csrf,
      '--XyZ',
      'Content-Disposition: form-data; name="authority"; filename="permission.pdf"',
      'Content-Type: application/pdf',
      '',
      '%PDF-1.4 signed by Edna',
      ...(closing === 'yes' ? ['--XyZ--', ''] : []),
    ];
    const response = await multipart(browser, contentType, closing === 'garbage' ? ['garbage'] : parts);
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('The form was not sent correctly');
    expect(await rows()).toBe(before + 1); // the draft the page started, and no document
  });

  it.each([
    ['empty', ''],
    ['null', 'null'],
    ['a list', '[]'],
    ['a string', '"x"'],
    ['a number', '42'],
    ['true', 'true'],
  ])('answers a %s body to an API route with a 400 problem, and opens nothing', async (_, payload) => {
    const before = await rows();
    for (const url of [campaigns, '/api/v1/tokens', '/api/v1/gift-offers', '/api/v1/declarations']) {
      const response = await send(url, payload, withToken());
      expectProblem(response, 400);
      expect((response.json() as Problem).detail, url).toBeTruthy();
    }
    expect(await rows()).toBe(before);
  });

  it('answers a body that is not an object of fields to a form with a 400 page', async () => {
    for (const payload of ['null', '[]', '"x"', '7']) {
      const response = await send('/sign-in', payload, { accept: 'text/html' });
      expect(response.statusCode).toBe(400);
      expect(response.body).toContain('The request body must be an object of named fields');
    }
    const bare = await t.app.inject({ method: 'POST', url: '/sign-in', headers: { accept: 'text/html' } });
    expect(bare.statusCode).toBe(403); // no fields at all: not even the CSRF token
  });

  it.each([
    ['/%09/evil.example', '/\t/evil.example'],
    ['a newline', '/gifts\n/evil'],
    ['a carriage return and header', '/gifts\r\nSet-Cookie: x=1'],
  ])('sends someone signing in with next=%s to the home page', async (_, next) => {
    const browser = t.client();
    await browser.get(`/sign-in?next=${encodeURIComponent(next)}`);
    const response = await browser.post('/sign-in', {
      email: 'every.role@probity.test',
      password: testPassword,
      next,
    });
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/');
  });

  // Found by the fuzzer (test/integration/fuzz.test.ts).
  it('answers revoking a token whose id is not a UUID as revoking no token', async () => {
    const browser = await signedInAs(t, 'every.role@probity.test');
    await browser.get('/account/tokens');
    const response = await browser.post('/account/tokens/not-a-uuid/revoke');
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/account/tokens');
  });

  it('answers removing a calendar override for a day that is not a date with a 404', async () => {
    const browser = await signedInAs(t, 'every.role@probity.test');
    await browser.get('/admin/calendar');
    for (const day of ['not-a-date', '2026-02-30', '%27%20or%201%3D1']) {
      expect((await browser.post(`/admin/calendar/overrides/${day}/remove`)).statusCode).toBe(404);
    }
  });

  it('answers bad input to the API docs as to any other route', async () => {
    for (const url of [
      '/api/docs?next=%00',
      '/api/docs/json?year=%00',
      '/api/docs/static/index.html?q=%00',
    ]) {
      expectProblem(await t.app.inject({ method: 'GET', url }), 400);
    }
  });

  function multipart(browser: Client, contentType: string, lines: string[]) {
    return t.app.inject({
      method: 'POST',
      url: `${publicForm}/authority`,
      headers: { accept: 'text/html', 'content-type': contentType, cookie: cookiesOf(browser) },
      payload: lines.join('\r\n'),
    });
  }
});

function cookiesOf(browser: Client) {
  return [...browser.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
}
