import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import { isLetterState, type LetterState } from './drafts/rules.ts';
import type { LetterKind, LetterTemplate } from './templates/kinds.ts';

type Db = Kysely<Database>;

// A letter as stored: what it says, to whom, and where it stands. Written by `writtenBy` (null:
// no one signed in); once sent, exactly what was sent, by `sentBy`, and never changed.
export type StoredLetter = {
  id: string;
  councilId: string;
  complaintId: string | null;
  customerId: string;
  kind: LetterKind;
  recipientName: string;
  recipientEmail: string;
  recipientAddress: string;
  subject: string;
  body: string;
  emailed: boolean;
  state: LetterState;
  version: number;
  writtenBy: string | null;
  writtenAt: Date;
  editedBy: string | null;
  editedAt: Date | null;
  submittedBy: string | null;
  submittedAt: Date | null;
  approvedBy: string | null;
  returnedBy: string | null;
  returnReason: string;
  kept: Readonly<Record<string, string>>;
  sentBy: string | null;
  sentAt: Date | null;
};

type LetterRow = Selectable<Database['letter']>;

// The stored JSON of the passages a change must keep: an object of texts.
function keptOf(value: unknown): Record<string, string> {
  const object = typeof value === 'string' ? (JSON.parse(value) as unknown) : value;
  if (!object || typeof object !== 'object') return {};
  return Object.fromEntries(
    Object.entries(object).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
  );
}

const toStored = (row: LetterRow): StoredLetter => ({
  id: row.id,
  councilId: row.council_id,
  complaintId: row.complaint_id,
  customerId: row.customer_id,
  kind: row.kind as LetterKind,
  recipientName: row.recipient_name,
  recipientEmail: row.recipient_email,
  recipientAddress: row.recipient_address,
  subject: row.subject,
  body: row.body,
  emailed: row.emailed,
  state: isLetterState(row.state) ? row.state : 'sent',
  version: row.version,
  writtenBy: row.written_by,
  writtenAt: row.written_at,
  editedBy: row.edited_by,
  editedAt: row.edited_at,
  submittedBy: row.submitted_by,
  submittedAt: row.submitted_at,
  approvedBy: row.approved_by,
  returnedBy: row.returned_by,
  returnReason: row.return_reason,
  kept: keptOf(row.kept),
  sentBy: row.sent_by,
  sentAt: row.sent_at,
});

export async function insertLetter(q: Db, letter: StoredLetter) {
  await q
    .insertInto('letter')
    .values({
      council_id: letter.councilId,
      id: letter.id,
      complaint_id: letter.complaintId,
      customer_id: letter.customerId,
      kind: letter.kind,
      recipient_name: letter.recipientName,
      recipient_email: letter.recipientEmail,
      recipient_address: letter.recipientAddress,
      subject: letter.subject,
      body: letter.body,
      emailed: letter.emailed,
      state: letter.state,
      version: letter.version,
      written_by: letter.writtenBy,
      written_at: letter.writtenAt,
      edited_by: letter.editedBy,
      edited_at: letter.editedAt,
      submitted_by: letter.submittedBy,
      submitted_at: letter.submittedAt,
      approved_by: letter.approvedBy,
      returned_by: letter.returnedBy,
      return_reason: letter.returnReason,
      kept: JSON.stringify(letter.kept),
      sent_by: letter.sentBy,
      sent_at: letter.sentAt,
    })
    .execute();
}

