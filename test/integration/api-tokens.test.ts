import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.ts';
import { databaseKinds } from '../support/databases.ts';
import { addTestPerson, signedInAs, tokenFor } from '../support/people.ts';

describe.each(databaseKinds)('personal API tokens on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind);
    await addTestPerson(t.db, t.councilId, { email: 'tom.tokens@probity.test', roles: ['officer'] });
  });
  afterAll(() => t.close());

  it('shows a new token once, stores only its hash, and accepts it until revoked', async () => {
    const browser = await signedInAs(t, 'tom.tokens@probity.test');
    const missing = await browser.post('/account/tokens', { name: '' });
    expect(missing.statusCode).toBe(400);
    expect(missing.body).toContain('Enter a name for the token');
    expect(missing.body).toContain('Select what the token may do');

    const created = await browser.post('/account/tokens', {
      name: 'Report script',
      scope: 'read',
      expiresInDays: '30',
    });
    const token = /id="new-token">([^<]+)</.exec(created.body)?.[1];
    expect(token).toMatch(/^pbt_[0-9a-f-]{36}\.[A-Za-z0-9_-]{43}$/);
    if (!token) return;
    const stored = await t.db.selectFrom('api_token').select(['token_hash']).executeTakeFirstOrThrow();
    expect(stored.token_hash).not.toContain(token.split('.')[1]);
    expect((await browser.get('/account/tokens')).body).not.toContain(token);

    const api = t.client();
    const me = await api.api('GET', '/api/v1/me', undefined, token);
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ email: 'tom.tokens@probity.test' });

    const id = (await api.api('GET', '/api/v1/tokens', undefined, token)).json().items[0].id as string;
    expect((await browser.post(`/account/tokens/${id}/revoke`)).statusCode).toBe(303);
    const after = await api.api('GET', '/api/v1/me', undefined, token);
    expect(after.statusCode).toBe(401);
    expect(after.headers['content-type']).toContain('application/problem+json');
  });

  it('expires a token at its expiry date', async () => {
    const browser = await signedInAs(t, 'tom.tokens@probity.test');
    const created = await browser.post('/account/tokens', {
      name: 'Short lived',
      scope: 'read-write',
      expiresInDays: '30',
    });
    const token = /id="new-token">([^<]+)</.exec(created.body)?.[1] ?? '';
    const api = t.client();
    expect((await api.api('GET', '/api/v1/me', undefined, token)).statusCode).toBe(200);
    t.clock.advance(31 * 86_400_000);
    expect((await api.api('GET', '/api/v1/me', undefined, token)).statusCode).toBe(401);
  });

  it('describes the API in OpenAPI 3.1 and answers unknown routes with problem+json', async () => {
    const client = t.client();
    const spec = (await client.api('GET', '/api/openapi.json')).json() as {
      openapi: string;
      paths: Record<string, unknown>;
    };
    expect(spec.openapi).toBe('3.1.0');
    expect(Object.keys(spec.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/people',
        '/api/v1/people/{id}',
        '/api/v1/tokens',
        '/api/v1/audit-events',
      ]),
    );
    const missing = await client.api('GET', '/api/v1/nothing-here');
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-type']).toContain('application/problem+json');
    const docs = await client.get('/api/docs');
    expect([200, 302]).toContain(docs.statusCode);
  });
});

describe.each(databaseKinds)('API rate limits on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind, { env: { API_RATE_LIMIT: '5' } });
  });
  afterAll(() => t.close());

  it('limits each token separately, and answers 429 as problem+json', async () => {
    const personId = await addTestPerson(t.db, t.councilId, {
      email: 'rory.rate@probity.test',
      roles: ['officer'],
    });
    const first = await tokenFor(t.db, t.councilId, personId);
    const second = await tokenFor(t.db, t.councilId, personId);
    const client = t.client();
    const statuses = [];
    for (let i = 0; i < 6; i++)
      statuses.push((await client.api('GET', '/api/v1/me', undefined, first)).statusCode);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
    const limited = await client.api('GET', '/api/v1/me', undefined, first);
    expect(limited.headers['content-type']).toContain('application/problem+json');
    expect((await client.api('GET', '/api/v1/me', undefined, second)).statusCode).toBe(200);
  });
});
