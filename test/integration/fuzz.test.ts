import fc from 'fast-check';
import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roles } from '../../src/platform/auth/roles.ts';
import type { Database } from '../../src/platform/db/schema.ts';
import type { RouteAccess } from '../../src/platform/web/access.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { csrfOf, publicForm } from '../support/complaint-intake.ts';
import { databaseKinds } from '../support/databases.ts';
import {
  crawl,
  type Findings,
  type FuzzRequest,
  type Identity,
  requestsFor,
} from '../support/fuzz-routes.ts';
import { addTestPerson, signedInAs, tokenFor } from '../support/people.ts';

// Keep it closed: every route in the app, API and forms, sent malformed input
// anonymously, with a signed-in session and with an API token. No answer may be a 5xx, and a 4xx
// must change nothing. The seed is fixed so that CI is repeatable; FUZZ_SEED=<n> tries others and
// FUZZ_RUNS=<n> sends n times as many requests; FUZZ_LOG=1 logs the errors behind any 5xx.
const seed = Number(process.env.FUZZ_SEED ?? 13_0613);
const runs = Number(process.env.FUZZ_RUNS ?? 1);

// Tables a refused request may still write to, so left out of the "a 4xx changes nothing" count:
// sessions (signing in starts one), the audit trail (a failed sign-in is audited, and so is a view
// of a sensitive record even when the request then fails), and the multi-page forms' drafts (a page
// keeps what was typed while refusing it, and a form's first page starts a draft).
const mayChangeOnRefusal = new Set([
  'session',
  'audit_event',
  'audit_head',
  'gift_draft',
  'declaration_draft',
  'complaint_draft',
]);

// Requests per route for each identity: more where the identity gets past the access check and
// the route is meant for it (API routes for a token, pages and forms for a session).
function requestsPerRoute(route: RouteAccess, identity: Identity): number {
  const api = route.url.startsWith('/api/');
  if (identity === 'anonymous') return route.access === 'public' ? 6 : 1;
  if (identity === 'token') return api ? 8 : 1;
  return api ? 2 : 8;
}

type Outcome = { request: FuzzRequest; identity: Identity; status: number; body: string; changed: string[] };

