import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoYear } from '../../src/demo.ts';
import { complaintReports } from '../../src/modules/complaints/reports/service.ts';
import { loadKeyring } from '../../src/modules/concerns/service.ts';
import { conductModule } from '../../src/modules/conduct/service.ts';
import { customersService } from '../../src/modules/customers/service.ts';
import { giftsModule } from '../../src/modules/gifts/service.ts';
import { complaintLetters } from '../../src/modules/letters/service.ts';
import { demoSignIns } from '../../src/modules/organisation/councils/demo.ts';
import { organisationService } from '../../src/modules/organisation/service.ts';
import { principalByEmail } from '../../src/platform/auth/principals.ts';
import { fixedClock } from '../../src/platform/clock.ts';
import type { DatabaseKind } from '../../src/platform/db/connection.ts';
import type { Database } from '../../src/platform/db/schema.ts';
import { quietOutbox } from '../../src/platform/demo/history.ts';
import { startTestApp, type TestApp, testConcernKeyFile } from '../support/app.ts';
import { demo, demoClients } from '../support/clients.ts';
import { databaseKinds, demoDatabase, demoSeededAt } from '../support/databases.ts';

// The demo council's lived-in year, as `serve --demo` seeds it: every register and report has a
// year's records with real shapes, and everyone the start banner offers has work waiting. The
// clock reads Monday 23 November 2026, 9am.

const baseUrl = 'http://probity.test';

// The calendar quarters of the past year that have ended, and this one so far.
const quarters = [
  { from: '2025-12-01', to: '2025-12-31' },
  { from: '2026-01-01', to: '2026-03-31' },
  { from: '2026-04-01', to: '2026-06-30' },
  { from: '2026-07-01', to: '2026-09-30' },
  { from: '2026-10-01', to: '2026-11-23' },
].map((quarter) => ({ ...quarter, label: `${quarter.from} to ${quarter.to}`, year: null }));

// What two seedings are compared by: every reference made, the count of records in each state
// and of the events dated before today (the day in the field's are today's).
async function snapshot(db: Kysely<Database>, councilId: string) {
  const { rows } = await sql<{ what: string }>`
    select 'complaint ' || reference || ' ' || status || ' stage ' || stage as what from complaint
      where council_id = ${councilId}
    union all select 'gift ' || reference || ' ' || state from gift_offer where council_id = ${councilId}
    union all select 'declaration ' || reference || ' ' || review_state from declaration
      where council_id = ${councilId} and kind <> 'known-customer'
    union all select 'conduct ' || reference || ' ' || state from conduct_complaint where council_id = ${councilId}
    union all select 'customer ' || name || ' ' || category from customer where council_id = ${councilId}
    union all select 'review ' || register_key || ' ' || period_start from gift_review
      where council_id = ${councilId} and register_key = 'monitoring-officer'
    union all select 'events in the past ' || count(*) from audit_event
      where council_id = ${councilId} and occurred_at < ${demoSeededAt}`.execute(db);
  return rows.map((row) => row.what).sort();
}

// A fresh demo database seeded at the same instant: the same year, reference for reference.
async function seedFresh(kind: DatabaseKind) {
  const database = await demoDatabase(kind);
  try {
    const clock = fixedClock(demoSeededAt);
    const organisation = organisationService({ db: database.db, clock, outbox: quietOutbox, baseUrl });
    const council = await organisation.councilBySlug('demo');
    if (!council) throw new Error('No demo council');
    const keyring = await loadKeyring({
      file: testConcernKeyFile(),
      makeIfMissing: false,
      variable: 'CONCERNS_KEY_FILE',
    });
    await seedDemoYear({ db: database.db, clock, baseUrl, organisation, keyring }, council.council_id);
    return await snapshot(database.db, council.council_id);
  } finally {
    await database.close();
  }
}

