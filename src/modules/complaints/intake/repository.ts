// The SQL of taking complaints in: drafts of the public form and their files, the daily counts
// of what the public add, references, and a new complaint with its first stage and document.
import { type Kysely, sql } from 'kysely';
import { sameCouncil } from '../../../platform/db/same-council.ts';
import type { Database } from '../../../platform/db/schema.ts';
import type { Answers } from './input.ts';
import type { CheckedUpload } from './uploads.ts';

type Db = Kysely<Database>;

export type Channel = 'online' | 'phone' | 'email' | 'letter' | 'in-person';

// The year's next number for a complaint's reference, counted per council.
export async function nextReferenceNumber(db: Db, councilId: string, year: number): Promise<number> {
  const row = await db
    .insertInto('complaint_reference_counter')
    .values({ council_id: councilId, year, last_number: 1 })
    .onConflict((oc) =>
      oc
        .columns(['council_id', 'year'])
        .doUpdateSet((eb) => ({ last_number: eb('complaint_reference_counter.last_number', '+', 1) })),
    )
    .returning('last_number')
    .executeTakeFirstOrThrow();
  return row.last_number;
}

const dayColumns = { drafts: 'drafts', uploadBytes: 'upload_bytes' } as const;

// Adds to what the public added on this day, unless that would pass the ceiling: false, and
// nothing counted, then.
export async function countOnDay(
  db: Db,
  councilId: string,
  day: string,
  what: keyof typeof dayColumns,
  amount: number,
  ceiling: number,
): Promise<boolean> {
  const column = dayColumns[what];
  const counted = await db
    .insertInto('public_intake_day')
    .values({ council_id: councilId, day, [column]: amount })
    .onConflict((oc) =>
      oc
        .columns(['council_id', 'day'])
        .doUpdateSet((eb) => ({ [column]: eb(`public_intake_day.${column}`, '+', amount) }))
        .where(`public_intake_day.${column}`, '<=', ceiling - amount),
    )
    .returning(column)
    .executeTakeFirst();
  return counted !== undefined && Number(counted[column]) <= ceiling;
}

export async function insertDraft(db: Db, councilId: string, id: string, answers: Answers, at: Date) {
  await db
    .insertInto('complaint_draft')
    .values({ council_id: councilId, id, answers: JSON.stringify(answers), updated_at: at })
    .execute();
}

// A draft's answers; locked until the end of the transaction when asked.
export async function draftAnswers(
  db: Db,
  councilId: string,
  id: string,
  lock = false,
): Promise<Answers | null> {
  const query = db
    .selectFrom('complaint_draft')
    .select('answers')
    .where('council_id', '=', councilId)
    .where('id', '=', id);
  const row = await (lock ? query.forUpdate() : query).executeTakeFirst();
  return row ? (row.answers as Answers) : null;
}

// Replaces a draft's answers (or, without answers, only marks it as touched now).
export async function updateDraft(db: Db, councilId: string, id: string, at: Date, answers?: Answers) {
  await db
    .updateTable('complaint_draft')
    .set({ ...(answers ? { answers: JSON.stringify(answers) } : {}), updated_at: at })
    .where('council_id', '=', councilId)
    .where('id', '=', id)
    .execute();
}

export async function deleteDraftsBefore(db: Db, before: Date): Promise<number> {
  const result = await db.deleteFrom('complaint_draft').where('updated_at', '<', before).executeTakeFirst();
  return Number(result.numDeletedRows);
}

const draftAuthority = (db: Db, councilId: string, draftId: string) =>
  db
    .selectFrom('complaint_draft_document')
    .where('council_id', '=', councilId)
    .where('draft_id', '=', draftId)
    .where('purpose', '=', 'authority');

// The written authority sent with a draft: what it is (draftAuthorityFile), or the file itself.
export async function draftAuthorityFile(db: Db, councilId: string, draftId: string) {
  return draftAuthority(db, councilId, draftId)
    .select(['file_name as fileName', 'content_type as contentType', 'size_bytes as sizeBytes'])
    .executeTakeFirst();
}

export async function draftAuthorityContent(
  db: Db,
  councilId: string,
  draftId: string,
): Promise<CheckedUpload | undefined> {
  return draftAuthority(db, councilId, draftId)
    .select(['file_name as fileName', 'content_type as contentType', 'content'])
    .executeTakeFirst();
}

export async function saveDraftAuthority(
  db: Db,
  councilId: string,
  draftId: string,
  { id, file }: { id: string; file: CheckedUpload },
  at: Date,
) {
  const values = {
    file_name: file.fileName,
    content_type: file.contentType,
    size_bytes: file.content.length,
    content: file.content,
    uploaded_at: at,
  };
  // One authority a draft (index complaint_draft_authority): a second replaces the first. The
  // index's condition is written as a literal, so that PostgreSQL matches it to the partial index
  // however the statement is planned (a parameter would not match a generic plan's).
  await db
    .insertInto('complaint_draft_document')
    .values({ council_id: councilId, draft_id: draftId, id, purpose: 'authority', ...values })
    .onConflict((oc) =>
      oc.columns(['council_id', 'draft_id']).where('purpose', '=', sql.lit('authority')).doUpdateSet(values),
    )
    .execute();
}

