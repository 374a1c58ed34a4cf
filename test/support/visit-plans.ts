import { expect } from 'vitest';
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