export async function findLetter(q: Db, councilId: string, id: string): Promise<StoredLetter | null> {
  const row = await q
    .selectFrom('letter')
    .selectAll()
    .where('council_id', '=', councilId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? toStored(row) : null;
}

// A change to a letter not yet sent, made only if it is still in the state and at the version the
// person read: of two people sending or approving it at once, one changes it and the other finds
// nothing to change (null). The version moves on with every change.
export type LetterChange = Partial<{
  subject: string;
  body: string;
  state: LetterState;
  editedBy: string;
  editedAt: Date;
  submittedBy: string | null;
  submittedAt: Date | null;
  approvedBy: string;
  returnedBy: string;
  returnReason: string;
  sentBy: string;
  sentAt: Date;
}>;

const changeColumns = {
  subject: 'subject',
  body: 'body',
  state: 'state',
  editedBy: 'edited_by',
  editedAt: 'edited_at',
  submittedBy: 'submitted_by',
  submittedAt: 'submitted_at',
  approvedBy: 'approved_by',
  returnedBy: 'returned_by',
  returnReason: 'return_reason',
  sentBy: 'sent_by',
  sentAt: 'sent_at',
} as const satisfies Record<keyof LetterChange, keyof Database['letter']>;

export async function changeLetter(
  q: Db,
  read: Pick<StoredLetter, 'councilId' | 'id' | 'state' | 'version'>,
  change: LetterChange,
): Promise<StoredLetter | null> {
  const columns = Object.fromEntries(
    Object.entries(change).map(([key, value]) => [changeColumns[key as keyof LetterChange], value]),
  );
  const row = await q
    .updateTable('letter')
    .set((eb) => ({ ...columns, version: eb('version', '+', 1) }))
    .where('council_id', '=', read.councilId)
    .where('id', '=', read.id)
    .where('state', '=', read.state)
    .where('version', '=', read.version)
    .returningAll()
    .executeTakeFirst();
  return row ? toStored(row) : null;
}

// The letters about a complaint or a customer in the order they were written; `sentOnly` leaves
// out those not sent yet (what the person has been sent).
export async function lettersAbout(
  q: Db,
  councilId: string,
  about: { complaintId: string } | { customerId: string },
  sentOnly: boolean,
): Promise<StoredLetter[]> {
  let query = q
    .selectFrom('letter')
    .selectAll()
    .where('council_id', '=', councilId)
    .where(
      'complaintId' in about ? 'complaint_id' : 'customer_id',
      '=',
      'complaintId' in about ? about.complaintId : about.customerId,
    );
  if (sentOnly) query = query.where('state', '=', 'sent');
  const rows = await query.orderBy('written_at').orderBy('id').execute();
  return rows.map(toStored);
}

// The letters waiting for a person: the drafts they wrote, and, when they may approve, those sent
// for approval they had no hand in. Oldest first.
export async function lettersWaitingFor(
  q: Db,
  councilId: string,
  personId: string,
  mayApprove: boolean,
): Promise<StoredLetter[]> {
  const rows = await q
    .selectFrom('letter')
    .selectAll()
    .where('council_id', '=', councilId)
    .where('state', '<>', 'sent')
    .where((eb) =>
      eb.or([
        eb.and([eb('state', '=', 'draft'), eb('written_by', '=', personId)]),
        ...(mayApprove
          ? [
              eb.and([
                eb('state', '=', 'awaiting-approval'),
                eb('written_by', 'is distinct from', personId),
                eb('edited_by', 'is distinct from', personId),
                eb('submitted_by', 'is distinct from', personId),
              ]),
            ]
          : []),
      ]),
    )
    .orderBy('written_at')
    .orderBy('id')
    .execute();
  return rows.map(toStored);
}

// The letters about an anonymised complaint or customer keep their kind and dates; who they went
// to and what they said go.
export async function anonymiseLetters(
  q: Db,
  councilId: string,
  about: 'complaint_id' | 'customer_id',
  id: string,
  removedText: string,
) {
  await q
    .updateTable('letter')
    .set({
      recipient_name: '',
      recipient_email: '',
      recipient_address: '',
      subject: removedText,
      body: removedText,
    })
    .where('council_id', '=', councilId)
    .where(about, '=', id)
    .execute();
}

export type StoredTemplate = LetterTemplate & { updatedBy: string; updatedAt: Date };

export async function storedTemplate(q: Db, councilId: string, kind: LetterKind) {
  const row = await q
    .selectFrom('letter_template')
    .select(['subject', 'body', 'updated_by', 'updated_at'])
    .where('council_id', '=', councilId)
    .where('kind', '=', kind)
    .executeTakeFirst();
  return row
    ? { subject: row.subject, body: row.body, updatedBy: row.updated_by, updatedAt: row.updated_at }
    : null;
}

export async function saveTemplate(q: Db, councilId: string, kind: LetterKind, template: StoredTemplate) {
  const values = {
    subject: template.subject,
    body: template.body,
    updated_by: template.updatedBy,
    updated_at: template.updatedAt,
  };
  await q
    .insertInto('letter_template')
    .values({ council_id: councilId, kind, ...values })
    .onConflict((oc) => oc.columns(['council_id', 'kind']).doUpdateSet(values))
    .execute();
}

// Removes the council's wording of a kind; answers what it was, or null when there was none.
export async function deleteTemplate(q: Db, councilId: string, kind: LetterKind) {
  return (
    (await q
      .deleteFrom('letter_template')
      .where('council_id', '=', councilId)
      .where('kind', '=', kind)
      .returning(['subject', 'body'])
      .executeTakeFirst()) ?? null
  );
}

// Which of these complaints have been sent a letter of the kind, read through `q`.
export async function complaintsWithLetter(
  q: Db,
  councilId: string,
  kind: LetterKind,
  complaintIds: readonly string[],
): Promise<ReadonlySet<string>> {
  if (complaintIds.length === 0) return new Set();
  const rows = await q
    .selectFrom('letter')
    .select('complaint_id')
    .distinct()
    .where('council_id', '=', councilId)
    .where('kind', '=', kind)
    .where('state', '=', 'sent')
    .where('complaint_id', 'in', [...new Set(complaintIds)])
    .execute();
  return new Set(rows.flatMap((row) => (row.complaint_id ? [row.complaint_id] : [])));
}
