import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import type { Regime } from './deadline-rules.ts';
import type { ComplaintStatus } from './status-rules.ts';
import type { ComplaintStageTable, ComplaintTable } from './tables.ts';

// The complaint and its stages: what every part of the module reads and moves.

type Db = Kysely<Database>;

export type ComplaintRecord = {
  id: string;
  reference: string;
  customerId: string;
  representativeName: string;
  representativeRelationship: string;
  contactEmail: string;
  contactPhone: string;
  contactAddress: string;
  contactPreference: string;
  serviceId: string | null;
  serviceName: string;
  whatHappened: string;
  happenedOn: string | null;
  wantedOutcome: string;
  adjustments: string;
  channel: string;
  receivedAt: Date;
  receivedOn: string;
  regime: Regime;
  housing: boolean;
  status: ComplaintStatus;
  stage: 1 | 2;
  triageDecision: string | null;
  triageReason: string;
  statutoryRoute: string | null;
  category: string | null;
  lateAccepted: boolean;
  triagedBy: string | null;
  triagedAt: Date | null;
  resolvedOn: string | null;
  closedAt: Date | null;
  anonymisedAt: Date | null;
  // The complaint this one was merged into as a duplicate.
  duplicateOf: string | null;
};

function toComplaint(row: ComplaintTable): ComplaintRecord {
  return {
    id: row.id,
    reference: row.reference,
    customerId: row.customer_id,
    representativeName: row.representative_name,
    representativeRelationship: row.representative_relationship,
    contactEmail: row.contact_email,
    contactPhone: row.contact_phone,
    contactAddress: row.contact_address,
    contactPreference: row.contact_preference,
    serviceId: row.service_id,
    serviceName: row.service_name,
    whatHappened: row.what_happened,
    happenedOn: row.happened_on,
    wantedOutcome: row.wanted_outcome,
    adjustments: row.adjustments,
    channel: row.channel,
    receivedAt: row.received_at,
    receivedOn: row.received_on,
    regime: row.regime as Regime,
    housing: row.housing,
    status: row.status as ComplaintStatus,
    stage: row.stage as 1 | 2,
    triageDecision: row.triage_decision,
    triageReason: row.triage_reason,
    statutoryRoute: row.statutory_route,
    category: row.category,
    lateAccepted: row.late_accepted,
    triagedBy: row.triaged_by,
    triagedAt: row.triaged_at,
    resolvedOn: row.resolved_on,
    closedAt: row.closed_at,
    anonymisedAt: row.anonymised_at,
    duplicateOf: row.duplicate_of,
  };
}

const complaintQuery = (db: Db, councilId: string) =>
  db.selectFrom('complaint').selectAll().where('council_id', '=', councilId);

export async function complaintByReference(db: Db, councilId: string, reference: string) {
  const row = await complaintQuery(db, councilId).where('reference', '=', reference).executeTakeFirst();
  return row ? toComplaint(row) : undefined;
}

export async function complaintById(db: Db, councilId: string, id: string, forUpdate = false) {
  const row = await complaintQuery(db, councilId)
    .where('id', '=', id)
    .$if(forUpdate, (query) => query.forUpdate())
    .executeTakeFirst();
  return row ? toComplaint(row) : undefined;
}

export type ComplaintChange = Partial<{
  status: ComplaintStatus;
  stage: 1 | 2;
  housing: boolean;
  triageDecision: string;
  triageReason: string;
  statutoryRoute: string | null;
  category: string | null;
  lateAccepted: boolean;
  triagedBy: string;
  triagedAt: Date;
  resolvedOn: string | null;
  closedAt: Date;
}>;

// A change to a complaint by its columns (the audit trail records a triage decision so too).
export function complaintColumns(change: ComplaintChange) {
  return {
    status: change.status,
    stage: change.stage,
    housing: change.housing,
    triage_decision: change.triageDecision,
    triage_reason: change.triageReason,
    statutory_route: change.statutoryRoute,
    category: change.category,
    late_accepted: change.lateAccepted,
    triaged_by: change.triagedBy,
    triaged_at: change.triagedAt,
    resolved_on: change.resolvedOn,
    closed_at: change.closedAt,
  };
}