describe.each(databaseKinds)('the demo council’s year on %s', (kind) => {
  let t: TestApp;
  const client = demoClients(() => t);
  const services = () => {
    const deps = { db: t.db, clock: t.clock, outbox: quietOutbox, baseUrl };
    const organisation = organisationService(deps);
    const moduleDeps = { ...deps, organisation };
    const customers = customersService(moduleDeps, { letters: complaintLetters(moduleDeps) });
    return { organisation, gifts: giftsModule(moduleDeps), customers, reports: complaintReports(moduleDeps) };
  };
  const as = (name: string) => principalByEmail(t.db, t.councilId, demo(name));

  // A demo started before it had a year has its day in the field already (a field officer's
  // declared relative among it): its year is added all the same.
  beforeAll(async () => {
    t = await startTestApp(kind);
    await t.seedDemo();
    expect(await t.seedDemoYear()).toBeGreaterThan(300);
  }, 180_000);
  afterAll(() => t.close());

  it('has concerns: closed after an exchange by receipt code, one with detriment reported, one to acknowledge', async () => {
    const rows = await t.db
      .selectFrom('concern')
      .select(['category', 'outcome', 'acknowledged_on'])
      .where('council_id', '=', t.councilId)
      .orderBy('received_on')
      .execute();
    expect(rows.map((row) => [row.category, row.outcome, row.acknowledged_on !== null])).toEqual([
      ['fraud', 'substantiated', true],
      ['health-and-safety', 'not-substantiated', true],
      ['bullying', null, true],
      ['environment', null, false],
    ]);
    const kinds = await t.db
      .selectFrom('concern_message')
      .select('kind')
      .where('council_id', '=', t.councilId)
      .execute();
    expect(kinds.filter((row) => row.kind === 'detriment')).toHaveLength(1);
    const tasks = await t.tasksFor(await as('rajesh.patel'));
    expect(tasks.some((task) => task.title === 'Concerns to acknowledge')).toBe(true);
  });

  it('has complaints in every quarter of the year, answered mostly on time, at both stages', async () => {
    const { reports } = services();
    const figures = await Promise.all(quarters.map((quarter) => reports.figures(t.councilId, quarter)));
    const [december, ...full] = figures.map((f) => ({
      received: f.received,
      stage1: f.stages.find((stage) => stage.stage === 1),
      stage2: f.stages.find((stage) => stage.stage === 2),
    }));
    expect(december?.received).toBeGreaterThan(0);
    for (const quarter of full) expect(quarter.received).toBeGreaterThanOrEqual(8);
    const stage1 = full.map((quarter) => quarter.stage1);
    const responded = stage1.reduce((sum, stage) => sum + (stage?.responded ?? 0), 0);
    const onTime = stage1.reduce((sum, stage) => sum + (stage?.respondedOnTime ?? 0), 0);
    expect(onTime / responded).toBeGreaterThan(0.6);
    expect(onTime).toBeLessThan(responded);
    expect(stage1.every((stage) => (stage?.upheld ?? 0) + (stage?.partiallyUpheld ?? 0) > 0)).toBe(true);
    expect(stage1.some((stage) => (stage?.notUpheld ?? 0) > 0)).toBe(true);
    expect(full.some((quarter) => (quarter.stage2?.responded ?? 0) > 0)).toBe(true);
    const year = await reports.figures(t.councilId, {
      ...quarters[0],
      to: '2026-11-23',
    } as (typeof quarters)[0]);
    expect(year.notAccepted).toBeGreaterThan(0);
    expect(year.remediesAgreed).toBeGreaterThan(year.remediesDone);
    expect(year.improvements).toBeGreaterThan(0);
    expect(year.ombudsman.enquiries).toBe(2);
    expect(year.byChannel.map((count) => count.key)).toEqual(
      expect.arrayContaining(['online', 'phone', 'email', 'letter']),
    );
  });

  it('has complaints open at every stage, some due today and some overdue, in the team’s queue', async () => {
    const { rows } = await sql<{ status: string; n: number }>`
      select status, count(*)::int as n from complaint where council_id = ${t.councilId} group by status`.execute(
      t.db,
    );
    const statuses = Object.fromEntries(rows.map((row) => [row.status, row.n]));
    for (const status of [
      'awaiting-triage',
      'stage-1',
      'stage-2',
      'stage-1-responded',
      'closed',
      'not-accepted',
    ])
      expect(statuses[status], status).toBeGreaterThan(0);
    const queue = await (await client('james.oneill')).get('/complaints');
    expect(queue.statusCode).toBe(200);
    expect(queue.body).toContain('Due today');
    expect(queue.body).toContain('Overdue');
  });

  it('has sent the year’s letters when they were written, leaving none waiting', async () => {
    const letters = complaintLetters({
      ...services(),
      db: t.db,
      clock: t.clock,
      outbox: quietOutbox,
      baseUrl,
    });
    for (const name of ['lucy.adeyemi', 'james.oneill', 'hannah.price']) {
      const principal = await as(name);
      const waiting = await letters.waiting(principal);
      expect([...waiting.drafts, ...waiting.toApprove]).toEqual([]);
    }
    const thorne = (await services().customers.search(t.councilId, 'Gerald Thorne'))[0];
    const sent = await letters.forCustomer(t.councilId, thorne?.id ?? '');
    expect(sent.map((letter) => letter.kind)).toEqual(expect.arrayContaining(['warning', 'vexatious']));
  });

  it('has a customer restricted as vexatious with a review due, and one warned', async () => {
    const { customers } = services();
    const due = await customers.reviewsDue(await as('lucy.adeyemi'));
    expect(due.map((row) => [row.name, row.category])).toEqual([['Gerald Thorne', 'vexatious']]);
    const warned = await customers.search(t.councilId, 'Denise Carver');
    expect(warned.map((customer) => customer.name)).toEqual(['Denise Carver']);
    const record = await (await client('lucy.adeyemi')).get(`/customers/${due[0]?.id}`);
    expect(record.body).toContain('Written contact only');
  });

  it('has gifts accepted, declined and waiting for approval, and past quarters signed off', async () => {
    const { gifts } = services();
    const cells = await gifts.reviews.dashboard(await as('emma.clarke'));
    expect(cells.filter((cell) => cell.status === 'signed-off').length).toBeGreaterThan(12);
    expect(cells.filter((cell) => cell.status === 'overdue').map((cell) => cell.period.start)).toEqual(
      expect.arrayContaining(['2026-07-01']),
    );
    expect(await gifts.offers.approvalsWaiting(await as('helen.marsh'))).toBe(1);
    const register = await (await client('emma.clarke')).get('/gifts');
    expect(register.body).toContain('Declined');
    expect(register.body).toContain('Accepted');
  });

  it('has declarations reviewed and waiting for review, and the annual campaign half answered', async () => {
    const { rows } = await sql<{ response: string | null; n: number }>`
      select m.response, count(*)::int as n from campaign_member m
      join declaration_campaign c on c.council_id = m.council_id and c.id = m.campaign_id
      where m.council_id = ${t.councilId} and c.closed_at is null group by m.response`.execute(t.db);
    const responses = Object.fromEntries(rows.map((row) => [row.response ?? 'none', row.n]));
    expect(responses.nil).toBeGreaterThan(0);
    expect(responses.confirmed).toBeGreaterThan(0);
    expect(responses.none).toBeGreaterThan(10);
    const reviews = await (await client('grace.whitmore')).get('/interests/reviews');
    expect(reviews.body).toContain('Liam Barker');
  });

  it('has councillor conduct complaints of each kind, one under investigation and one waiting to be assessed', async () => {
    const deps = { db: t.db, clock: t.clock, outbox: quietOutbox, baseUrl };
    const conduct = conductModule({ ...deps, organisation: organisationService(deps) });
    const year = await conduct.committeeSummary(t.councilId, { from: '2025-11-23', to: '2026-11-23' });
    expect(year).toMatchObject({ referrals: 10, valid: 6, notValid: 3, hearings: 2, sanctions: 4, open: 2 });
    expect(year.byDecision.map((decision) => decision.count)).toEqual([1, 1, 4]);
    expect(year.themes.find((theme) => theme.code === 'social-media')?.count).toBe(2);
    const tasks = await t.tasksFor(await principalByEmail(t.db, t.councilId, demo('rajesh.patel')));
    expect(tasks.find((task) => task.title === 'Councillor conduct complaints to assess')?.count).toBe(1);
    const investigator = await principalByEmail(t.db, t.councilId, demo('claire.donnelly'));
    expect((await t.tasksFor(investigator)).map((task) => [task.title, task.count])).toContainEqual([
      'Councillor conduct investigations to report',
      1,
    ]);
  });

  it('has the standards committee’s half-year pack published and the audit committee’s waiting', async () => {
    const packs = await t.db
      .selectFrom('committee_pack')
      .select(['committee', 'period_from', 'period_to', 'published_at'])
      .where('council_id', '=', t.councilId)
      .orderBy('committee')
      .execute();
    // The demo's today is Monday 23 November 2026: the standards pack of three weeks before covers
    // April to September, and the audit pack of this week July to September.
    expect(
      packs.map((pack) => [pack.committee, pack.period_from, pack.period_to, pack.published_at !== null]),
    ).toEqual([
      ['audit', '2026-07-01', '2026-09-30', false],
      ['standards', '2026-04-01', '2026-09-30', true],
    ]);
    const member = await t.tasksFor(await principalByEmail(t.db, t.councilId, demo('patricia.fleming')));
    expect(member.find((task) => task.title === 'Committee packs to read')?.count).toBe(1);
  });

  it('gives everyone the start banner offers work on their home page', async () => {
    for (const account of demoSignIns()) {
      const tasks = await t.tasksFor(await principalByEmail(t.db, t.councilId, account.email));
      const waiting = tasks.filter((task) => task.count > 0).map((task) => task.title);
      expect(waiting.length, account.email).toBeGreaterThan(0);
    }
  });

  it('adds nothing when the demo starts again', async () => {
    const before = await snapshot(t.db, t.councilId);
    expect(await t.seedDemoYear()).toBe(0);
    expect(await snapshot(t.db, t.councilId)).toEqual(before);
  });

  it('is the same year, reference for reference, whenever it is seeded on the same day', async () => {
    const first = await seedFresh(kind);
    expect(first.filter((line) => line.startsWith('complaint CMP-')).length).toBeGreaterThan(60);
    expect(await seedFresh(kind)).toEqual(first);
  }, 240_000);
});
