import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/db/schema.ts';
import { type DataSubject, type SubjectSection, section } from '../../../platform/privacy/subject.ts';

// A staff member's gifts and hospitality: the offers made to them, and the queries they raised.
export async function giftsSubjectAccess(
  db: Kysely<Database>,
  councilId: string,
  subject: DataSubject,
): Promise<SubjectSection[]> {
  if (subject.kind !== 'person') return [];
  const offers = await db
    .selectFrom('gift_offer')
    .selectAll()
    .where('council_id', '=', councilId)
    .where('recipient_id', '=', subject.id)
    .orderBy('offered_on')
    .execute();
  return [section('gifts-offers', 'Gifts and hospitality offered to them', offers, ['verdict'])];
}