export async function deleteDraftDocuments(db: Db, councilId: string, draftId: string) {
  await db
    .deleteFrom('complaint_draft_document')
    .where('council_id', '=', councilId)
    .where('draft_id', '=', draftId)
    .execute();
}

export type NewComplaint = {
  councilId: string;
  id: string;
  reference: string;
  customerId: string;
  representativeName: string;
  representativeRelationship: string;
  contact: { email: string; phone: string; address: string; preference: string };
  service: { id: string; name: string } | null;
  whatHappened: string;
  happenedOn: string | null;
  wantedOutcome: string;
  adjustments: string;
  channel: Channel;
  receivedAt: Date;
  receivedOn: string;
  loggedBy: string | null;
  regime: string;
  housing: boolean;
  firstStage: { acknowledgeBy: string; respondBy: string | null; deadlineBasis: string };
};

// A complaint as received, awaiting triage, with its first stage.
export async function insertComplaint(db: Db, complaint: NewComplaint, at: Date) {
  const { councilId, id, contact } = complaint;
  await db
    .insertInto('complaint')
    .values({
      council_id: councilId,
      id,
      reference: complaint.reference,
      customer_id: complaint.customerId,
      representative_name: complaint.representativeName,
      representative_relationship: complaint.representativeRelationship,
      contact_email: contact.email,
      contact_phone: contact.phone,
      contact_address: contact.address,
      contact_preference: contact.preference,
      service_id: complaint.service?.id ?? null,
      service_name: complaint.service?.name ?? '',
      what_happened: complaint.whatHappened,
      happened_on: complaint.happenedOn,
      wanted_outcome: complaint.wantedOutcome,
      adjustments: complaint.adjustments,
      channel: complaint.channel,
      received_at: complaint.receivedAt,
      received_on: complaint.receivedOn,
      logged_by: complaint.loggedBy,
      regime: complaint.regime,
      housing: complaint.housing,
      status: 'awaiting-triage',
      stage: 1,
      triage_reason: '',
      late_accepted: false,
      updated_at: at,
    })
    .execute();
  await db
    .insertInto('complaint_stage')
    .values({
      council_id: councilId,
      complaint_id: id,
      stage: 1,
      started_on: complaint.receivedOn,
      acknowledge_by: complaint.firstStage.acknowledgeBy,
      respond_by: complaint.firstStage.respondBy,
      deadline_basis: complaint.firstStage.deadlineBasis,
      extension_reason: '',
      escalation_reason: '',
      findings: '',
    })
    .execute();
}

export async function insertDocument(
  db: Db,
  document: {
    councilId: string;
    id: string;
    complaintId: string;
    purpose: string;
    file: CheckedUpload;
    uploadedBy: string | null;
  },
  at: Date,
) {
  const { file } = document;
  await db
    .insertInto('complaint_document')
    .values({
      council_id: document.councilId,
      id: document.id,
      complaint_id: document.complaintId,
      purpose: document.purpose,
      file_name: file.fileName,
      content_type: file.contentType,
      size_bytes: file.content.length,
      content: file.content,
      uploaded_by: document.uploadedBy,
      uploaded_at: at,
    })
    .execute();
}

// The reference of the complaint with this id, if this person logged it.
export async function loggedReference(db: Db, councilId: string, id: string, loggedBy: string) {
  return db
    .selectFrom('complaint')
    .select('reference')
    .where('council_id', '=', councilId)
    .where('id', '=', id)
    .where('logged_by', '=', loggedBy)
    .executeTakeFirst();
}

// What the confirmation page says of a complaint just made: its reference and first deadlines.
export async function receivedComplaint(db: Db, councilId: string, complaintId: string) {
  return db
    .selectFrom('complaint as c')
    .innerJoin('complaint_stage as s', (join) =>
      join
        .onRef('s.council_id', '=', 'c.council_id')
        .onRef('s.complaint_id', '=', 'c.id')
        .on('s.stage', '=', 1),
    )
    .select([
      'c.reference',
      'c.regime',
      'c.contact_email as email',
      's.acknowledge_by as acknowledgeBy',
      's.respond_by as respondBy',
    ])
    .where('c.council_id', '=', councilId)
    .where('c.id', '=', complaintId)
    .executeTakeFirst();
}

// A file sent with a complaint, found by the complaint's reference.
export async function complaintDocument(db: Db, councilId: string, reference: string, documentId: string) {
  return db
    .selectFrom('complaint_document as d')
    .innerJoin('complaint as c', sameCouncil('c.id', 'd.complaint_id'))
    .select([
      'd.id',
      'd.file_name as fileName',
      'd.content_type as contentType',
      'd.content',
      'c.id as complaintId',
      sql<boolean>`c.anonymised_at is not null`.as('anonymised'),
    ])
    .where('d.council_id', '=', councilId)
    .where('c.reference', '=', reference)
    .where('d.id', '=', documentId)
    .executeTakeFirst();
}
