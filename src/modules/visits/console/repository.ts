import { type Kysely, sql } from 'kysely';
import type { Database } from '../../../platform/db/schema.ts';

// What the console reads of everyone out on a day: only what it shows, one row a plan, in a few
// queries however many officers are out. The plans go as one array parameter, so that each query
// is prepared once whatever their number.

const anyOf = (ids: readonly string[]) => sql<string>`any(${[...ids]}::uuid[])`;

type DayRow = {
  plan_id: string;
  last_check_in: Date | null;
  next_visit_id: string | null;
  next_due_at: Date | null;
  home_received_at: Date | null;
  current_id: string | null;
  current_address: string | null;
  current_start: Date | null;
  current_finish: Date | null;
};

// For each plan: the last check-in received; the next one owed (the earliest neither received nor
// dropped); when the officer checked in home; the visit they are at or on the way to (the first in
// the route, not dropped, without a check-in received).
export async function dayOfPlans(db: Kysely<Database>, councilId: string, planIds: readonly string[]) {
  if (!planIds.length) return [];
  const { rows } = await sql<DayRow>`
    select p.plan_id,
      (select max(c.received_at) from check_in_due c
        where c.council_id = ${councilId} and c.plan_id = p.plan_id) as last_check_in,
      w.visit_id as next_visit_id, w.due_at as next_due_at,
      (select c.received_at from check_in_due c
        where c.council_id = ${councilId} and c.plan_id = p.plan_id and c.visit_id is null) as home_received_at,
      v.id as current_id, v.address as current_address, v.planned_start as current_start,
      v.planned_finish as current_finish
    from unnest(${[...planIds]}::uuid[]) as p (plan_id)
    left join lateral (
      select c.visit_id, c.due_at from check_in_due c
      where c.council_id = ${councilId} and c.plan_id = p.plan_id and c.received_at is null
        and c.cancelled_at is null
      order by c.due_at limit 1) w on true
    left join lateral (
      select v.id, v.address, v.planned_start, v.planned_finish from planned_visit v
      where v.council_id = ${councilId} and v.plan_id = p.plan_id and v.dropped_at is null
        and not exists (select 1 from check_in_due c where c.council_id = v.council_id and c.plan_id = v.plan_id
                        and c.visit_id = v.id and c.received_at is not null)
      order by v.position limit 1) v on true`.execute(db);
  return rows.map((row) => ({
    planId: row.plan_id,
    lastCheckIn: row.last_check_in,
    nextDue: row.next_due_at ? { visitId: row.next_visit_id, dueAt: row.next_due_at } : null,
    homeReceivedAt: row.home_received_at,
    current: row.current_id
      ? {
          id: row.current_id,
          address: row.current_address ?? '',
          plannedStart: row.current_start as Date,
          plannedFinish: row.current_finish as Date,
        }
      : null,
  }));
}

// Alerts still waiting for someone: not acknowledged, and the officer not heard from since.
export async function openAlerts(db: Kysely<Database>, councilId: string, planIds: readonly string[]) {
  if (!planIds.length) return [];
  const rows = await db
    .selectFrom('visit_alert')
    .select(['id', 'plan_id', 'kind', 'level', 'raised_at'])
    .where('council_id', '=', councilId)
    .where('plan_id', '=', anyOf(planIds))
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
    .where('plan_id', '=', anyOf(planIds))
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
