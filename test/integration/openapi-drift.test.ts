import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roles } from '../../src/platform/auth/roles.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { databaseKinds } from '../support/databases.ts';
import { addTestPerson, tokenFor } from '../support/people.ts';

// The OpenAPI document and the API's behaviour must agree: every operation is named, and every
// status an operation answers, refused or not, is one its document lists, problems as
// application/problem+json. A status the document does not list fails here.

type Response = { description?: string; content?: Record<string, { schema?: unknown }> };
type Operation = {
  operationId?: string;
  summary?: string;
  tags?: string[];
  parameters?: { name: string; in: string; required?: boolean }[];
  requestBody?: unknown;
  responses?: Record<string, Response>;
};
type Document = {
  openapi: string;
  info: { title?: string; version?: string };
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, unknown>; securitySchemes?: Record<string, unknown> };
};
type Call = { method: string; path: string; operation: Operation };

const methods = ['get', 'put', 'post', 'delete', 'patch'];

// Queries that make a GET with no path parameters answer, where its input is required.
const sampleQueries: Record<string, string> = {
  listAddressesAtPostcode: '?postcode=SW1A%201AA',
  lookUpPlace: '?postcode=SW1A%201AA&address=1%20High%20Street',
  lookUpConflicts: '?name=Acme',
  // A demo customer, so that the customer's own GETs have a record to read.
  findCustomers: '?q=Drift%20Customer',
};
// What a GET answers on the test council when it is not 2xx: an empty gazetteer places nothing.
const answersWithoutData: Record<string, number> = { lookUpPlace: 404 };

function operationsOf(document: Document): Call[] {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => methods.includes(method))
      .map(([method, operation]) => ({ method: method.toUpperCase(), path, operation })),
  );
}

const fill = (path: string, value: (name: string) => string) =>
  path.replace(/\{(\w+)\}/g, (_, name: string) => value(name));

// Where the document's structure breaks OpenAPI 3.1: the rules a generator relies on.
function structuralProblems(document: Document): string[] {
  const problems: string[] = [];
  if (document.openapi !== '3.1.0') problems.push(`openapi is ${document.openapi}`);
  if (!document.info.title || !document.info.version) problems.push('info needs a title and version');
  const text = JSON.stringify(document);
  for (const [, name] of text.matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)) {
    if (!document.components?.schemas?.[name as string]) problems.push(`$ref to missing schema ${name}`);
  }
  for (const { method, path, operation } of operationsOf(document)) {
    const where = `${method} ${path}`;
    if (!path.startsWith('/')) problems.push(`${where}: a path starts with /`);
    const templated = [...path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();
    const declared = (operation.parameters ?? [])
      .filter((parameter) => parameter.in === 'path')
      .map((parameter) => {
        if (parameter.required !== true)
          problems.push(`${where}: path parameter ${parameter.name} not required`);
        return parameter.name;
      })
      .sort();
    if (templated.join() !== declared.join())
      problems.push(`${where}: path parameters ${declared} ≠ ${templated}`);
    const responses = Object.entries(operation.responses ?? {});
    if (!responses.length) problems.push(`${where}: no responses`);
    for (const [status, response] of responses) {
      if (!/^[1-5]\d\d$/.test(status)) problems.push(`${where}: response key ${status}`);
      if (typeof response.description !== 'string') problems.push(`${where} ${status}: no description`);
    }
  }
  return problems;
}

// The first id a list answered, as `<list path> <parameter>` for its items' own ids (and
// references, which complaints are read by) and as the parameter's name for ids they point to
// (planId, alertId, ...).
function rememberIds(body: unknown, list: string, ids: Map<string, string>) {
  const items =
    (body as { items?: unknown[]; rows?: unknown[] }).items ?? (body as { rows?: unknown[] }).rows;
  for (const item of items ?? []) {
    for (const [key, value] of Object.entries(item as Record<string, unknown>)) {
      if (typeof value !== 'string') continue;
      if ((key === 'id' || key === 'reference') && !ids.has(`${list} ${key}`))
        ids.set(`${list} ${key}`, value);
      else if (key.endsWith('Id') && !ids.has(key)) ids.set(key, value);
    }
  }
}

