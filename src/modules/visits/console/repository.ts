import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/db/schema.ts';

// What the console reads of everyone out on a day: only the columns it shows, in a few queries
// however many officers are out.

export async function visitsOnDay(db: Kysely<Database>, councilId: string, planIds: readonly string[]) {
  if (!planIds.length) return [];
  const rows = await db
    .selectFrom('planned_visit')
    .select(['id', 'plan_id', 'position', 'address', 'planned_start', 'planned_finish'])
    .where('council_id', '=', councilId)
    .where('plan_id', 'in', planIds)
    .where('dropped_at', 'is', null)
    .orderBy('plan_id')
    .orderBy('position')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    planId: row.plan_id,
    address: row.address,
    plannedStart: row.planned_start,
    plannedFinish: row.planned_finish,
  }));
}

export async function owedOnDay(db: Kysely<Database>, councilId: string, planIds: readonly string[]) {
  if (!planIds.length) return [];
  const rows = await db
    .selectFrom('check_in_due')
    .select(['id', 'plan_id', 'visit_id', 'due_at', 'received_at', 'cancelled_at'])
    .where('council_id', '=', councilId)
    .where('plan_id', 'in', planIds)
    .execute();
  return rows.map((row) => ({
    id: row.id,
    planId: row.plan_id,
    visitId: row.visit_id,
    dueAt: row.due_at,
    receivedAt: row.received_at,
    cancelled: row.cancelled_at !== null,
  }));
}

// Alerts still waiting for someone: not acknowledged, and the officer not heard from since.
export async function openAlerts(db: Kysely<Database>, councilId: string, planIds: readonly string[]) {
  if (!planIds.length) return [];
  const rows = await db
    .selectFrom('visit_alert')
    .select(['id', 'plan_id', 'kind', 'level', 'raised_at'])
    .where('council_id', '=', councilId)
    .where('plan_id', 'in', planIds)
    .where('acknowledged_at', 'is', null)
    .where('resolved_at', 'is', null)
    .orderBy('raised_at')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    planId: row.plan_id,
    kind: row.kind,
    level: row.level,
    raisedAt: row.raised_at,
  }));
}

export async function changesSince(
  db: Kysely<Database>,
  councilId: string,
  planIds: readonly string[],
  since: Date,
) {
  if (!planIds.length) return [];
  const rows = await db
    .selectFrom('plan_change')
    .select(['id', 'plan_id', 'kind', 'detail', 'changed_at'])
    .where('council_id', '=', councilId)
    .where('plan_id', 'in', planIds)
    .where('changed_at', '>=', since)
    .where('kind', '!=', 'shared')
    .orderBy('changed_at', 'desc')
    .limit(50)
    .execute();
  return rows.map((row) => ({
    id: row.id,
    planId: row.plan_id,
    kind: row.kind,
    detail: row.detail,
    changedAt: row.changed_at,
  }));
}
