import type { Kysely } from 'kysely';
import { sameCouncil } from '../../../platform/db/same-council.ts';
import type { Database } from '../../../platform/db/schema.ts';
import { type DataSubject, type SubjectSection, section } from '../../../platform/privacy/subject.ts';

const like = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

// Staff whose name or email holds the text, active or not, for picking the subject of a request.
export async function personCandidates(db: Kysely<Database>, councilId: string, text: string) {
  const rows = await db
    .selectFrom('person')
    .select(['id', 'name', 'email', 'job_title', 'active'])
    .where('council_id', '=', councilId)
    .where((eb) => eb.or([eb('name', 'ilike', like(text)), eb('email', 'ilike', like(text))]))
    .orderBy('name')
    .orderBy('id')
    .limit(25)
    .execute();
  return rows.map((row) => ({
    kind: 'person' as const,
    id: row.id,
    name: row.name,
    detail: [row.job_title, row.email, row.active ? '' : 'no longer active'].filter(Boolean).join(', '),
  }));
}

// A member of staff as the subject of a request; null when the council has no such person.
export async function personSubject(
  db: Kysely<Database>,
  councilId: string,
  id: string,
): Promise<DataSubject | null> {
  const row = await db
    .selectFrom('person')
    .select(['id', 'name', 'email'])
    .where('council_id', '=', councilId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? { kind: 'person', id: row.id, name: row.name, email: row.email, address: '' } : null;
}

// A member of staff's record: their details, service, line manager and roles. The password's
// hash and the sign-in counters are security data, not theirs to read, and are left out.
export async function organisationSubjectAccess(
  db: Kysely<Database>,
  councilId: string,
  subject: DataSubject,
): Promise<SubjectSection[]> {
  if (subject.kind !== 'person') return [];
  const person = await db
    .selectFrom('person as p')
    .leftJoin('service as s', sameCouncil('s.id', 'p.service_id'))
    .leftJoin('person as m', sameCouncil('m.id', 'p.line_manager_id'))
    .select([
      'p.id',
      'p.name',
      'p.email',
      'p.job_title',
      'p.mobile',
      's.name as service',
      'm.name as line_manager',
    ])
    .select(['p.employment_type', 'p.politically_restricted', 'p.active', 'p.created_at', 'p.deactivated_at'])
    .where('p.council_id', '=', councilId)
    .where('p.id', '=', subject.id)
    .execute();
  const roles = await db
    .selectFrom('person_role')
    .select('role')
    .where('council_id', '=', councilId)
    .where('person_id', '=', subject.id)
    .orderBy('role')
    .execute();
  return [
    section('organisation-person', 'Their staff record', person),
    section('organisation-roles', 'Their roles in Probity', roles),
  ];
}
