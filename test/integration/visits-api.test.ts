import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCouncil } from '../../src/modules/organisation/councils/set-up.ts';
import { fixedClock } from '../../src/platform/clock.ts';
import { demoApi, expectProblem, type Problem } from '../support/api.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { demoPersonId } from '../support/clients.ts';
import { databaseKinds } from '../support/databases.ts';
import { addTestPerson, tokenFor } from '../support/people.ts';
import { rowCount } from '../support/rows.ts';

// Field visits over JSON (DOMAIN.md §5, [000 out-of-hours]): the same use cases and rules as the
// pages. Kelly Morgan plans her Monday with Dean Walsh (her line manager, a responsible officer)
// holding the list; she checks in, asks for help, and Dean acknowledges the alarm.

const monday = '2026-11-23';
const at = (time: string) => `${monday}T${time}.000Z`; // GMT in November

type Visit = { id: string; position: number; plannedStart: string; plannedFinish: string } & Record<
  string,
  unknown
>;
type PlanPage = {
  plan: { id: string; officerId: string; sharedAt: string | null; homeBy: string };
  visits: Visit[];
  owed: { id: string; visitId: string | null; dueAt: string; receivedAt: string | null }[];
  alerts: { id: string; kind: string; level: string; acknowledgedAt: string | null }[];
  changes: { kind: string }[];
  names: Record<string, string>;
  may: Record<string, boolean>;
};

const visit = (fields: Record<string, unknown> = {}) => ({
  address: '1 Test Street, Demoton AB1 2CD',
  purpose: 'enquiry',
  premises: 'domestic',
  start: '10:00',
  finish: '10:30',
  ...fields,
});

