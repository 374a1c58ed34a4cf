import type { Kysely } from 'kysely';
import { expect } from 'vitest';
import { londonDate } from '../../src/platform/calendar/daylight.ts';
import { uuidv7 } from '../../src/platform/db/ids.ts';
import type { Database } from '../../src/platform/db/schema.ts';
import type { TestApp } from './app.ts';

type Client = ReturnType<TestApp['client']>;

// A day planned through the pages, as a field officer does it: the plan, its visits, shared.

export async function planADay(
  browser: Client,
  plan: { date: string; responsibleOfficerId: string; homeBy?: string; officerId?: string },
): Promise<string> {
  const [year, month, day] = plan.date.split('-');
  const response = await browser.post('/visits/plans/new', {
    officerId: plan.officerId ?? '',
    'planDate-day': String(Number(day)),
    'planDate-month': String(Number(month)),
    'planDate-year': year ?? '',
    responsibleOfficerId: plan.responsibleOfficerId,
    homeBy: plan.homeBy ?? '16:00',
  });
  expect(response.statusCode, response.body).toBe(303);
  const id = /\/visits\/plans\/([0-9a-f-]{36})/.exec(response.headers.location ?? '')?.[1];
  if (!id) throw new Error('No plan made');
  return id;
}

export const visitFields = (fields: Record<string, string> = {}) => ({
  address: '1 Test Street, Demoton AB1 2CD',
  accountHolder: '',
  accountRef: '',
  purpose: 'enquiry',
  premises: 'domestic',
  start: '10:00',
  finish: '10:30',
  secondOfficerId: '',
  ...fields,
});

export async function addAVisit(browser: Client, planId: string, fields: Record<string, string> = {}) {
  const response = await browser.post(`/visits/plans/${planId}/visits/new`, visitFields(fields));
  expect(response.statusCode, response.body).toBe(303);
}

export async function shareThePlan(browser: Client, planId: string) {
  const response = await browser.post(`/visits/plans/${planId}/share`);
  expect(response.statusCode, response.body).toBe(303);
}

// The check-ins a plan owes, in the order they fall due; home last.
export async function checkInsOwed(t: TestApp, planId: string) {
  return t.db
    .selectFrom('check_in_due')
    .selectAll()
    .where('council_id', '=', t.councilId)
    .where('plan_id', '=', planId)
    .orderBy('due_at')
    .execute();
}

export async function alertsOf(t: TestApp, planId: string) {
  return t.db
    .selectFrom('visit_alert')
    .selectAll()
    .where('council_id', '=', t.councilId)
    .where('plan_id', '=', planId)
    .orderBy('raised_at')
    .execute();
}

// Shared plans for these officers, each with visits whose check-ins are overdue: every check-in's
// first alert fell due a minute before `now`, a timer pending for whichever process sweeps next.
export async function overdueCheckIns(
  db: Kysely<Database>,
  councilId: string,
  plan: { officerIds: readonly string[]; responsibleOfficerId: string; visitsEach: number; now: Date },
) {
  const { now } = plan;
  const date = londonDate(now);
  let sequence = 0;
  const id = () => uuidv7(now.getTime() + sequence++);
  for (const officerId of plan.officerIds) {
    const planId = id();
    await db
      .insertInto('visit_plan')
      .values({
        council_id: councilId,
        id: planId,
        officer_id: officerId,
        plan_date: date,
        responsible_officer_id: plan.responsibleOfficerId,
        home_by: new Date(now.getTime() + 3_600_000),
        shared_at: new Date(now.getTime() - 3_600_000),
        created_by: officerId,
        created_at: now,
        updated_at: now,
      })
      .execute();
    for (let position = 0; position < plan.visitsEach; position++) {
      const visitId = id();
      const finish = new Date(now.getTime() - (16 + position) * 60_000);
      await db
        .insertInto('planned_visit')
        .values({
          council_id: councilId,
          id: visitId,
          plan_id: planId,
          position,
          address: `${position + 1} Overdue Road, Demoton AB1 ${position}XY`,
          purpose: 'enquiry',
          planned_start: new Date(finish.getTime() - 1_800_000),
          planned_finish: finish,
          created_at: now,
        })
        .execute();
      await db
        .insertInto('check_in_due')
        .values({
          council_id: councilId,
          id: id(),
          plan_id: planId,
          visit_id: visitId,
          due_at: finish,
          next_alert_at: new Date(finish.getTime() + 15 * 60_000),
        })
        .execute();
    }
  }
}
