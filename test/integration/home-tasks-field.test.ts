import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { principalByEmail } from '../../src/platform/auth/principals.ts';
import { fixedClock } from '../../src/platform/clock.ts';
import { uuidv7 } from '../../src/platform/db/ids.ts';
import type { Task } from '../../src/platform/web/tasks.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { demo, demoClients, demoPersonId } from '../support/clients.ts';
import { databaseKinds } from '../support/databases.ts';
import { record } from '../support/gifts.ts';
import { addTestPerson } from '../support/people.ts';
import { overdueCheckIns } from '../support/visit-plans.ts';

// The home page's other sources of work: quarterly sign-offs of the gifts registers, the day's
// visits and the safety alerts, enforcement cases waiting for a visit, and customers' restriction
// reviews; each for the person who must act, and no one else.

const monday = new Date('2026-11-23T09:00:00Z');
const byTitle = (tasks: Task[], title: string) => tasks.find((task) => task.title === title);

describe.each(databaseKinds)('home page tasks from the field and the registers on %s', (kind) => {
  let t: TestApp;
  const clock = fixedClock(monday);
  const client = demoClients(() => t);
  const tasksOf = async (name: string) => {
    const principal = await principalByEmail(t.db, t.councilId, demo(name));
    if (!principal) throw new Error(`No such person: ${name}`);
    return t.tasksFor(principal);
  };

  beforeAll(async () => {
    t = await startTestApp(kind, { clock });
    await t.seedDemo();
  });
  afterAll(() => t?.close());

  it('asks a head of service to sign off a past quarter their register has entries for', async () => {
    const before = byTitle(await tasksOf('tom.whitfield'), 'Gifts and hospitality reviews to sign off');
    expect(before).toBeUndefined();
    await record(await client('megan.hall'), { date: '2026-08-10', description: 'a framed print' });
    const after = byTitle(await tasksOf('tom.whitfield'), 'Gifts and hospitality reviews to sign off');
    expect(after).toMatchObject({ count: 1, href: '/gifts/reviews', urgency: 'overdue' });
    // July to September's sign-off fell due some working days after 30 September.
    expect(after?.due).toMatch(/^2026-10-/);
    const colleague = byTitle(await tasksOf('fiona.mcleod'), 'Gifts and hospitality reviews to sign off');
    expect(colleague).toBeUndefined();
  });

  it('shows a field officer the visits of their day, and no one else’s', async () => {
    const planned = await t.db
      .selectFrom('planned_visit as v')
      .innerJoin('visit_plan as p', (join) =>
        join.onRef('p.council_id', '=', 'v.council_id').onRef('p.id', '=', 'v.plan_id'),
      )
      .select((eb) => eb.fn.countAll<number>().as('visits'))
      .where('p.council_id', '=', t.councilId)
      .where('p.officer_id', '=', await demoPersonId(t, 'imran.siddiqui'))
      .where('p.plan_date', '=', '2026-11-23')
      .where('v.dropped_at', 'is', null)
      .executeTakeFirstOrThrow();
    const today = byTitle(await tasksOf('imran.siddiqui'), 'Your visits today');
    expect(Number(planned.visits)).toBeGreaterThan(0);
    expect(today).toMatchObject({ count: Number(planned.visits), due: '2026-11-23', urgency: 'today' });
    expect(today?.href).toMatch(/^\/visits\/plans\/[0-9a-f-]{36}$/);
    expect(byTitle(await tasksOf('lucy.adeyemi'), 'Your visits today')).toBeUndefined();
  });

  it('puts a missed check-in’s alert first for its responsible officer until it is acknowledged', async () => {
    const watcher = await demoPersonId(t, 'dean.walsh');
    const officer = await addTestPerson(t.db, t.councilId, {
      email: 'late.returner@demo.probity.test',
      roles: ['officer'],
      lineManagerId: watcher,
    });
    await overdueCheckIns(t.db, t.councilId, {
      officerIds: [officer],
      responsibleOfficerId: watcher,
      visitsEach: 1,
      now: clock.now(),
    });
    await t.jobs.find((job) => job.name === 'missed check-in alerts')?.run();
    const tasks = await tasksOf('dean.walsh');
    expect(tasks[0]).toMatchObject({ title: 'Safety alerts to acknowledge', urgency: 'now' });
    const open = await t.db
      .selectFrom('visit_alert')
      .select('id')
      .where('council_id', '=', t.councilId)
      .where('acknowledged_at', 'is', null)
      .where('resolved_at', 'is', null)
      .execute();
    expect(tasks[0]?.count).toBe(open.length);
    // The officer in the field is not the one to acknowledge it.
    const late = await principalByEmail(t.db, t.councilId, 'late.returner@demo.probity.test');
    if (!late) throw new Error('No late returner');
    expect(byTitle(await t.tasksFor(late), 'Safety alerts to acknowledge')).toBeUndefined();
  });

  it('gives an enforcement agent the cases allocated to them that wait for a visit', async () => {
    const agent = await demoPersonId(t, 'imran.siddiqui');
    const waiting = await t.db
      .selectFrom('enforcement_case')
      .select(['appointment_on'])
      .where('council_id', '=', t.councilId)
      .where('agent_id', '=', agent)
      .where('status', 'in', ['open', 'back-for-visit'])
      .execute();
    expect(waiting.length).toBeGreaterThan(0);
    const task = byTitle(await tasksOf('imran.siddiqui'), 'Enforcement cases waiting for your visit');
    expect(task).toMatchObject({ count: waiting.length, href: '/enforcement' });
    const first = waiting
      .map((row) => row.appointment_on)
      .filter((on): on is string => on !== null)
      .sort()[0];
    expect(task?.due ?? null).toBe(first ?? null);
    expect(byTitle(await tasksOf('megan.hall'), 'Enforcement cases waiting for your visit')).toBeUndefined();
  });

  it('gives the complaints manager a customer’s category review falling due within four weeks', async () => {
    const reviewsDue = async () =>
      byTitle(await tasksOf('lucy.adeyemi'), 'Customer restriction reviews due')?.count ?? 0;
    const before = await reviewsDue();
    const customer = (reviewOn: string, name: string) => ({
      council_id: t.councilId,
      id: uuidv7(),
      name,
      name_key: name.toLowerCase(),
      email: '',
      phone: '',
      address: '',
      category: 'vexatious' as const,
      category_review_on: reviewOn,
      created_at: monday,
      updated_at: monday,
    });
    await t.db
      .insertInto('customer')
      .values([customer('2026-12-10', 'Review Soon'), customer('2027-03-01', 'Review Later')])
      .execute();
    expect(await reviewsDue()).toBe(before + 1);
    expect(byTitle(await tasksOf('james.oneill'), 'Customer restriction reviews due')).toBeUndefined();
  });
});
