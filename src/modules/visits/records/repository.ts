import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../../../platform/db/schema.ts';
import type { AccountRecoveryHoldTable, ReferralKind, VisitOutcome } from '../tables.ts';

// The SQL of visits' records, referrals and recovery holds; visit_plan and planned_visit are read only.

export type VisitFacts = {
  councilId: string;
  visitId: string;
  planId: string;
  officerId: string;
  responsibleOfficerId: string;
  planDate: string;
  address: string;
  accountRef: string;
  accountHolder: string;
  customerId: string | null;
  plannedStart: Date;
  dropped: boolean;
};

export type VisitRecord = {
  outcome: VisitOutcome;
  reason: string;
  notes: string;
  recordedBy: string;
  recordedAt: Date;
};

export type Referral = {
  id: string;
  kind: ReferralKind;
  detail: string;
  sentTo: string;
  complaintReference: string;
  madeAt: Date;
};

export type RecoveryHold = {
  id: string;
  accountRef: string;
  // The visit whose record placed it; null when an enforcement case's outcome did.
  visitId: string | null;
  reason: string;
  heldFrom: Date;
  heldBy: string;
  liftedAt: Date | null;
  liftedBy: string | null;
  liftReason: string;
};

export async function visitFacts(
  q: Kysely<Database>,
  councilId: string,
  planId: string,
  visitId: string,
): Promise<VisitFacts | null> {
  const row = await q
    .selectFrom('planned_visit as v')
    .innerJoin('visit_plan as p', (join) =>
      join.onRef('p.council_id', '=', 'v.council_id').onRef('p.id', '=', 'v.plan_id'),
    )
    .select([
      'v.id',
      'p.officer_id',
      'p.responsible_officer_id',
      'p.plan_date',
      'v.address',
      'v.account_ref',
      'v.account_holder',
      'v.customer_id',
      'v.planned_start',
      'v.dropped_at',
    ])
    .where('v.council_id', '=', councilId)
    .where('v.id', '=', visitId)
    .where('v.plan_id', '=', planId)
    .executeTakeFirst();
  if (!row) return null;
  return {
    councilId,
    visitId,
    planId,
    officerId: row.officer_id,
    responsibleOfficerId: row.responsible_officer_id,
    planDate: row.plan_date,
    address: row.address,
    accountRef: row.account_ref,
    accountHolder: row.account_holder,
    customerId: row.customer_id,
    plannedStart: row.planned_start,
    dropped: row.dropped_at !== null,
  };
}

// The plan a visit is on, for a visit named without its plan (an incident report's).
export async function planOfVisit(q: Kysely<Database>, councilId: string, visitId: string) {
  const row = await q
    .selectFrom('planned_visit')
    .select('plan_id')
    .where('council_id', '=', councilId)
    .where('id', '=', visitId)
    .executeTakeFirst();
  return row?.plan_id ?? null;
}

export async function recordOf(
  q: Kysely<Database>,
  councilId: string,
  visitId: string,
): Promise<VisitRecord | null> {
  const row = await q
    .selectFrom('visit_record')
    .select(['outcome', 'reason', 'notes', 'recorded_by', 'recorded_at'])
    .where('council_id', '=', councilId)
    .where('visit_id', '=', visitId)
    .executeTakeFirst();
  return row
    ? {
        outcome: row.outcome,
        reason: row.reason,
        notes: row.notes,
        recordedBy: row.recorded_by,
        recordedAt: row.recorded_at,
      }
    : null;
}

// Adds the record; false if the visit already has one.
export async function insertRecord(
  trx: Kysely<Database>,
  visit: VisitFacts,
  record: VisitRecord,
): Promise<boolean> {
  const inserted = await trx
    .insertInto('visit_record')
    .values({
      council_id: visit.councilId,
      visit_id: visit.visitId,
      plan_id: visit.planId,
      outcome: record.outcome,
      reason: record.reason,
      notes: record.notes,
      recorded_by: record.recordedBy,
      recorded_at: record.recordedAt,
    })
    .onConflict((oc) => oc.columns(['council_id', 'visit_id']).doNothing())
    .returning('visit_id')
    .executeTakeFirst();
  return inserted !== undefined;
}

