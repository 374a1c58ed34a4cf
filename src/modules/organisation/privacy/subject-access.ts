import type { Kysely } from 'kysely';
import { roleNames } from '../../../platform/auth/roles.ts';
import type { Database } from '../../../platform/db/schema.ts';
import { type DataSubject, type SubjectSection, section } from '../../../platform/privacy/subject.ts';
import { findPerson } from '../people/repository.ts';

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
  const person = subject.kind === 'person' ? await findPerson(db, councilId, subject.id) : null;
  if (!person) return [];
  const record = {
    id: person.id,
    name: person.name,
    email: person.email,
    job_title: person.jobTitle,
    mobile: person.mobile,
    service: person.serviceName,
    line_manager: person.lineManagerName,
    employment_type: person.employmentType,
    politically_restricted: person.politicallyRestricted,
    active: person.active,
    roles: person.roles.map((role) => roleNames[role]),
  };
  return [section('organisation-person', 'Their staff record and roles', [record])];
}