describe.each(databaseKinds)('every route under malformed input on %s', (kind) => {
  let t: TestApp;
  let identities: Record<Identity, { headers: Record<string, string>; csrf: string | null }>;
  let findings: Findings;
  let excluded: Set<string>;

  beforeAll(async () => {
    const logErrors: Record<string, string> = process.env.FUZZ_LOG ? { LOG_LEVEL: 'error' } : {};
    t = await startTestApp(kind, { env: { API_RATE_LIMIT: '100000', ...logErrors } });
    const email = 'fuzz.admin@probity.test';
    const personId = await addTestPerson(t.db, t.councilId, { email, roles: [...roles] });
    const token = await tokenFor(t.db, t.councilId, personId);
    const tokenRow = await t.db
      .selectFrom('api_token')
      .select('id')
      .where('person_id', '=', personId)
      .executeTakeFirstOrThrow();
    // The fuzzing person's own record and token stay out of the paths tried, so that a request
    // that deactivates them or revokes the token does not end the run's access.
    excluded = new Set([personId, tokenRow.id]);
    const session = await signedInAs(t, email);
    const anonymous = t.client();
    await anonymous.get(publicForm);
    await anonymous.post(publicForm, { topic: 'complaint' });
    identities = {
      anonymous: {
        headers: { cookie: cookiesOf(anonymous) },
        csrf: csrfOf((await anonymous.get('/sign-in')).body),
      },
      session: {
        headers: { cookie: cookiesOf(session) },
        csrf: csrfOf((await session.get('/account/tokens')).body),
      },
      token: { headers: { authorization: `Bearer ${token}` }, csrf: null },
    };
    findings = await crawl(t.routes, (url) => session.get(url), 150);
  });
  afterAll(() => t.close());

  // Thousands of requests: on a busy machine this takes minutes, not seconds.
  it('never answers with a 5xx, and a refused request changes nothing', async () => {
    const started = Date.now();
    const openApi = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const outcomes: Outcome[] = [];
    const tables = await guardedTables(t.db);
    let counts = await rowCounts(t.db, tables);
    for (const [index, route] of t.routes.entries()) {
      for (const identity of ['anonymous', 'token', 'session'] as const) {
        // Signing out would end the session the rest of the run uses.
        if (identity === 'session' && route.url === '/sign-out') continue;
        const { headers, csrf } = identities[identity];
        const arbitrary = requestsFor(route, { findings, openApi, csrf, excluded });
        const numRuns = requestsPerRoute(route, identity) * runs;
        for (const request of fc.sample(arbitrary, { seed: seed + index, numRuns })) {
          const response = await send(t, request, { ...headers, ...(csrf ? { 'x-csrf-token': csrf } : {}) });
          const after = await rowCounts(t.db, tables);
          const changed =
            response.statusCode >= 400 && response.statusCode < 500 ? differences(counts, after) : [];
          counts = after;
          outcomes.push({ request, identity, status: response.statusCode, body: response.body, changed });
        }
      }
    }
    const histogram = Object.fromEntries(
      [...Map.groupBy(outcomes, (outcome) => outcome.status)]
        .sort(([a], [b]) => a - b)
        .map(([status, group]) => [status, group.length]),
    );
    console.log(
      `fuzz on ${kind}: seed ${seed}, ${outcomes.length} requests over ${t.routes.length} routes in ${((Date.now() - started) / 1000).toFixed(1)} s; statuses ${JSON.stringify(histogram)}`,
    );
    const failures = outcomes
      .filter((outcome) => outcome.status >= 500 || outcome.changed.length)
      .map(describeFailure);
    expect(failures, `seed ${seed}`).toEqual([]);
  }, 300_000);
});

function send(t: TestApp, request: FuzzRequest, headers: Record<string, string>) {
  return t.app.inject({
    method: request.method as 'GET',
    url: request.url,
    headers: {
      accept: request.url.startsWith('/api/') ? 'application/json' : 'text/html',
      ...headers,
      ...(request.contentType ? { 'content-type': request.contentType } : {}),
    },
    ...(request.payload === null ? {} : { payload: request.payload }),
  });
}

// Rows in each of the tables given, in one statement.
async function rowCounts(db: Kysely<Database>, tables: readonly string[]): Promise<Map<string, number>> {
  const counts = await sql<{ name: string; n: number }>`${sql.join(
    tables.map((name) => sql`select ${name} as name, count(*)::int as n from ${sql.table(name)}`),
    sql` union all `,
  )}`.execute(db);
  return new Map(counts.rows.map((row) => [row.name, row.n]));
}

// Every table a refused request must leave alone.
async function guardedTables(db: Kysely<Database>): Promise<string[]> {
  const tables = await sql<{ name: string }>`select table_name as name from information_schema.tables
    where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`.execute(db);
  return tables.rows.map((row) => row.name).filter((name) => !mayChangeOnRefusal.has(name));
}

function differences(before: Map<string, number>, after: Map<string, number>): string[] {
  return [...after]
    .filter(([name, n]) => before.get(name) !== n)
    .map(([name, n]) => `${name}: ${before.get(name)} -> ${n}`);
}

function describeFailure(outcome: Outcome) {
  const { request, identity, status, body, changed } = outcome;
  const payload = request.payload === null ? '' : String(request.payload).slice(0, 300);
  return `${status} as ${identity}: ${request.method} ${request.url.slice(0, 300)} [${request.contentType}] ${payload}${changed.length ? ` changed ${changed.join(', ')}` : ''} -> ${body.slice(0, 200)}`;
}

function cookiesOf(client: ReturnType<TestApp['client']>) {
  return [...client.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
}
