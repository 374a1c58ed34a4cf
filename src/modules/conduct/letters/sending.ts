import type { Kysely } from 'kysely';
import { dayMonthYear } from '../../../platform/calendar/date-text.ts';
import { londonDate } from '../../../platform/calendar/daylight.ts';
import { uuidv7 } from '../../../platform/db/ids.ts';
import type { Database } from '../../../platform/db/schema.ts';
import type { Outbox } from '../../../platform/notify/outbox.ts';
import { letterPdf } from '../../letters/service.ts';
import { councilName, firstHolderOf } from '../../organisation/service.ts';
import { type ConductLetterKind, type LetterFacts, letterWords } from './wording.ts';

export type ConductLetter = {
  id: string;
  complaintId: string;
  kind: ConductLetterKind;
  recipientName: string;
  recipientEmail: string;
  subject: string;
  body: string;
  sentAt: Date;
};

export type LetterAbout = {
  councilId: string;
  complaintId: string;
  reference: string;
  councillor: string;
  receivedOn: string;
};

/** A letter as the council prints its letters (the letters module's layout). */
export function conductLetterPdf(letter: ConductLetter, reference: string, council: string): Promise<Buffer> {
  return letterPdf(
    {
      recipientName: letter.recipientName,
      recipientAddress: '',
      datedAt: letter.sentAt,
      complaintReference: reference,
      subject: letter.subject,
      body: letter.body,
    },
    council,
  );
}

export const letterFileName = (reference: string, letter: ConductLetter) =>
  `${reference}-${letter.kind}-${londonDate(letter.sentAt)}.pdf`;

/** Writes the letter, keeps it as sent and puts it in the outbox with its PDF, all in the
 * caller's transaction. */
export async function sendConductLetter(
  trx: Kysely<Database>,
  outbox: Outbox,
  about: LetterAbout,
  to: { name: string; email: string; kind: ConductLetterKind; outcome?: string; reasons?: string },
  at: Date,
): Promise<ConductLetter> {
  const council = await councilName(trx, about.councilId);
  const facts: LetterFacts = {
    council,
    reference: about.reference,
    recipient: to.name,
    councillor: about.councillor,
    receivedOn: dayMonthYear(about.receivedOn),
    monitoringOfficer:
      (await firstHolderOf(trx, about.councilId, 'monitoring-officer')) ?? 'The Monitoring Officer',
    outcome: to.outcome ?? '',
    reasons: to.reasons ?? '',
  };
  const words = letterWords(to.kind, facts);
  const letter: ConductLetter = {
    id: uuidv7(at.getTime()),
    complaintId: about.complaintId,
    kind: to.kind,
    recipientName: to.name,
    recipientEmail: to.email,
    sentAt: at,
    ...words,
  };
  await trx
    .insertInto('conduct_letter')
    .values({
      council_id: about.councilId,
      complaint_id: letter.complaintId,
      id: letter.id,
      kind: letter.kind,
      recipient_name: letter.recipientName,
      recipient_email: letter.recipientEmail,
      subject: letter.subject,
      body: letter.body,
      sent_at: at,
    })
    .execute();
  await outbox.enqueue(trx, about.councilId, {
    to: letter.recipientEmail,
    subject: letter.subject,
    text: letter.body,
    attachments: [
      {
        filename: letterFileName(about.reference, letter),
        contentType: 'application/pdf',
        content: await conductLetterPdf(letter, about.reference, council),
      },
    ],
  });
  return letter;
}

export async function lettersOf(
  q: Kysely<Database>,
  councilId: string,
  complaintId: string,
): Promise<ConductLetter[]> {
  const rows = await q
    .selectFrom('conduct_letter')
    .selectAll()
    .where('council_id', '=', councilId)
    .where('complaint_id', '=', complaintId)
    .orderBy('sent_at')
    .orderBy('id')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    complaintId: row.complaint_id,
    kind: row.kind as ConductLetterKind,
    recipientName: row.recipient_name,
    recipientEmail: row.recipient_email,
    subject: row.subject,
    body: row.body,
    sentAt: row.sent_at,
  }));
}