export async function insertReferral(
  trx: Kysely<Database>,
  visit: VisitFacts,
  referral: Referral & { madeBy: string },
) {
  await trx
    .insertInto('visit_referral')
    .values({
      council_id: visit.councilId,
      id: referral.id,
      visit_id: visit.visitId,
      kind: referral.kind,
      detail: referral.detail,
      sent_to: referral.sentTo,
      complaint_reference: referral.complaintReference,
      made_by: referral.madeBy,
      made_at: referral.madeAt,
    })
    .execute();
}

export async function referralsOf(
  q: Kysely<Database>,
  councilId: string,
  visitId: string,
): Promise<Referral[]> {
  const rows = await q
    .selectFrom('visit_referral')
    .select(['id', 'kind', 'detail', 'sent_to', 'complaint_reference', 'made_at'])
    .where('council_id', '=', councilId)
    .where('visit_id', '=', visitId)
    .orderBy('made_at')
    .orderBy('id')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    detail: row.detail,
    sentTo: row.sent_to,
    complaintReference: row.complaint_reference,
    madeAt: row.made_at,
  }));
}

const holdColumns = [
  'id',
  'account_ref',
  'visit_id',
  'reason',
  'held_from',
  'held_by',
  'lifted_at',
  'lifted_by',
  'lift_reason',
] as const;

type HoldRow = Pick<Selectable<AccountRecoveryHoldTable>, (typeof holdColumns)[number]>;

const holdOf = (row: HoldRow): RecoveryHold => ({
  id: row.id,
  accountRef: row.account_ref,
  visitId: row.visit_id,
  reason: row.reason,
  heldFrom: row.held_from,
  heldBy: row.held_by,
  liftedAt: row.lifted_at,
  liftedBy: row.lifted_by,
  liftReason: row.lift_reason,
});

// Suspends recovery on the account, unless a hold is already in force; the hold in force either way.
export async function placeHold(
  trx: Kysely<Database>,
  councilId: string,
  hold: RecoveryHold,
): Promise<RecoveryHold> {
  await trx
    .insertInto('account_recovery_hold')
    .values({
      council_id: councilId,
      id: hold.id,
      account_ref: hold.accountRef,
      visit_id: hold.visitId,
      reason: hold.reason,
      held_from: hold.heldFrom,
      held_by: hold.heldBy,
    })
    .onConflict((oc) => oc.columns(['council_id', 'account_ref']).where('lifted_at', 'is', null).doNothing())
    .execute();
  return (await holdInForce(trx, councilId, hold.accountRef)) ?? hold;
}

export async function holdInForce(q: Kysely<Database>, councilId: string, accountRef: string) {
  const row = await q
    .selectFrom('account_recovery_hold')
    .select(holdColumns)
    .where('council_id', '=', councilId)
    .where('account_ref', '=', accountRef)
    .where('lifted_at', 'is', null)
    .executeTakeFirst();
  return row ? holdOf(row) : null;
}

export async function hold(q: Kysely<Database>, councilId: string, id: string, forUpdate = false) {
  let query = q
    .selectFrom('account_recovery_hold')
    .select(holdColumns)
    .where('council_id', '=', councilId)
    .where('id', '=', id);
  if (forUpdate) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  return row ? holdOf(row) : null;
}

export async function holdsPlacedAt(q: Kysely<Database>, councilId: string, visitId: string) {
  const rows = await q
    .selectFrom('account_recovery_hold')
    .select(holdColumns)
    .where('council_id', '=', councilId)
    .where('visit_id', '=', visitId)
    .orderBy('held_from')
    .execute();
  return rows.map(holdOf);
}

export async function liftHold(
  trx: Kysely<Database>,
  councilId: string,
  id: string,
  lift: { by: string; at: Date; reason: string },
) {
  await trx
    .updateTable('account_recovery_hold')
    .set({ lifted_at: lift.at, lifted_by: lift.by, lift_reason: lift.reason })
    .where('council_id', '=', councilId)
    .where('id', '=', id)
    .where('lifted_at', 'is', null)
    .execute();
}
