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
      detail,
      changed_by: by,
      changed_at: at,
    })
    .execute();
}

// A visit's check-in is owed at its planned finish; when that moves, so do its alerts to come.
export async function owedAfter(
  trx: Kysely<Database>,
  plan: repo.Plan,
  visitId: string,
  dueAt: Date,
  minutes: EscalationMinutes,
  now: Date,
) {
  const existing = await trx
    .selectFrom('check_in_due')
    .select(['id', 'level_raised', 'received_at'])
    .where('council_id', '=', plan.councilId)
    .where('visit_id', '=', visitId)
    .forUpdate()
    .executeTakeFirst();
  if (existing?.received_at) return;
  const nextAlertAt = firstAlertAt(dueAt, existing?.level_raised ?? 0, minutes);
  if (existing)
    await trx
      .updateTable('check_in_due')
      .set({ due_at: dueAt, next_alert_at: nextAlertAt ?? null, cancelled_at: null })
      .where('council_id', '=', plan.councilId)
      .where('id', '=', existing.id)
      .execute();
  else
    await trx
      .insertInto('check_in_due')
      .values({
        council_id: plan.councilId,
        id: uuidv7(now.getTime()),
        plan_id: plan.id,
        visit_id: visitId,
        due_at: dueAt,
        next_alert_at: nextAlertAt,
      })
      .execute();
}
