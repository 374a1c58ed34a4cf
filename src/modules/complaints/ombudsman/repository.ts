import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/db/schema.ts';
import type { OmbudsmanCaseTable } from '../tables.ts';
import type { Decision, Ombudsman, OmbudsmanCaseFacts } from './rules.ts';

type Db = Kysely<Database>;

export type OmbudsmanCase = OmbudsmanCaseFacts & {
  id: string;
  complaintId: string;
  ombudsman: Ombudsman;
  theirReference: string;
  receivedOn: string;
  enquiry: string;
  respondBy: string | null;
  decidedOn: string | null;
  remedy: string;
  recordedAt: Date;
};

export type ComplaintOfCase = { id: string; reference: string; housing: boolean; serviceName: string };

const toCase = (row: OmbudsmanCaseTable): OmbudsmanCase => ({
  id: row.id,
  complaintId: row.complaint_id,
  ombudsman: row.ombudsman as Ombudsman,
  theirReference: row.their_reference,
  receivedOn: row.received_on,
  enquiry: row.enquiry,
  respondBy: row.respond_by,
  respondedOn: row.responded_on,
  decision: row.decision as Decision | null,
  decidedOn: row.decided_on,
  remedy: row.remedy,
  remedyDueOn: row.remedy_due_on,
  remedyDoneOn: row.remedy_done_on,
  closedOn: row.closed_on,
  recordedAt: row.recorded_at,
});

// As everywhere, an anonymised complaint is no longer there to see or add to.
export async function complaintOfCase(db: Db, councilId: string, reference: string) {
  const row = await db
    .selectFrom('complaint')
    .select(['id', 'reference', 'housing', 'service_name as serviceName'])
    .where('council_id', '=', councilId)
    .where('reference', '=', reference)
    .where('anonymised_at', 'is', null)
    .executeTakeFirst();
  return row satisfies ComplaintOfCase | undefined;
}

export async function casesFor(db: Db, councilId: string, complaintId: string): Promise<OmbudsmanCase[]> {
  const rows = await db
    .selectFrom('ombudsman_case')
    .selectAll()
    .where('council_id', '=', councilId)
    .where('complaint_id', '=', complaintId)
    .orderBy('received_on')
    .orderBy('id')
    .execute();
  return rows.map(toCase);
}

export async function findCase(
  db: Db,
  councilId: string,
  complaintId: string,
  id: string,
  forUpdate = false,
): Promise<OmbudsmanCase | undefined> {
  const row = await db
    .selectFrom('ombudsman_case')
    .selectAll()
    .where('council_id', '=', councilId)
    .where('complaint_id', '=', complaintId)
    .where('id', '=', id)
    .$if(forUpdate, (query) => query.forUpdate())
    .executeTakeFirst();
  return row && toCase(row);
}

export type NewCase = Pick<
  OmbudsmanCase,
  'id' | 'complaintId' | 'ombudsman' | 'theirReference' | 'receivedOn' | 'enquiry' | 'respondBy'
> & { recordedBy: string };

// Answers the row as written, for the audit trail.
export async function insertCase(db: Db, councilId: string, opened: NewCase, at: Date) {
  const row = {
    council_id: councilId,
    id: opened.id,
    complaint_id: opened.complaintId,
    ombudsman: opened.ombudsman,
    their_reference: opened.theirReference,
    received_on: opened.receivedOn,
    enquiry: opened.enquiry,
    respond_by: opened.respondBy,
    remedy: '',
    recorded_by: opened.recordedBy,
    recorded_at: at,
    updated_at: at,
  };
  await db.insertInto('ombudsman_case').values(row).execute();
  return row;
}

// What a step of the case may change.
export type CaseChange = Partial<
  Pick<
    OmbudsmanCase,
    'respondedOn' | 'decision' | 'decidedOn' | 'remedy' | 'remedyDueOn' | 'remedyDoneOn' | 'closedOn'
  >
>;

// The columns a change writes, as the audit trail names them.
export const caseColumns = {
  respondedOn: 'responded_on',
  decision: 'decision',
  decidedOn: 'decided_on',
  remedy: 'remedy',
  remedyDueOn: 'remedy_due_on',
  remedyDoneOn: 'remedy_done_on',
  closedOn: 'closed_on',
} as const satisfies Record<keyof CaseChange, keyof OmbudsmanCaseTable>;

export async function updateCase(db: Db, councilId: string, id: string, change: CaseChange, at: Date) {
  await db
    .updateTable('ombudsman_case')
    .set({
      responded_on: change.respondedOn,
      decision: change.decision,
      decided_on: change.decidedOn,
      remedy: change.remedy,
      remedy_due_on: change.remedyDueOn,
      remedy_done_on: change.remedyDoneOn,
      closed_on: change.closedOn,
      updated_at: at,
    })
    .where('council_id', '=', councilId)
    .where('id', '=', id)
    .execute();
}

// Retention keeps a complaint's personal data while an Ombudsman case is open.
export async function hasOpenCase(db: Db, councilId: string, complaintId: string): Promise<boolean> {
  const row = await db
    .selectFrom('ombudsman_case')
    .select('id')
    .where('council_id', '=', councilId)
    .where('complaint_id', '=', complaintId)
    .where('closed_on', 'is', null)
    .executeTakeFirst();
  return row !== undefined;
}