describe.each(databaseKinds)('the field visits API on %s', (kind) => {
  let t: TestApp;
  let dean: string;
  let planId: string;
  let page: PlanPage;
  let outsider: string;
  const call = demoApi(() => t);
  const json = <T>(response: { json(): unknown }) => response.json() as T;
  const planUrl = () => `/api/v1/visits/plans/${planId}`;
  const counts = async () =>
    Promise.all(
      (['visit_plan', 'planned_visit', 'check_in_due', 'visit_alert', 'plan_change'] as const).map((table) =>
        rowCount(t.db, table),
      ),
    );
  const received = async () =>
    (await t.db.selectFrom('check_in_due').select('received_at').execute()).filter((row) => row.received_at)
      .length;

  beforeAll(async () => {
    t = await startTestApp(kind, { clock: fixedClock(new Date(at('09:00:00'))) });
    dean = await demoPersonId(t, 'dean.walsh');
    // A field team in another council: every role that plans, watches and takes calls.
    const other = await t.db
      .transaction()
      .execute((trx) =>
        createCouncil(
          trx,
          { name: 'Other Borough', slug: 'other-visits', division: 'england-and-wales', directorates: [] },
          new Date(),
        ),
      );
    const outsiderId = await addTestPerson(t.db, other.councilId, {
      email: 'outsider@other-visits.test',
      roles: ['field-officer', 'line-manager', 'responsible-officer', 'hr'],
    });
    outsider = await tokenFor(t.db, other.councilId, outsiderId);
  });
  afterAll(() => t?.close());

  it('describes the plans, visits, check-ins and alerts in the OpenAPI document', async () => {
    const spec = json<{ paths: Record<string, Record<string, { tags?: string[] }>> }>(
      await t.client().api('GET', '/api/openapi.json'),
    );
    expect(Object.keys(spec.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/visits/plans',
        '/api/v1/visits/plans/{planId}',
        '/api/v1/visits/plans/{planId}/share',
        '/api/v1/visits/plans/{planId}/visits',
        '/api/v1/visits/plans/{planId}/visits/{visitId}',
        '/api/v1/visits/plans/{planId}/visits/{visitId}/drop',
        '/api/v1/visits/plans/{planId}/visits/{visitId}/move',
        '/api/v1/visits/plans/{planId}/visits/{visitId}/advice',
        '/api/v1/visits/plans/{planId}/visits/{visitId}/authorisation',
        '/api/v1/visits/plans/{planId}/visits/{visitId}/checks',
        '/api/v1/visits/plans/{planId}/check-ins/{owedId}',
        '/api/v1/visits/plans/{planId}/calls',
        '/api/v1/visits/plans/{planId}/help',
        '/api/v1/visits/console',
        '/api/v1/visits/alerts/{alertId}',
        '/api/v1/visits/alerts/{alertId}/acknowledge',
      ]),
    );
    expect(spec.paths['/api/v1/visits/plans']?.post?.tags).toEqual(['visits']);
    expect(JSON.stringify(spec.paths['/api/v1/visits/plans/{planId}/visits']?.post)).toContain('HH:MM');
  });

  it('makes a plan and lists it among the officer’s plans', async () => {
    const response = await call('kelly.morgan', 'POST', '/api/v1/visits/plans', {
      planDate: monday,
      responsibleOfficerId: dean,
      homeBy: '16:00',
    });
    expect(response.statusCode, response.body).toBe(201);
    page = json<PlanPage>(response);
    planId = page.plan.id;
    expect(page.plan).toMatchObject({
      officerId: await demoPersonId(t, 'kelly.morgan'),
      sharedAt: null,
      homeBy: at('16:00:00'),
    });
    expect(page.may).toEqual({ change: true, checkIn: true, takeCall: false, authorise: false });
    const mine = json<{ items: { id: string; mine: boolean }[] }>(
      await call('kelly.morgan', 'GET', '/api/v1/visits/plans'),
    );
    expect(mine.items).toEqual([expect.objectContaining({ id: planId, mine: true, visitCount: 0 })]);
    const team = json<{ items: { id: string; mine: boolean }[] }>(
      await call('dean.walsh', 'GET', '/api/v1/visits/plans'),
    );
    expect(team.items).toEqual(
      expect.arrayContaining([expect.objectContaining({ id: planId, mine: false })]),
    );
  });

  it('adds, changes, moves and checks visits, with times on the plan’s day', async () => {
    const first = await call('kelly.morgan', 'POST', `${planUrl()}/visits`, visit());
    expect(first.statusCode, first.body).toBe(201);
    expect(json<Visit>(first)).toMatchObject({
      position: 0,
      plannedStart: at('10:00:00'),
      plannedFinish: at('10:30:00'),
      latitude: null,
    });
    const second = json<Visit>(
      await call(
        'kelly.morgan',
        'POST',
        `${planUrl()}/visits`,
        visit({
          address: '2 Mill Lane, Demoton AB2 3CD',
          start: '11:00',
          finish: '11:30',
          latitude: 51.5,
          longitude: -0.12,
        }),
      ),
    );
    expect(second).toMatchObject({ position: 1, latitude: 51.5, longitude: -0.12 });
    const edited = await call(
      'kelly.morgan',
      'PUT',
      `${planUrl()}/visits/${second.id}`,
      visit({ address: '2 Mill Lane, Demoton AB2 3CD', start: '11:00', finish: '11:45', notes: 'Side door' }),
    );
    expect(edited.statusCode, edited.body).toBe(200);
    expect(json<Visit>(edited)).toMatchObject({ notes: 'Side door', plannedFinish: at('11:45:00') });
    const moved = await call('kelly.morgan', 'POST', `${planUrl()}/visits/${second.id}/move`, {
      direction: 'later',
    });
    expectProblem(moved, 400);
    const back = await call('kelly.morgan', 'POST', `${planUrl()}/visits/${second.id}/move`, {
      direction: 'earlier',
    });
    expect(json<Visit>(back).position).toBe(0);
    const checks = await call('kelly.morgan', 'GET', `${planUrl()}/visits/${second.id}/checks`);
    expect(checks.statusCode, checks.body).toBe(200);
    expect(json<{ checks: unknown }>(checks).checks).toMatchObject({
      ready: true,
      blockers: [],
      hours: { outcome: 'allowed' },
      risk: { outcome: 'clear' },
      conflict: { outcome: 'clear' },
      cautions: [],
      restriction: null,
    });
  });

  it.each([
    ['the finish before the start', visit({ start: '10:00', finish: '09:30' }), ['finish']],
    ['a date-time for the start', visit({ start: `${monday}T10:00:00Z`, finish: '23:00' }), ['start']],
    ['no address', visit({ address: '' }), ['address']],
    ['a missing address', { ...visit(), address: undefined }, ['address']],
    ['the latitude as text', visit({ latitude: '51.5', longitude: -0.1 }), ['latitude']],
    ['only a latitude', visit({ latitude: 51.5 }), ['latitude']],
    ['an unknown purpose', visit({ purpose: 'party' }), ['purpose']],
    [
      'an unknown second officer',
      visit({ secondOfficerId: '019a0000-0000-7000-8000-000000000000' }),
      ['secondOfficerId'],
    ],
    ['a list', [visit()], ['request']],
    ['a latitude too large to write', visit({ latitude: 1e308, longitude: 0 }), ['latitude']],
    ['a NUL in the address', visit({ address: 'a\u0000b' }), ['address']],
    ['a time past midnight', visit({ start: '23:30', finish: '24:15' }), ['finish']],
  ])('refuses a visit with %s, changing nothing', async (_label, body, keys) => {
    const before = await counts();
    const response = await call('kelly.morgan', 'POST', `${planUrl()}/visits`, body);
    expectProblem(response, 400);
    expect(json<Problem>(response).errors?.map((error) => error.key)).toEqual(keys);
    expect(await counts()).toEqual(before);
  });

  it.each([
    ['a day that is not a date', { planDate: '2026-02-30', homeBy: '16:00' }, 'planDate'],
    ['a day as a date-time', { planDate: `${monday}T09:00:00Z`, homeBy: '16:00' }, 'planDate'],
    ['a day that has passed', { planDate: '2026-11-22', homeBy: '16:00' }, 'planDate'],
    ['a second plan on the day', { planDate: monday, homeBy: '16:00' }, 'planDate'],
    ['no time home', { planDate: '2026-11-24', homeBy: '' }, 'homeBy'],
  ])('refuses a plan with %s, changing nothing', async (_label, body, key) => {
    const before = await counts();
    const response = await call('kelly.morgan', 'POST', '/api/v1/visits/plans', {
      responsibleOfficerId: dean,
      ...body,
    });
    expectProblem(response, 400);
    expect(new Set(json<Problem>(response).errors?.map((error) => error.key))).toEqual(new Set([key]));
    expect(await counts()).toEqual(before);
  });

  it('answers 404 for unknown and malformed ids, changing nothing', async () => {
    const before = await counts();
    const unknown = '019a0000-0000-7000-8000-000000000000';
    for (const [method, url] of [
      ['GET', `/api/v1/visits/plans/${unknown}`],
      ['GET', '/api/v1/visits/plans/not-a-uuid'],
      ['POST', `/api/v1/visits/plans/${unknown}/share`],
      ['POST', `${planUrl()}/check-ins/not-a-uuid`],
      ['GET', `${planUrl()}/visits/${unknown}/checks`],
      ['PUT', `${planUrl()}/visits/not-a-uuid`],
      ['GET', `/api/v1/visits/alerts/${unknown}`],
      ['GET', '/api/v1/visits/alerts/1e309'],
    ] as const) {
      const response = await call('kelly.morgan', method, url, method === 'PUT' ? visit() : undefined);
      expect(response.statusCode, url).toBe(404);
      expectProblem(response, 404);
    }
    expect(await counts()).toEqual(before);
  });

  it('shares the plan: the check-ins owed start', async () => {
    const response = await call('kelly.morgan', 'POST', `${planUrl()}/share`);
    expect(response.statusCode, response.body).toBe(200);
    page = json<PlanPage>(response);
    expect(page.plan.sharedAt).toBe(at('09:00:00'));
    expect(page.owed.map((owed) => owed.dueAt)).toEqual([at('10:30:00'), at('11:45:00'), at('16:00:00')]);
    expect(page.changes.map((change) => change.kind)).toContain('shared');
  });

  it('checks in once; again answers already; nobody else can check in for her', async () => {
    const owedId = page.owed[0]?.id;
    const first = await call('kelly.morgan', 'POST', `${planUrl()}/check-ins/${owedId}`);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toEqual({ receivedAt: at('09:00:00'), already: false });
    const again = await call('kelly.morgan', 'POST', `${planUrl()}/check-ins/${owedId}`);
    expect(again.json()).toEqual({ receivedAt: at('09:00:00'), already: true });

    // Bethany's own shared day, to try her check-in on Kelly's plan and Kelly's on hers.
    const bethany = json<PlanPage>(
      await call('bethany.cole', 'POST', '/api/v1/visits/plans', {
        planDate: monday,
        responsibleOfficerId: dean,
        homeBy: '16:00',
      }),
    );
    await call('bethany.cole', 'POST', `/api/v1/visits/plans/${bethany.plan.id}/visits`, visit());
    const shared = json<PlanPage>(
      await call('bethany.cole', 'POST', `/api/v1/visits/plans/${bethany.plan.id}/share`),
    );
    const before = await received();
    expectProblem(await call('bethany.cole', 'POST', `${planUrl()}/check-ins/${page.owed[1]?.id}`), 404);
    expectProblem(await call('kelly.morgan', 'POST', `${planUrl()}/check-ins/${shared.owed[0]?.id}`), 404);
    expectProblem(await call('dean.walsh', 'POST', `${planUrl()}/check-ins/${page.owed[1]?.id}`), 403);
    expectProblem(await call('kelly.morgan', 'POST', `${planUrl()}/check-ins/${bethany.plan.id}`), 404);
    expect(await received()).toBe(before);
  });

  it('records a check-in taken by telephone, at a time on the plan’s day', async () => {
    const owedId = page.owed[1]?.id;
    for (const calledAt of ['25:00', `${monday}T09:00:00Z`, '09:30']) {
      const refused = await call('dean.walsh', 'POST', `${planUrl()}/calls`, { owedId, calledAt });
      expectProblem(refused, 400);
      expect(json<Problem>(refused).errors?.map((error) => error.key)).toEqual(['calledAt']);
    }
    expectProblem(
      await call('kelly.morgan', 'POST', `${planUrl()}/calls`, { owedId, calledAt: '09:00' }),
      403,
    );
    const response = await call('dean.walsh', 'POST', `${planUrl()}/calls`, { owedId, calledAt: '09:00' });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({ receivedAt: at('09:00:00'), already: false });
  });

  it('raises the alarm at every level at once, once; the console shows it; Dean acknowledges it', async () => {
    const help = await call('kelly.morgan', 'POST', `${planUrl()}/help`);
    expect(help.statusCode, help.body).toBe(200);
    expect(help.json()).toMatchObject({ already: false });
    expect(json<{ already: boolean }>(await call('kelly.morgan', 'POST', `${planUrl()}/help`)).already).toBe(
      true,
    );
    const alerts = json<PlanPage>(await call('kelly.morgan', 'GET', planUrl())).alerts;
    expect(alerts.map((alert) => alert.level)).toEqual(['responsible', 'manager', 'emergency']);

    const board = json<{ rows: { planId: string; status: string; alerts: unknown[] }[] }>(
      await call('dean.walsh', 'GET', '/api/v1/visits/console'),
    );
    expect(board.rows.find((row) => row.planId === planId)).toMatchObject({ status: 'alarm' });
    expect(board.rows.find((row) => row.planId === planId)?.alerts).toHaveLength(3);

    const alertId = alerts[0]?.id;
    const shown = await call('dean.walsh', 'GET', `/api/v1/visits/alerts/${alertId}`);
    expect(shown.statusCode, shown.body).toBe(200);
    expect(json<{ instruction: string[]; mayAcknowledge: boolean }>(shown)).toMatchObject({
      instruction: expect.arrayContaining([expect.stringContaining('call the police on 999')]),
      mayAcknowledge: true,
    });
    expectProblem(await call('bethany.cole', 'GET', `/api/v1/visits/alerts/${alertId}`), 404);
    const before = await counts();
    const long = await call('dean.walsh', 'POST', `/api/v1/visits/alerts/${alertId}/acknowledge`, {
      note: 'x'.repeat(1001),
    });
    expectProblem(long, 400);
    expectProblem(
      await call('kelly.morgan', 'POST', `/api/v1/visits/alerts/${alertId}/acknowledge`, { note: 'Fine' }),
      403,
    );
    expect(await counts()).toEqual(before);
    const acknowledged = await call('dean.walsh', 'POST', `/api/v1/visits/alerts/${alertId}/acknowledge`, {
      note: 'Called Kelly: on my way',
    });
    expect(acknowledged.statusCode, acknowledged.body).toBe(200);
    expect(acknowledged.json()).toMatchObject({
      alert: { acknowledgedAt: at('09:00:00'), acknowledgement: 'Called Kelly: on my way' },
      acknowledgedByName: 'Dean Walsh',
    });
  });

  it('takes a line manager’s advice and authorisation, and drops a visit with a reason', async () => {
    const visitId = page.visits[1]?.id;
    const url = `${planUrl()}/visits/${visitId}`;
    expectProblem(await call('kelly.morgan', 'POST', `${url}/advice`, { advice: 'Take a colleague' }), 403);
    const advice = await call('dean.walsh', 'POST', `${url}/advice`, { advice: 'Take a colleague' });
    expect(advice.statusCode, advice.body).toBe(200);
    expect(advice.json()).toMatchObject({ advice: 'Take a colleague', adviceBy: dean });
    const authorised = await call('dean.walsh', 'POST', `${url}/authorisation`, { reason: 'Only time in' });
    expect(authorised.json()).toMatchObject({ authorisationReason: 'Only time in', authorisedBy: dean });
    expectProblem(await call('kelly.morgan', 'POST', `${url}/drop`, { reason: ' ' }), 400);
    const dropped = await call('kelly.morgan', 'POST', `${url}/drop`, { reason: 'Moved away' });
    expect(dropped.json()).toMatchObject({ droppedAt: at('09:00:00'), droppedReason: 'Moved away' });
    const checks = await call('kelly.morgan', 'GET', `${url}/checks`);
    expect(checks.json()).toEqual({ visitId, checks: null });
  });

  it('shows another council’s caller nothing', async () => {
    const other = (method: string, url: string, body?: unknown) =>
      t.client().api(method, url, body, outsider);
    const before = await counts();
    const alertId = json<PlanPage>(await call('kelly.morgan', 'GET', planUrl())).alerts[1]?.id;
    expectProblem(await other('GET', planUrl()), 404);
    expectProblem(await other('POST', `${planUrl()}/share`), 404);
    expectProblem(await other('POST', `${planUrl()}/visits`, visit()), 404);
    expectProblem(await other('POST', `${planUrl()}/check-ins/${page.owed[2]?.id}`), 404);
    expectProblem(await other('POST', `${planUrl()}/help`), 404);
    expectProblem(
      await other('POST', `${planUrl()}/calls`, { owedId: page.owed[2]?.id, calledAt: '09:00' }),
      404,
    );
    expectProblem(await other('GET', `/api/v1/visits/alerts/${alertId}`), 404);
    expectProblem(await other('POST', `/api/v1/visits/alerts/${alertId}/acknowledge`, { note: '' }), 404);
    const board = json<{ rows: unknown[] }>(await other('GET', '/api/v1/visits/console'));
    expect(board.rows).toEqual([]);
    expect(json<{ items: unknown[] }>(await other('GET', '/api/v1/visits/plans')).items).toEqual([]);
    expect(await counts()).toEqual(before);
  });
});
