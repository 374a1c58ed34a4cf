import { type Kysely, type Selectable, sql } from 'kysely';
import { sameCouncil } from '../../../platform/db/same-council.ts';
import type { Database } from '../../../platform/db/schema.ts';
import type { ConductComplaintTable, ConductSanctionTable } from '../tables.ts';

// A councillor conduct complaint as the module works with it.
export type ConductComplaint = {
  councilId: string;
  id: string;
  reference: string;
  receivedOn: string;
  complainantName: string;
  complainantEmail: string;
  complainantAddress: string;
  complainantIsCouncillor: boolean;
  councillorId: string | null;
  councillorName: string;
  councillorEmail: string;
  againstAll: boolean;
  whatHappened: string;
  happenedOn: string | null;
  state: string;
  version: number;
  valid: boolean | null;
  notValidGrounds: string[];
  assessmentReasons: string;
  theme: string;
  independentPersonId: string | null;
  independentPersonView: string;
  viewRecordedAt: Date | null;
  decision: string | null;
  decisionReasons: string;
  investigatorId: string | null;
  investigationFinding: string | null;
  investigationReport: string;
  hearingOn: string | null;
  hearingMembers: string;
  hearingIndependentPersonId: string | null;
  hearingOutcome: string | null;
  hearingReasons: string;
  closedAt: Date | null;
};

export type Sanction = {
  id: string;
  kind: string;
  detail: string;
  complyBy: string;
  compliance: string;
  complianceNote: string;
};

type Row = Selectable<ConductComplaintTable> & {
  councillor_name: string | null;
  councillor_email: string | null;
};

function fromRow(row: Row): ConductComplaint {
  return {
    councilId: row.council_id,
    id: row.id,
    reference: row.reference,
    receivedOn: row.received_on,
    complainantName: row.complainant_name,
    complainantEmail: row.complainant_email,
    complainantAddress: row.complainant_address,
    complainantIsCouncillor: row.complainant_is_councillor,
    councillorId: row.councillor_id,
    councillorName: row.against_all ? 'all the councillors' : (row.councillor_name ?? ''),
    councillorEmail: row.councillor_email ?? '',
    againstAll: row.against_all,
    whatHappened: row.what_happened,
    happenedOn: row.happened_on,
    state: row.state,
    version: row.version,
    valid: row.valid,
    notValidGrounds: row.not_valid_grounds,
    assessmentReasons: row.assessment_reasons,
    theme: row.theme,
    independentPersonId: row.independent_person_id,
    independentPersonView: row.independent_person_view,
    viewRecordedAt: row.view_recorded_at,
    decision: row.decision,
    decisionReasons: row.decision_reasons,
    investigatorId: row.investigator_id,
    investigationFinding: row.investigation_finding,
    investigationReport: row.investigation_report,
    hearingOn: row.hearing_on,
    hearingMembers: row.hearing_members,
    hearingIndependentPersonId: row.hearing_independent_person_id,
    hearingOutcome: row.hearing_outcome,
    hearingReasons: row.hearing_reasons,
    closedAt: row.closed_at,
  };
}

function complaints(q: Kysely<Database>, councilId: string) {
  return q
    .selectFrom('conduct_complaint as c')
    .leftJoin('councillor as m', sameCouncil('m.id', 'c.councillor_id'))
    .selectAll('c')
    .select(['m.name as councillor_name', 'm.email as councillor_email'])
    .where('c.council_id', '=', councilId);
}

export async function findComplaint(q: Kysely<Database>, councilId: string, id: string) {
  const row = await complaints(q, councilId).where('c.id', '=', id).executeTakeFirst();
  return row ? fromRow(row) : null;
}

// Open complaints first, most recently received first; or those of one investigator.
export async function listComplaints(
  q: Kysely<Database>,
  councilId: string,
  filter: { open: boolean; investigatorId?: string },
) {
  let query = complaints(q, councilId);
  if (filter.open) query = query.where('c.state', 'not in', ['closed', 'not-valid']);
  if (filter.investigatorId) query = query.where('c.investigator_id', '=', filter.investigatorId);
  const rows = await query.orderBy('c.received_on', 'desc').orderBy('c.id', 'desc').limit(500).execute();
  return rows.map(fromRow);
}

export async function sanctionsOf(
  q: Kysely<Database>,
  councilId: string,
  complaintId: string,
): Promise<Sanction[]> {
  const rows = await q
    .selectFrom('conduct_sanction')
    .selectAll()
    .where('council_id', '=', councilId)
    .where('complaint_id', '=', complaintId)
    .orderBy('id')
    .execute();
  return rows.map((row: Selectable<ConductSanctionTable>) => ({
    id: row.id,
    kind: row.kind,
    detail: row.detail,
    complyBy: row.comply_by,
    compliance: row.compliance,
    complianceNote: row.compliance_note,
  }));
}

export type ComplaintChange = Partial<
  Omit<ConductComplaintTable, 'council_id' | 'id' | 'reference' | 'version'>
>;

/** Changes the complaint only if it is still in the state and version the person read: of two
 * people at once, one changes it and the other is told it changed. */
export async function changeIfUnchanged(
  trx: Kysely<Database>,
  complaint: { councilId: string; id: string },
  read: { state: string; version: number },
  change: ComplaintChange,
): Promise<boolean> {
  const result = await trx
    .updateTable('conduct_complaint')
    .set({ ...change, version: sql<number>`version + 1` })
    .where('council_id', '=', complaint.councilId)
    .where('id', '=', complaint.id)
    .where('state', '=', read.state)
    .where('version', '=', read.version)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

export async function insertSanctions(
  trx: Kysely<Database>,
  councilId: string,
  complaintId: string,
  sanctions: { id: string; kind: string; detail: string; complyBy: string }[],
) {
  if (sanctions.length === 0) return;
  await trx
    .insertInto('conduct_sanction')
    .values(
      sanctions.map((s) => ({
        council_id: councilId,
        complaint_id: complaintId,
        id: s.id,
        kind: s.kind,
        detail: s.detail,
        comply_by: s.complyBy,
        compliance: 'due',
        compliance_note: '',
        compliance_recorded_at: null,
      })),
    )
    .execute();
}

export async function recordCompliance(
  trx: Kysely<Database>,
  key: { councilId: string; complaintId: string; id: string },
  change: { compliance: string; note: string; at: Date },
): Promise<number> {
  const result = await trx
    .updateTable('conduct_sanction')
    .set({ compliance: change.compliance, compliance_note: change.note, compliance_recorded_at: change.at })
    .where('council_id', '=', key.councilId)
    .where('complaint_id', '=', key.complaintId)
    .where('id', '=', key.id)
    .where('compliance', '=', 'due')
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function outstandingSanctions(trx: Kysely<Database>, councilId: string, complaintId: string) {
  const row = await trx
    .selectFrom('conduct_sanction')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('council_id', '=', councilId)
    .where('complaint_id', '=', complaintId)
    .where('compliance', '=', 'due')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
