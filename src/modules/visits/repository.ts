import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import type {
  CheckInDueTable,
  PlanChangeKind,
  PlanChangeTable,
  PlannedVisitTable,
  VisitAlertTable,
  VisitPlanTable,
} from './tables.ts';

// The SQL of a day plan and what hangs off it, shared by the capabilities that plan, check in,
// escalate and watch; rows become the camelCase types below.

export type Plan = {
  councilId: string;
  id: string;
  officerId: string;
  planDate: string;
  responsibleOfficerId: string;
  homeBy: Date;
  sharedAt: Date | null;
  createdBy: string;
  updatedAt: Date;
};

export type Visit = {
  id: string;
  planId: string;
  position: number;
  address: string;
  latitude: number | null;
  longitude: number | null;
  accountRef: string;
  accountHolder: string;
  customerId: string | null;
  purpose: 'enquiry' | 'taking-control';
  premises: 'domestic' | 'business';
  tradingFrom: string | null;
  tradingUntil: string | null;
  courtOrder: string;
  notes: string;
  plannedStart: Date;
  plannedFinish: Date;
  secondOfficerId: string | null;
  advice: string;
  adviceBy: string | null;
  adviceAt: Date | null;
  authorisationReason: string;
  authorisedBy: string | null;
  authorisedAt: Date | null;
  droppedAt: Date | null;
  droppedReason: string;
  addedAfterSharing: boolean;
};

// A check-in the officer owes (after a visit, or home when visitId is null).
export type Owed = {
  id: string;
  planId: string;
  visitId: string | null;
  dueAt: Date;
  receivedAt: Date | null;
  receivedBy: string | null;
  channel: 'app' | 'phone' | null;
  levelRaised: number;
  nextAlertAt: Date | null;
  cancelled: boolean;
};

export type Alert = {
  id: string;
  planId: string;
  causeId: string;
  kind: VisitAlertTable['kind'];
  level: VisitAlertTable['level'];
  raisedAt: Date;
  acknowledgedAt: Date | null;
  acknowledgedBy: string | null;
  acknowledgement: string;
  resolvedAt: Date | null;
};

export type Change = {
  id: string;
  planId: string;
  kind: PlanChangeKind;
  detail: string;
  changedBy: string;
  changedAt: Date;
};

const planOf = (row: Selectable<VisitPlanTable>): Plan => ({
  councilId: row.council_id,
  id: row.id,
  officerId: row.officer_id,
  planDate: row.plan_date,
  responsibleOfficerId: row.responsible_officer_id,
  homeBy: row.home_by,
  sharedAt: row.shared_at,
  createdBy: row.created_by,
  updatedAt: row.updated_at,
});

const visitOf = (row: Selectable<PlannedVisitTable>): Visit => ({
  id: row.id,
  planId: row.plan_id,
  position: row.position,
  address: row.address,
  latitude: row.latitude,
  longitude: row.longitude,
  accountRef: row.account_ref,
  accountHolder: row.account_holder,
  customerId: row.customer_id,
  purpose: row.purpose,
  premises: row.premises,
  tradingFrom: row.trading_from,
  tradingUntil: row.trading_until,
  courtOrder: row.court_order,
  notes: row.notes,
  plannedStart: row.planned_start,
  plannedFinish: row.planned_finish,
  secondOfficerId: row.second_officer_id,
  advice: row.advice,
  adviceBy: row.advice_by,
  adviceAt: row.advice_at,
  authorisationReason: row.authorisation_reason,
  authorisedBy: row.authorised_by,
  authorisedAt: row.authorised_at,
  droppedAt: row.dropped_at,
  droppedReason: row.dropped_reason,
  addedAfterSharing: row.added_after_sharing,
});

export const owedOf = (row: Selectable<CheckInDueTable>): Owed => ({
  id: row.id,
  planId: row.plan_id,
  visitId: row.visit_id,
  dueAt: row.due_at,
  receivedAt: row.received_at,
  receivedBy: row.received_by,
  channel: row.channel,
  levelRaised: row.level_raised,
  nextAlertAt: row.next_alert_at,
  cancelled: row.cancelled_at !== null,
});

