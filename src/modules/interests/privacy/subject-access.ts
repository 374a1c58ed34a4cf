import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/db/schema.ts';
import { type DataSubject, type SubjectSection, section } from '../../../platform/privacy/subject.ts';

// A staff member's register of interests: their declarations, the parties named in them, and
// their related party returns.
export async function interestsSubjectAccess(
  db: Kysely<Database>,
  councilId: string,
  subject: DataSubject,
): Promise<SubjectSection[]> {
  if (subject.kind !== 'person') return [];
  const declarations = await db
    .selectFrom('declaration')
    .selectAll()
    .where('council_id', '=', councilId)
    .where('person_id', '=', subject.id)
    .orderBy('declared_at')
    .execute();
  const parties = await db
    .selectFrom('declaration_party as p')
    .innerJoin('declaration as d', (join) =>
      join.onRef('d.council_id', '=', 'p.council_id').onRef('d.id', '=', 'p.declaration_id'),
    )
    .select(['d.reference as declaration', 'p.name', 'p.address'])
    .where('p.council_id', '=', councilId)
    .where('d.person_id', '=', subject.id)
    .execute();
  const returns = await db
    .selectFrom('related_party_return')
    .selectAll()
    .where('council_id', '=', councilId)
    .where('person_id', '=', subject.id)
    .orderBy('financial_year')
    .execute();
  return [
    section('interests-declarations', 'Declarations of interests', declarations),
    section('interests-declared-parties', 'People and bodies named in their declarations', parties),
    section('interests-related-party-returns', 'Related party returns', returns),
  ];
}