export async function updateComplaint(
  db: Db,
  councilId: string,
  id: string,
  change: ComplaintChange,
  at: Date,
) {
  await db
    .updateTable('complaint')
    .set({ ...complaintColumns(change), updated_at: at })
    .where('council_id', '=', councilId)
    .where('id', '=', id)
    .execute();
}

export type Stage = {
  stage: 1 | 2;
  startedOn: string;
  handlerId: string | null;
  handlerName: string | null;
  allocatedAt: Date | null;
  acknowledgeBy: string;
  acknowledgedOn: string | null;
  respondBy: string | null;
  deadlineBasis: string;
  extendedTo: string | null;
  extensionReason: string;
  extendedAt: Date | null;
  escalationReason: string;
  respondedOn: string | null;
  outcome: 'upheld' | 'partially-upheld' | 'not-upheld' | null;
  findings: string;
};

export const toStage = (row: ComplaintStageTable): Stage => ({
  stage: row.stage as 1 | 2,
  startedOn: row.started_on,
  handlerId: row.handler_id,
  handlerName: row.handler_name,
  allocatedAt: row.allocated_at,
  acknowledgeBy: row.acknowledge_by,
  acknowledgedOn: row.acknowledged_on,
  respondBy: row.respond_by,
  deadlineBasis: row.deadline_basis,
  extendedTo: row.extended_to,
  extensionReason: row.extension_reason,
  extendedAt: row.extended_at,
  escalationReason: row.escalation_reason,
  respondedOn: row.responded_on,
  outcome: row.outcome as Stage['outcome'],
  findings: row.findings,
});

export function stagesQuery(db: Db, councilId: string, complaintId: string) {
  return db
    .selectFrom('complaint_stage')
    .selectAll()
    .where('council_id', '=', councilId)
    .where('complaint_id', '=', complaintId)
    .orderBy('stage');
}

export async function stages(db: Db, councilId: string, complaintId: string): Promise<Stage[]> {
  return (await stagesQuery(db, councilId, complaintId).execute()).map(toStage);
}

export type StageChange = Partial<{
  handlerId: string;
  handlerName: string;
  allocatedAt: Date;
  acknowledgeBy: string;
  acknowledgedOn: string;
  respondBy: string;
  deadlineBasis: string;
  extendedTo: string;
  extensionReason: string;
  extendedAt: Date;
  respondedOn: string;
  outcome: string;
  findings: string;
}>;

export async function updateStage(
  db: Db,
  councilId: string,
  complaintId: string,
  stage: 1 | 2,
  change: StageChange,
) {
  await db
    .updateTable('complaint_stage')
    .set({
      handler_id: change.handlerId,
      handler_name: change.handlerName,
      allocated_at: change.allocatedAt,
      acknowledge_by: change.acknowledgeBy,
      acknowledged_on: change.acknowledgedOn,
      respond_by: change.respondBy,
      deadline_basis: change.deadlineBasis,
      extended_to: change.extendedTo,
      extension_reason: change.extensionReason,
      extended_at: change.extendedAt,
      responded_on: change.respondedOn,
      outcome: change.outcome,
      findings: change.findings,
    })
    .where('council_id', '=', councilId)
    .where('complaint_id', '=', complaintId)
    .where('stage', '=', stage)
    .execute();
}

export async function insertStage(
  db: Db,
  councilId: string,
  complaintId: string,
  stage: Pick<
    Stage,
    'stage' | 'startedOn' | 'acknowledgeBy' | 'acknowledgedOn' | 'deadlineBasis' | 'escalationReason'
  > & { respondBy: string },
) {
  await db
    .insertInto('complaint_stage')
    .values({
      council_id: councilId,
      complaint_id: complaintId,
      stage: stage.stage,
      started_on: stage.startedOn,
      acknowledge_by: stage.acknowledgeBy,
      acknowledged_on: stage.acknowledgedOn,
      respond_by: stage.respondBy,
      deadline_basis: stage.deadlineBasis,
      escalation_reason: stage.escalationReason,
      handler_id: null,
      handler_name: null,
      allocated_at: null,
      extended_to: null,
      extension_reason: '',
      extended_at: null,
      responded_on: null,
      outcome: null,
      findings: '',
    })
    .execute();
}
