import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/db/schema.ts';
import { type DataSubject, type SubjectSection, section } from '../../../platform/privacy/subject.ts';

// The letters the council sent a customer, as sent. Drafts not sent are the council's working
// papers and are left out.
export async function lettersSubjectAccess(
  db: Kysely<Database>,
  councilId: string,
  subject: DataSubject,
): Promise<SubjectSection[]> {
  if (subject.kind !== 'customer') return [];
  const letters = await db
    .selectFrom('letter')
    .select(['id', 'kind', 'recipient_name', 'recipient_email', 'recipient_address', 'subject', 'body'])
    .select(['emailed', 'sent_at'])
    .where('council_id', '=', councilId)
    .where('customer_id', '=', subject.id)
    .where('state', '=', 'sent')
    .orderBy('sent_at')
    .execute();
  return [section('letters', 'Letters sent to them', letters)];
}