describe.each(databaseKinds)('the OpenAPI document against the API on %s', (kind) => {
  let t: TestApp;
  let document: Document;
  let token: string;
  let readOnly: string;
  let nobody: string;
  const statuses = new Map<number, number>();

  beforeAll(async () => {
    t = await startTestApp(kind, { env: { API_RATE_LIMIT: '100000' } });
    const adminId = await addTestPerson(t.db, t.councilId, {
      email: 'drift.admin@probity.test',
      roles: [...roles],
    });
    token = await tokenFor(t.db, t.councilId, adminId);
    readOnly = await tokenFor(t.db, t.councilId, adminId, 'read');
    const nobodyId = await addTestPerson(t.db, t.councilId, {
      email: 'drift.nobody@probity.test',
      roles: [],
    });
    nobody = await tokenFor(t.db, t.councilId, nobodyId);
    // The demo day's plans, cases and alerts, so that GETs of one record find one.
    await t.seedDemo();
    // A customer and a complaint, so that their GETs of one record find one.
    const complaint = {
      ...{ channel: 'phone', receivedOn: '2026-11-20', receivedTime: '10:00', forWhom: 'self' },
      ...{ name: 'Drift Customer', preference: 'post', address: '1 High Street', serviceId: 'unknown' },
      ...{ whatHappened: 'A missed bin', happenedOn: '2026-11-19', wantedOutcome: 'Collect it' },
      needsAdjustments: false,
    };
    const logged = await send('POST', '/api/v1/complaints', { token, body: JSON.stringify(complaint) });
    expect(logged.statusCode, logged.body).toBe(201);
    document = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
  }, 120_000);
  afterAll(() => t.close());

  const send = (
    method: string,
    url: string,
    options: { token?: string; body?: string; type?: string } = {},
  ) =>
    t.app.inject({
      method: method as 'GET',
      url,
      headers: {
        accept: 'application/json',
        ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
        ...(options.body === undefined ? {} : { 'content-type': options.type ?? 'application/json' }),
      },
      ...(options.body === undefined ? {} : { payload: options.body }),
    });

  // A status the operation's document does not list, or a problem not sent as problem+json.
  function drift(call: Call, what: string, answer: { statusCode: number; headers: Record<string, unknown> }) {
    const status = answer.statusCode;
    statuses.set(status, (statuses.get(status) ?? 0) + 1);
    const where = `${call.operation.operationId} (${call.method} ${call.path}) ${what}`;
    if (!call.operation.responses?.[String(status)]) return [`${where}: ${status} is not documented`];
    const type = String(answer.headers['content-type'] ?? '');
    if (status >= 400 && !type.startsWith('application/problem+json')) {
      return [`${where}: ${status} came as ${type}, not application/problem+json`];
    }
    const documented = call.operation.responses[String(status)]?.content;
    if (status >= 400 && !documented?.['application/problem+json']) {
      return [`${where}: ${status} is not documented as application/problem+json`];
    }
    return [];
  }

  it('names every operation with a unique camelCase operationId, and is valid OpenAPI 3.1', () => {
    const calls = operationsOf(document).filter((call) => call.path.startsWith('/api/'));
    expect(calls.length).toBeGreaterThan(80);
    const unnamed = calls.filter((call) => !/^[a-z][A-Za-z0-9]*$/.test(call.operation.operationId ?? ''));
    expect(unnamed.map((call) => `${call.method} ${call.path}`)).toEqual([]);
    const ids = calls.map((call) => call.operation.operationId);
    expect(ids.filter((id, index) => ids.indexOf(id) !== index)).toEqual([]);
    expect(structuralProblems(document)).toEqual([]);
    expect(Object.keys(document.components?.schemas ?? {})).toContain('Problem');
  });

  it('documents every problem as the shared Problem schema, and 400 and 401 on every operation', () => {
    const problems: string[] = [];
    for (const { method, path, operation } of operationsOf(document)) {
      const where = `${method} ${path}`;
      for (const status of ['400', '401']) {
        if (!operation.responses?.[status]) problems.push(`${where}: no ${status}`);
      }
      if (path.includes('{') && !operation.responses?.['404']) problems.push(`${where}: no 404`);
      for (const [status, response] of Object.entries(operation.responses ?? {})) {
        if (Number(status) < 400) continue;
        const content = response.content ?? {};
        const schema = content['application/problem+json']?.schema;
        if (
          Object.keys(content).join() !== 'application/problem+json' ||
          JSON.stringify(schema) !== '{"$ref":"#/components/schemas/Problem"}'
        ) {
          problems.push(`${where} ${status}: not the shared problem+json`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('answers every GET with a status its document lists, and 2xx where it has what it needs', async () => {
    const drifts: string[] = [];
    const unanswered: string[] = [];
    const gets = operationsOf(document).filter(
      (call) => call.method === 'GET' && call.path.startsWith('/api/'),
    );
    const firstIds = new Map<string, string>();
    for (const call of gets.filter((call) => !call.path.includes('{'))) {
      const query = sampleQueries[call.operation.operationId ?? ''] ?? '';
      const answer = await send('GET', `${call.path}${query}`, { token });
      drifts.push(...drift(call, 'with a token', answer));
      const expected = answersWithoutData[call.operation.operationId ?? ''];
      if (answer.statusCode >= 300 && answer.statusCode !== expected) {
        unanswered.push(`${call.operation.operationId}: ${answer.statusCode}`);
      }
      rememberIds(answer.json(), call.path, firstIds);
    }
    // A path's record: the id its list answered first (the list is the path up to its first
    // parameter), or the first of that name any list answered; otherwise an id naming nothing.
    let answered = 0;
    for (const call of gets.filter((call) => call.path.includes('{'))) {
      const list = call.path.replace(/\/\{\w+\}.*$/, '');
      const url = fill(
        call.path,
        (name) => firstIds.get(`${list} ${name}`) ?? firstIds.get(name) ?? randomUUID(),
      );
      const answer = await send('GET', url, { token });
      drifts.push(...drift(call, `with a token at ${url}`, answer));
      if (answer.statusCode < 300) answered++;
    }
    console.log(
      `openapi drift on ${kind}: ${answered} of ${gets.filter((call) => call.path.includes('{')).length} GETs of one record answered 2xx`,
    );
    expect(drifts).toEqual([]);
    expect(unanswered).toEqual([]);
    expect(answered, 'GETs of one record answered 2xx').toBeGreaterThanOrEqual(8);
  }, 120_000);

  it('answers every operation called without a token, or with malformed input, as documented', async () => {
    const drifts: string[] = [];
    const calls = operationsOf(document).filter((call) => call.path.startsWith('/api/'));
    const safe = (call: Call) => call.method === 'GET';
    // Path parameters name nothing (random ids), so that no call ends the token's own access.
    const somewhere = (call: Call) => fill(call.path, () => randomUUID());
    for (const call of calls) {
      const url = somewhere(call);
      const body = safe(call) ? undefined : '{}';
      const cases: [string, string, { token?: string; body?: string; type?: string }][] = [
        ['without a token', url, { body }],
        ['with a token of no roles', url, { token: nobody, body }],
        ['with a NUL in the query', `${url}?q=%00`, { token, body }],
      ];
      if (call.path.includes('{')) {
        cases.push(
          ['with a malformed path', fill(call.path, () => 'not-an-id'), { token, body }],
          ['with a very long path parameter', fill(call.path, () => 'x'.repeat(300)), { token, body }],
        );
      }
      if (!safe(call)) {
        cases.push(
          ['with a read-only token', url, { token: readOnly, body }],
          ['with malformed JSON', url, { token, body: '{"a":' }],
          ['with a JSON array', url, { token, body: '[1]' }],
          ['with an XML body', url, { token, body: '<a/>', type: 'application/xml' }],
          ['with an empty object', url, { token, body: '{}' }],
        );
      }
      for (const [what, at, options] of cases) {
        drifts.push(...drift(call, what, await send(call.method, at, options)));
      }
    }
    const histogram = Object.fromEntries([...statuses].sort(([a], [b]) => a - b));
    console.log(`openapi drift on ${kind}: statuses answered ${JSON.stringify(histogram)}`);
    expect(drifts).toEqual([]);
  }, 240_000);
});