const alertOf = (row: Selectable<VisitAlertTable>): Alert => ({
  id: row.id,
  planId: row.plan_id,
  causeId: row.cause_id,
  kind: row.kind,
  level: row.level,
  raisedAt: row.raised_at,
  acknowledgedAt: row.acknowledged_at,
  acknowledgedBy: row.acknowledged_by,
  acknowledgement: row.acknowledgement,
  resolvedAt: row.resolved_at,
});

const changeOf = (row: Selectable<PlanChangeTable>): Change => ({
  id: row.id,
  planId: row.plan_id,
  kind: row.kind,
  detail: row.detail,
  changedBy: row.changed_by,
  changedAt: row.changed_at,
});

// A plan; locked until the transaction ends when `lock` is set, so that changes to one plan
// (a visit added, the plan shared, a check-in) happen one at a time.
export async function plan(q: Kysely<Database>, councilId: string, id: string, lock = false) {
  let query = q.selectFrom('visit_plan').selectAll().where('council_id', '=', councilId).where('id', '=', id);
  if (lock) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  return row ? planOf(row) : null;
}

export async function planOfOfficerOn(
  q: Kysely<Database>,
  councilId: string,
  officerId: string,
  date: string,
) {
  const row = await q
    .selectFrom('visit_plan')
    .selectAll()
    .where('council_id', '=', councilId)
    .where('officer_id', '=', officerId)
    .where('plan_date', '=', date)
    .executeTakeFirst();
  return row ? planOf(row) : null;
}

// Plans on a day, or from a day on, for these officers (every officer's when `officers` is null).
export async function plans(
  q: Kysely<Database>,
  councilId: string,
  days: { on: string } | { from: string },
  officers: readonly string[] | null,
) {
  if (officers?.length === 0) return [];
  let query = q.selectFrom('visit_plan').selectAll().where('council_id', '=', councilId);
  query = 'on' in days ? query.where('plan_date', '=', days.on) : query.where('plan_date', '>=', days.from);
  if (officers) query = query.where('officer_id', 'in', officers);
  const rows = await query.orderBy('plan_date').orderBy('officer_id').limit(2000).execute();
  return rows.map(planOf);
}

export async function visitsOf(q: Kysely<Database>, councilId: string, planIds: readonly string[]) {
  if (!planIds.length) return [];
  const rows = await q
    .selectFrom('planned_visit')
    .selectAll()
    .where('council_id', '=', councilId)
    .where('plan_id', 'in', planIds)
    .orderBy('plan_id')
    .orderBy('position')
    .execute();
  return rows.map(visitOf);
}

export async function owedIn(q: Kysely<Database>, councilId: string, planIds: readonly string[]) {
  if (!planIds.length) return [];
  const rows = await q
    .selectFrom('check_in_due')
    .selectAll()
    .where('council_id', '=', councilId)
    .where('plan_id', 'in', planIds)
    .orderBy('due_at')
    .execute();
  return rows.map(owedOf);
}

export async function alertsIn(q: Kysely<Database>, councilId: string, planIds: readonly string[]) {
  if (!planIds.length) return [];
  const rows = await q
    .selectFrom('visit_alert')
    .selectAll()
    .where('council_id', '=', councilId)
    .where('plan_id', 'in', planIds)
    .orderBy('raised_at')
    .execute();
  return rows.map(alertOf);
}

export async function alert(q: Kysely<Database>, councilId: string, id: string, lock = false) {
  let query = q
    .selectFrom('visit_alert')
    .selectAll()
    .where('council_id', '=', councilId)
    .where('id', '=', id);
  if (lock) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  return row ? alertOf(row) : null;
}

export async function changesOf(q: Kysely<Database>, councilId: string, planIds: readonly string[]) {
  if (!planIds.length) return [];
  const rows = await q
    .selectFrom('plan_change')
    .selectAll()
    .where('council_id', '=', councilId)
    .where('plan_id', 'in', planIds)
    .orderBy('changed_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return rows.map(changeOf);
}

// One visit of a plan (none when the visit is another plan's), locked when `lock` is set.
export async function visit(
  q: Kysely<Database>,
  councilId: string,
  planId: string,
  visitId: string,
  lock = false,
) {
  let query = q
    .selectFrom('planned_visit')
    .selectAll()
    .where('council_id', '=', councilId)
    .where('plan_id', '=', planId)
    .where('id', '=', visitId);
  if (lock) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  return row ? visitOf(row) : null;
}
