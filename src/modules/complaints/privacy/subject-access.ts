import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/db/schema.ts';
import { type DataSubject, type SubjectSection, section } from '../../../platform/privacy/subject.ts';

// A customer's complaints and their stages (the deadlines, outcomes and findings). Who handled
// them is named as the officers' work, not the subject's data, and is kept in.
export async function complaintsSubjectAccess(
  db: Kysely<Database>,
  councilId: string,
  subject: DataSubject,
): Promise<SubjectSection[]> {
  if (subject.kind !== 'customer') return [];
  const complaints = await db
    .selectFrom('complaint')
    .selectAll()
    .where('council_id', '=', councilId)
    .where('customer_id', '=', subject.id)
    .orderBy('received_at')
    .execute();
  const stages = await db
    .selectFrom('complaint_stage as s')
    .innerJoin('complaint as c', (join) =>
      join.onRef('c.council_id', '=', 's.council_id').onRef('c.id', '=', 's.complaint_id'),
    )
    .select([
      'c.reference as complaint',
      's.stage',
      's.started_on',
      's.handler_name',
      's.respond_by',
      's.extended_to',
      's.extension_reason',
      's.escalation_reason',
      's.responded_on',
      's.outcome',
      's.findings',
    ])
    .where('s.council_id', '=', councilId)
    .where('c.customer_id', '=', subject.id)
    .orderBy('c.received_at')
    .orderBy('s.stage')
    .execute();
  return [
    section('complaints', 'Complaints', complaints, ['customer_id', 'duplicate_of']),
    section('complaints-stages', 'Stages of their complaints', stages),
  ];
}
