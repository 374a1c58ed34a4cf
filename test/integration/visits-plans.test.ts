import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/platform/clock.ts';
import { uuidv7 } from '../../src/platform/db/ids.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { demoClients, demoPersonId } from '../support/clients.ts';
import { databaseKinds } from '../support/databases.ts';
import { rowCount } from '../support/rows.ts';
import { addAVisit, planADay, shareThePlan, visitFields } from '../support/visit-plans.ts';

// Planning a day (DOMAIN.md §5, [000]): bad input changes nothing; a plan is shared only when
// every visit passes its checks (a flagged address needs a second officer and the team leader's
// advice; a declared relative's address is refused); two changes at once keep the route whole.

const monday = '2026-11-23';
const flagged = '14 Ashdown Court, Demoton DM1 4QT';

describe.each(databaseKinds)('planning a day of visits on %s', (kind) => {
  let t: TestApp;
  const clock = fixedClock(new Date(`${monday}T09:00:00Z`));
  const client = demoClients(() => t);
  let dean: string;
  let owen: string;
  const errorsOf = (body: string) =>
    [...body.matchAll(/<li>\s*<a href="#[^"]*">([^<]*)<\/a>/g)].map((match) =>
      match[1]?.replace(/&#39;|&rsquo;/g, '’'),
    );

  beforeAll(async () => {
    t = await startTestApp(kind, { clock });
    dean = await demoPersonId(t, 'dean.walsh');
    owen = await demoPersonId(t, 'owen.rees');
    const marker = await (await client('dean.walsh')).post('/visits/risk-register/new', {
      kind: 'violent',
      address: flagged,
      personName: 'Carl Benton',
      reason: 'Threatened an officer at the door',
      whatToDo: 'Do not visit alone',
      reviewOn: '',
    });
    expect(marker.statusCode, marker.body.slice(0, 400)).toBe(303);
  });
  afterAll(() => t?.close());

  it('refuses bad input with a clear message and changes nothing', async () => {
    const kelly = await client('kelly.morgan');
    const kellyId = await demoPersonId(t, 'kelly.morgan');
    const plans = () => rowCount(t.db, 'visit_plan');
    const before = await plans();
    const refused = await kelly.post('/visits/plans/new', {
      'planDate-day': '22',
      'planDate-month': '11',
      'planDate-year': '2026',
      responsibleOfficerId: kellyId,
      homeBy: '25:00',
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('Enter when you expect to be home as a 24-hour time, like 09:30');
    expect(await plans()).toBe(before);
    const past = await kelly.post('/visits/plans/new', {
      'planDate-day': '22',
      'planDate-month': '11',
      'planDate-year': '2026',
      responsibleOfficerId: kellyId,
      homeBy: '17:00',
    });
    expect(past.body).toContain('The responsible officer must be someone other than the officer going out');
    expect(past.body).toContain('The day of the visits must be today or a day to come');
    const planId = await planADay(kelly, { date: monday, responsibleOfficerId: dean });
    const visits = () => rowCount(t.db, 'planned_visit');
    const visitCount = await visits();
    const backwards = await kelly.post(
      `/visits/plans/${planId}/visits/new`,
      visitFields({ start: '11:00', finish: '10:30' }),
    );
    expect(backwards.statusCode).toBe(400);
    expect(backwards.body).toContain('The planned finish must be after the planned start');
    const noPostcode = await kelly.post(
      `/visits/plans/${planId}/visits/new`,
      visitFields({ address: '1 Somewhere' }),
    );
    expect(noPostcode.body).toContain('Enter the address with its postcode');
    const twice = await kelly.post('/visits/plans/new', {
      'planDate-day': '23',
      'planDate-month': '11',
      'planDate-year': '2026',
      responsibleOfficerId: dean,
      homeBy: '17:00',
    });
    expect(twice.body).toContain('There is already a plan for that officer on that day');
    expect(await visits()).toBe(visitCount);
    const sharedEmpty = await kelly.post(`/visits/plans/${planId}/share`);
    expect(errorsOf(sharedEmpty.body)).toEqual(['Add at least one visit before sharing the plan']);
  });

  it('shares a plan with a flagged address only once a second officer and advice are added', async () => {
    const bethany = await client('bethany.cole');
    const planId = await planADay(bethany, { date: monday, responsibleOfficerId: dean });
    await addAVisit(bethany, planId, { address: flagged, accountHolder: 'Carl Benton' });
    const refused = await bethany.post(`/visits/plans/${planId}/share`);
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('Caution before contact');
    expect(errorsOf(refused.body).join(' ')).toMatch(
      /needs a second named officer and a team leader.s recorded advice/,
    );
    const [visit] = await t.db
      .selectFrom('planned_visit')
      .select('id')
      .where('plan_id', '=', planId)
      .execute();
    const edited = await bethany.post(
      `/visits/plans/${planId}/visits/${visit?.id}/edit`,
      visitFields({ address: flagged, accountHolder: 'Carl Benton', secondOfficerId: owen }),
    );
    expect(edited.statusCode).toBe(303);
    expect(errorsOf((await bethany.post(`/visits/plans/${planId}/share`)).body).join(' ')).toMatch(
      /needs a team leader.s recorded advice before/,
    );
    const ownAdvice = await bethany.post(`/visits/plans/${planId}/visits/${visit?.id}/advice`, {
      advice: 'I will be fine',
    });
    expect(ownAdvice.statusCode).toBe(403);
    const advised = await (await client('dean.walsh')).post(
      `/visits/plans/${planId}/visits/${visit?.id}/advice`,
      { advice: 'Go with Owen; doorstep only' },
    );
    expect(advised.statusCode).toBe(303);
    await shareThePlan(bethany, planId);
    const owed = await t.db.selectFrom('check_in_due').select('id').where('plan_id', '=', planId).execute();
    expect(owed).toHaveLength(2);
  });

  it('names only someone who may hold the diary sheet as responsible officer', async () => {
    const refused = await (await client('peter.green')).post('/visits/plans/new', {
      'planDate-day': '23',
      'planDate-month': '11',
      'planDate-year': '2026',
      responsibleOfficerId: await demoPersonId(t, 'liam.barker'),
      homeBy: '17:00',
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('Choose the responsible officer from the list');
  });

  it('checks a visit added once the plan is shared, and tells the responsible officer what it needs', async () => {
    const peter = await client('peter.green');
    const planId = await planADay(peter, { date: monday, responsibleOfficerId: dean });
    await addAVisit(peter, planId, { address: '3 Quay Street, Demoton AB3 1QQ' });
    await shareThePlan(peter, planId);
    await addAVisit(peter, planId, {
      address: flagged,
      accountHolder: 'Carl Benton',
      start: '11:00',
      finish: '11:30',
    });
    const late = await peter.post(
      `/visits/plans/${planId}/visits/new`,
      visitFields({ start: '15:00', finish: '16:30' }),
    );
    expect(late.body).toContain('The visit must finish by the time you expect to be home');
    const board = await (await client('dean.walsh')).get('/visits/console');
    expect(board.body).toMatch(/14 Ashdown Court, Demoton DM1 4QT\. Not ready: The address is flagged/);
    const page = await peter.get(`/visits/plans/${planId}`);
    expect(page.body).toContain('Not ready');
  });

  it('links the account holder to their customer record and shows their restrictions on the visit', async () => {
    const at = new Date(`${monday}T09:00:00Z`);
    const customerId = uuidv7(at.getTime());
    await t.db
      .insertInto('customer')
      .values({
        council_id: t.councilId,
        id: customerId,
        name: 'Vera Vexley',
        email: '',
        phone: '',
        address: '',
        category_review_on: null,
        anonymised_at: null,
        name_key: 'vera vexley',
        category: 'vexatious',
        single_point_of_contact_id: dean,
        created_at: at,
        updated_at: at,
      })
      .execute();
    await t.db
      .insertInto('contact_restriction')
      .values({
        council_id: t.councilId,
        id: uuidv7(at.getTime() + 1),
        customer_id: customerId,
        kind: 'no-meetings',
        scope_service_id: null,
        scope_service_name: '',
        detail: '',
        named_officer_id: null,
        ended_on: null,
        end_reason: '',
        reason: 'Abusive at meetings',
        starts_on: '2026-11-01',
        review_on: '2027-02-01',
        imposed_by: dean,
        imposed_at: at,
      })
      .execute();
    client.forget();
    const peter = await client('peter.green');
    const planId = await planADay(peter, { date: '2026-11-24', responsibleOfficerId: dean });
    await addAVisit(peter, planId, {
      address: '12 Vale Road, Demoton AB6 6VR',
      accountHolder: 'Vera Vexley',
    });
    const visitId = (
      await t.db
        .selectFrom('planned_visit')
        .select('id')
        .where('plan_id', '=', planId)
        .executeTakeFirstOrThrow()
    ).id;
    const offered = await peter.get(`/visits/plans/${planId}/visits/${visitId}`);
    expect(offered.body).toContain('Is this a customer the council has a record of?');
    expect(
      (await peter.post(`/visits/plans/${planId}/visits/${visitId}/customer`, { customerId: 'not-an-id' }))
        .statusCode,
    ).toBe(400);
    const linked = await peter.post(`/visits/plans/${planId}/visits/${visitId}/customer`, { customerId });
    expect(linked.statusCode).toBe(303);
    const shown = await peter.get(`/visits/plans/${planId}/visits/${visitId}`);
    expect(shown.body).toContain('Restricted contact.');
    expect(shown.body).toContain('Named contact: Dean Walsh.');
  });

  it('keeps the route whole when two visits are added at once', async () => {
    const imran = await client('imran.siddiqui');
    const planId = await planADay(imran, { date: monday, responsibleOfficerId: dean });
    await Promise.all(
      ['1', '2', '3', '4'].map((n) =>
        addAVisit(imran, planId, {
          address: `${n} Mill Road, Demoton AB2 1AA`,
          start: `1${n}:00`,
          finish: `1${n}:30`,
        }),
      ),
    );
    const positions = await t.db
      .selectFrom('planned_visit')
      .select('position')
      .where('plan_id', '=', planId)
      .orderBy('position')
      .execute();
    expect(positions.map((row) => row.position)).toEqual([0, 1, 2, 3]);
  });

  it('changes a shared plan for the responsible officer to see, and moves the check-in with the visit', async () => {
    const owenBrowser = await client('owen.rees');
    const planId = await planADay(owenBrowser, { date: monday, responsibleOfficerId: dean });
    await addAVisit(owenBrowser, planId, {
      address: '2 Quay Street, Demoton AB3 1QQ',
      start: '10:00',
      finish: '10:30',
    });
    await shareThePlan(owenBrowser, planId);
    const [visit] = await t.db
      .selectFrom('planned_visit')
      .select('id')
      .where('plan_id', '=', planId)
      .execute();
    await owenBrowser.post(
      `/visits/plans/${planId}/visits/${visit?.id}/edit`,
      visitFields({ address: '2 Quay Street, Demoton AB3 1QQ', start: '10:30', finish: '11:15' }),
    );
    const owed = await t.db
      .selectFrom('check_in_due')
      .select(['due_at', 'next_alert_at'])
      .where('visit_id', '=', visit?.id ?? '')
      .executeTakeFirstOrThrow();
    expect(owed.due_at.toISOString()).toBe(`${monday}T11:15:00.000Z`);
    expect(owed.next_alert_at?.toISOString()).toBe(`${monday}T11:30:00.000Z`);
    await owenBrowser.post(`/visits/plans/${planId}/deviation`, { detail: 'Via the depot for a permit' });
    // The responsible officer's view of the plan (the console shows the same, refreshed every 2 s).
    const board = await (await client('dean.walsh')).get(`/visits/plans/${planId}`);
    expect(board.body).toContain('Via the depot for a permit');
    expect(board.body).toContain('2 Quay Street, Demoton AB3 1QQ: now 10:30am to 11:15am');
  });
});
