import { type Kysely, sql } from 'kysely';
import type { Database } from '../../../platform/db/schema.ts';
import { organisationsNamed } from '../declarations/organisations-named.ts';
import type { DeclarationKind } from '../declarations/rules.ts';
import { publishableKinds } from './rules.ts';

export type Publishable = {
  personId: string;
  personName: string;
  jobTitle: string;
  serviceName: string;
  kind: DeclarationKind;
  startedOn: string | null;
  declaredAt: Date;
  organisations: string[];
};

// The current, reviewed interests of senior officers, of the kinds that may be published, by
// name. A partner's or relative's interest, which would name the officer's family, is left out.
export async function publishable(db: Kysely<Database>, councilId: string): Promise<Publishable[]> {
  const rows = await db
    .selectFrom('declaration as d')
    .select([
      'd.person_id',
      'd.person_name',
      'd.job_title',
      'd.service_name',
      'd.kind',
      'd.started_on',
      'd.declared_at',
      organisationsNamed.as('organisations'),
    ])
    .where('d.council_id', '=', councilId)
    .where(sql<boolean>`coalesce(d.answers->>'whose', 'me') = 'me'`)
    .where('d.senior', '=', true)
    .where('d.review_state', '=', 'reviewed')
    .where('d.ended_on', 'is', null)
    .where('d.kind', 'in', publishableKinds)
    .orderBy('d.person_name')
    .orderBy('d.declared_at')
    .orderBy('d.id')
    .execute();
  return rows.map((row) => ({
    personId: row.person_id,
    personName: row.person_name,
    jobTitle: row.job_title,
    serviceName: row.service_name,
    kind: row.kind as DeclarationKind,
    startedOn: row.started_on,
    declaredAt: row.declared_at,
    organisations: row.organisations,
  }));
}
