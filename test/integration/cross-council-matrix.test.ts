import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roles } from '../../src/platform/auth/roles.ts';
import type { RouteAccess } from '../../src/platform/web/access.ts';
import { startTestApp, type TestApp, testClient } from '../support/app.ts';
import { databaseKinds } from '../support/databases.ts';
import { type OtherCouncil, seedOtherCouncil } from '../support/other-council.ts';
import { addTestPerson, testPassword, tokenFor } from '../support/people.ts';

// The permission matrix again, with a second council in the database: every role of the demo
// council asks every page and API listing, with each path parameter naming one of the other
// council's records, and sees none of that council's names, references or ids.

// Searches that would find the other council's people, customers and declared names if they
// looked beyond the viewer's council; none repeats the other council's mark, so an echo of the
// search is no leak.
const searches = [
  '/people?search=Querida',
  '/api/v1/people?search=Querida',
  '/customers?q=Quincy',
  '/complaints/log?q=Quincy',
  '/complaints/all?q=Quincy',
  '/audit?person=Quentin',
  '/interests/lookup?name=Quixholow%20Holdings',
  '/api/v1/conflict-lookup?name=Quixholow%20Holdings',
];

// Path parameters that name a record, filled with the other council's; the rest get a value
// that is no record of anybody's.
function fill(url: string, other: OtherCouncil): string {
  const r = other.records;
  const byParameter: Record<string, (segments: string[]) => string> = {
    council: () => 'demo',
    reference: () => r.complaint,
    draft: (segments) => (segments[1] === 'gifts' ? r.giftDraft : r.declarationDraft),
    register: () => r.register,
    period: () => '2026-10-01',
    step: () => 'kind',
    credential: () => 'not-a-credential',
    topic: () => 'council-tax',
    kind: () => 'acknowledgement',
    id: (segments) => recordIdBefore(segments, r),
  };
  const segments = url.split('/');
  return segments
    .map((segment) =>
      segment.startsWith(':') ? (byParameter[segment.slice(1)]?.(segments) ?? 'x') : segment,
    )
    .join('/');
}

// An :id names the kind of record of the nearest segment before it that names one.
function recordIdBefore(segments: string[], r: OtherCouncil['records']): string {
  const kinds: Record<string, string> = {
    people: r.person,
    emails: r.person,
    gifts: r.gift,
    'gift-offers': r.gift,
    interests: r.declaration,
    declarations: r.declaration,
    campaigns: r.campaign,
    'declaration-campaigns': r.campaign,
    customers: r.customer,
    letters: r.letter,
    cases: r.enforcementCase,
    'committee-packs': r.committeePack,
    conduct: r.conductComplaint,
  };
  const index = segments.indexOf(':id');
  const named = segments
    .slice(0, index)
    .reverse()
    .find((segment) => segment in kinds);
  return named ? (kinds[named] ?? r.letter) : r.letter;
}

const asked = (route: RouteAccess) =>
  route.method === 'GET' && !route.url.includes('*') && !route.url.startsWith('/api/docs');

describe.each(databaseKinds)('one council’s people and another council’s records on %s', (kind) => {
  let t: TestApp;
  let other: OtherCouncil;
  const tokens = new Map<string, string>();

  beforeAll(async () => {
    t = await startTestApp(kind);
    other = await seedOtherCouncil(t);
    for (const role of roles) {
      const id = await addTestPerson(t.db, t.councilId, {
        email: `cross-${role}@probity.test`,
        roles: [role],
      });
      tokens.set(role, await tokenFor(t.db, t.councilId, id));
    }
  });
  afterAll(() => t.close());

  it('has records of every kind in the other council to look for', () => {
    for (const [kind, value] of Object.entries(other.records))
      expect(value, kind).toMatch(/^(service:)?[0-9a-f]{8}-[0-9a-f-]{27}$|^CMP-\d{4}-\d{4}$/);
  });

  it('shows no role any of the other council’s records, on any page or API listing', async () => {
    const problems: string[] = [];
    const urls = t.routes.filter(asked).map((route) => ({ route, url: fill(route.url, other) }));
    for (const role of roles) {
      const browser = testClient(t.app);
      await browser.signIn(`cross-${role}@probity.test`, testPassword);
      const token = tokens.get(role);
      const ask = (url: string) =>
        url.startsWith('/api/') ? browser.api('GET', url, undefined, token) : browser.get(url);
      for (const { route, url } of urls) {
        const response = await ask(url);
        problems.push(...problemsWith(role, url, response, other, namesRecordOf(route.url, url)));
      }
      for (const url of searches) problems.push(...problemsWith(role, url, await ask(url), other, false));
    }
    expect(problems).toEqual([]);
  }, 300_000);
});

// Whether the url names one of the other council's records (rather than only a council or a step).
function namesRecordOf(template: string, url: string): boolean {
  return /:(id|reference|draft|register)\b/.test(template) && url !== template;
}

function problemsWith(
  role: string,
  url: string,
  response: { statusCode: number; body: string; headers: Record<string, unknown> },
  other: OtherCouncil,
  namesRecord: boolean,
): string[] {
  const problems: string[] = [];
  const shown = `${response.body}\n${String(response.headers.location ?? '')}`.toLowerCase();
  const leaked = other.distinctive.filter(
    (value) => !url.toLowerCase().includes(value.toLowerCase()) && shown.includes(value.toLowerCase()),
  );
  if (leaked.length) problems.push(`${role} GET ${url}: shows ${leaked.join(', ')}`);
  if (response.statusCode >= 500) problems.push(`${role} GET ${url}: ${response.statusCode}`);
  // A public page about a complaint sends anyone without a look-up of their own to make one.
  const refused =
    [403, 404].includes(response.statusCode) || (url.startsWith('/public/') && response.statusCode === 303);
  if (namesRecord && !refused)
    problems.push(`${role} GET ${url}: ${response.statusCode} for another council’s record`);
  return problems;
}
