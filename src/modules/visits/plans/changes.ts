import type { Kysely } from 'kysely';
import { uuidv7 } from '../../../platform/db/ids.ts';
import type { Database } from '../../../platform/db/schema.ts';
import { type EscalationMinutes, firstAlertAt } from '../escalation/rules.ts';
import type * as repo from '../repository.ts';
import type { PlanChangeKind } from '../tables.ts';

// What follows a change to a plan: the change recorded, and the check-ins owed moved with it.

// Records a change to a shared plan, for the responsible officer to see at once. Every change moves
// the plan's updated_at, so that sharing knows the plan it checked is the plan it shares.
export async function noteChange(
  trx: Kysely<Database>,
  plan: repo.Plan,
  by: string,
  kind: PlanChangeKind,
  detail: string,
  at: Date,
) {
  await trx
    .updateTable('visit_plan')
    .set({ updated_at: at })
    .where('council_id', '=', plan.councilId)
    .where('id', '=', plan.id)
    .execute();
  if (!plan.sharedAt && kind !== 'shared') return;
  await trx
    .insertInto('plan_change')
    .values({
      council_id: plan.councilId,
      id: uuidv7(at.getTime()),
      plan_id: plan.id,
      kind,
      detail: detail.slice(0, 1000),
      changed_by: by,
      changed_at: at,
    })
    .execute();
}

// A check-in cannot be owed before the plan that asks for it is shared, nor before a change that
// moves it: one whose visit has already finished is owed from now. The officer who just shared or
// changed the plan is not reported missing for what they could not do yet.
export const owedFrom = (finish: Date, now: Date) => (finish > now ? finish : now);

// Alerts for check-ins no longer owed (the visit dropped, or re-timed after they were raised) are
// resolved: nobody is asked to act on them.
export async function resolveAlertsFor(
  trx: Kysely<Database>,
  councilId: string,
  owedIds: readonly string[],
  at: Date,
) {
  if (!owedIds.length) return;
  await trx
    .updateTable('visit_alert')
    .set({ resolved_at: at })
    .where('council_id', '=', councilId)
    .where('cause_id', 'in', owedIds)
    .where('resolved_at', 'is', null)
    .execute();
}

// A visit's check-in is owed at its planned finish; when that moves, so do its alerts to come. Once
// an alert was raised for it, the old check-in is cancelled with its alerts resolved, and the new
// time owes a check-in of its own that escalates from the first level again: an acknowledgement
// of the old one does not silence the new.
export async function owedAfter(
  trx: Kysely<Database>,
  plan: repo.Plan,
  visitId: string,
  finish: Date,
  minutes: EscalationMinutes,
  now: Date,
) {
  const dueAt = owedFrom(finish, now);
  const existing = await trx
    .selectFrom('check_in_due')
    .select(['id', 'level_raised', 'received_at'])
    .where('council_id', '=', plan.councilId)
    .where('visit_id', '=', visitId)
    .where('cancelled_at', 'is', null)
    .forUpdate()
    .executeTakeFirst();
  if (existing?.received_at) return;
  if (existing && existing.level_raised === 0) {
    await trx
      .updateTable('check_in_due')
      .set({ due_at: dueAt, next_alert_at: firstAlertAt(dueAt, 0, minutes) })
      .where('council_id', '=', plan.councilId)
      .where('id', '=', existing.id)
      .execute();
    return;
  }
  if (existing) {
    await trx
      .updateTable('check_in_due')
      .set({ cancelled_at: now, next_alert_at: null })
      .where('council_id', '=', plan.councilId)
      .where('id', '=', existing.id)
      .execute();
    await resolveAlertsFor(trx, plan.councilId, [existing.id], now);
  }
  await trx
    .insertInto('check_in_due')
    .values({
      council_id: plan.councilId,
      id: uuidv7(now.getTime()),
      plan_id: plan.id,
      visit_id: visitId,
      due_at: dueAt,
      next_alert_at: firstAlertAt(dueAt, 0, minutes),
    })
    .execute();
}
