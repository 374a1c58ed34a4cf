import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import type { LetterKind, LetterTemplate } from './templates/kinds.ts';

type Db = Kysely<Database>;

// A letter as stored: exactly what was sent, to whom, and by whom (null: no one signed in).
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
  sentBy: string | null;
  sentAt: Date;
};

type LetterRow = Database['letter'];

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

// The letters about a complaint or a customer, oldest first.
export async function lettersAbout(
  q: Db,
  councilId: string,
  about: { complaintId: string } | { customerId: string },
): Promise<StoredLetter[]> {
  const rows = await q
    .selectFrom('letter')
    .selectAll()
    .where('council_id', '=', councilId)
    .where(
      'complaintId' in about ? 'complaint_id' : 'customer_id',
      '=',
      'complaintId' in about ? about.complaintId : about.customerId,
    )
    .orderBy('sent_at')
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

// Which of these complaints have had a letter of the kind, read through `q`.
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
    .where('complaint_id', 'in', [...new Set(complaintIds)])
    .execute();
  return new Set(rows.flatMap((row) => (row.complaint_id ? [row.complaint_id] : [])));
}
