import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/db/schema.ts';
import { type DataSubject, type SubjectSection, section } from '../../../platform/privacy/subject.ts';

// Complaints about councillors' conduct the subject made, matched by the email address they gave.
// Councillors complained about are not staff or customers, and are not subjects here.
export async function conductSubjectAccess(
  db: Kysely<Database>,
  councilId: string,
  subject: DataSubject,
): Promise<SubjectSection[]> {
  if (subject.email.trim() === '') return [];
  const complaints = await db
    .selectFrom('conduct_complaint')
    .select(['reference', 'received_on', 'complainant_name', 'complainant_email', 'complainant_address'])
    .select(['what_happened', 'happened_on', 'state', 'valid', 'assessment_reasons', 'decision'])
    .select(['decision_reasons', 'decided_at', 'closed_at'])
    .where('council_id', '=', councilId)
    .where((eb) => eb(eb.fn('lower', ['complainant_email']), '=', subject.email.trim().toLowerCase()))
    .orderBy('received_at')
    .execute();
  return [section('conduct-complaints', 'Complaints they made about councillors’ conduct', complaints)];
}
