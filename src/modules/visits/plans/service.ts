import { actorFor, appendAudit } from '../../../platform/audit/audit-trail.ts';
import type { Principal } from '../../../platform/auth/principal.ts';
import type { Role } from '../../../platform/auth/roles.ts';
import { londonDate } from '../../../platform/calendar/daylight.ts';
import { uuidv7 } from '../../../platform/db/ids.ts';
import { type FieldError, InvalidInput } from '../../../platform/errors.ts';
import { planFor } from '../access.ts';
import type { VisitsDeps } from '../context.ts';
import type * as repo from '../repository.ts';
import type { PlanForm, VisitForm } from './input.ts';
import { planDateProblem, visitTimes } from './rules.ts';

// Planning a day: the plan, and its visits added, changed, dropped and re-ordered. Once the plan is
// shared, every change is recorded for the responsible officer, and the check-ins owed follow it.

export const refuse = (key: string, message: string) => new InvalidInput([{ key, message }]);

async function officerFor(deps: VisitsDeps, principal: Principal, officerId: string | null) {
  if (!officerId || officerId === principal.personId) return principal.personId;
  const reports = await deps.organisation.reportIds(principal.councilId, principal.personId);
  if (!reports.includes(officerId))
    throw refuse('officerId', 'You can plan only your own day or a day for someone you manage');
  return officerId;
}

export async function activePerson(
  deps: VisitsDeps,
  councilId: string,
  id: string,
  key: string,
  message: string,
) {
  const person = await deps.organisation.person(councilId, id);
  if (!person?.active) throw refuse(key, message);
  return person;
}

// Who may hold a diary sheet and stop an escalation by acknowledging it [000 out-of-hours: the line
// manager or nominated responsible officer].
const holdsTheList: readonly Role[] = ['responsible-officer', 'line-manager'];

// Everything wrong with a new plan's day and responsible officer, together.
async function planProblems(
  deps: VisitsDeps,
  councilId: string,
  form: PlanForm & { officerId: string },
  today: string,
) {
  const problems: FieldError[] = [];
  const dateProblem = planDateProblem(form.planDate, today);
  if (dateProblem) problems.push({ key: 'planDate', message: dateProblem });
  const responsible = await deps.organisation.person(councilId, form.responsibleOfficerId);
  if (form.responsibleOfficerId === form.officerId)
    problems.push({
      key: 'responsibleOfficerId',
      message: 'The responsible officer must be someone other than the officer going out',
    });
  else if (!responsible?.active || !responsible.roles.some((role) => holdsTheList.includes(role)))
    problems.push({ key: 'responsibleOfficerId', message: 'Choose the responsible officer from the list' });
  return problems;
}

export async function createPlan(deps: VisitsDeps, principal: Principal, form: PlanForm, requestId?: string) {
  const { councilId } = principal;
  const now = deps.clock.now();
  const officerId = await officerFor(deps, principal, form.officerId);
  const problems = await planProblems(deps, councilId, { ...form, officerId }, londonDate(now));
  if (problems.length) throw new InvalidInput(problems);
  const id = uuidv7(now.getTime());
  const row = {
    council_id: councilId,
    id,
    officer_id: officerId,
    plan_date: form.planDate,
    responsible_officer_id: form.responsibleOfficerId,
    home_by: visitTimes(form.planDate, form.homeBy, form.homeBy).start,
    created_by: principal.personId,
    created_at: now,
    updated_at: now,
  };
  const created = await deps.db.transaction().execute(async (trx) => {
    const inserted = await trx
      .insertInto('visit_plan')
      .values(row)
      .onConflict((conflict) => conflict.columns(['council_id', 'officer_id', 'plan_date']).doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!inserted) return false;
    await appendAudit(
      trx,
      actorFor(principal, requestId),
      { action: 'visit-plan.create', recordType: 'visit-plan', recordId: id, after: row },
      now,
    );
    return true;
  });
  if (!created)
    throw refuse('planDate', 'There is already a plan for that officer on that day: add the visits to it');
  return id;
}

// A plan the person may change (or authorise), on a day that has not passed.
export async function changeablePlan(
  deps: VisitsDeps,
  principal: Principal,
  planId: string,
  action: 'change' | 'authorise' = 'change',
) {
  const found = await planFor(deps, principal, planId, action);
  const now = deps.clock.now();
  assertChangeable(found.plan, now);
  return { ...found, now };
}

// The plan's day must not have passed for its visits to change.
export function assertChangeable(plan: repo.Plan, now: Date) {
  if (plan.planDate < londonDate(now))
    throw refuse('form', 'This plan is for a day that has passed: it can no longer change');
}

export async function visitRow(deps: VisitsDeps, plan: repo.Plan, form: VisitForm) {
  if (form.secondOfficerId) {
    if (form.secondOfficerId === plan.officerId)
      throw refuse('secondOfficerId', 'The second officer must be someone other than the officer visiting');
    await activePerson(
      deps,
      plan.councilId,
      form.secondOfficerId,
      'secondOfficerId',
      'Choose the second officer from the list',
    );
  }
  const { start, finish } = visitTimes(plan.planDate, form.start, form.finish);
  return {
    address: form.address,
    latitude: form.latitude,
    longitude: form.longitude,
    account_ref: form.accountRef,
    account_holder: form.accountHolder,
    purpose: form.purpose,
    premises: form.premises,
    trading_from: form.tradingFrom,
    trading_until: form.tradingUntil,
    court_order: form.courtOrder,
    notes: form.notes,
    planned_start: start,
    planned_finish: finish,
    second_officer_id: form.secondOfficerId,
  };
}
