import { sql } from 'kysely';
import { londonDate } from '../../../platform/calendar/daylight.ts';
import { sameCouncil } from '../../../platform/db/same-council.ts';
import { NotFound } from '../../../platform/errors.ts';
import type { ModuleDeps } from '../../organisation/module-deps.ts';
import { organisationsNamed } from '../declarations/organisations-named.ts';
import { type DeclarationKind, kindRules } from '../declarations/rules.ts';
import { publishableKinds } from './rules.ts';

// The published register of senior officers' interests (002 Monitoring: open data), with
// only the fields the council chose. It holds the current, reviewed interests of heads of service
// and above, of the kinds publication-rules.ts allows: a few hundred rows at most, so it is read
// whole rather than a page at a time.
const publicationColumns = {
  name: 'Name',
  jobTitle: 'Job title',
  service: 'Service',
  kind: 'Kind of interest',
  organisation: 'Organisations named',
  since: 'Held since',
} as const;
type PublicationField = keyof typeof publicationColumns;

type PublishedRow = Partial<Record<PublicationField, string>>;

export type InterestPublication = ReturnType<typeof interestPublication>;

export function interestPublication({ db, organisation }: ModuleDeps) {
  return {
    async register(slug: string) {
      const council = await organisation.councilBySlug(slug);
      if (!council) throw new NotFound('No such council');
      const policy = await organisation.policy(council.council_id);
      if (!policy.interestRegisterPublished)
        throw new NotFound('This council does not publish its register of senior officers’ interests');
      const fields = (Object.keys(publicationColumns) as PublicationField[]).filter((field) =>
        policy.interestPublicationFields.includes(field),
      );
      const declarations = await db
        .selectFrom('declaration as d')
        .select([
          'd.person_name',
          'd.job_title',
          'd.service_name',
          'd.kind',
          'd.started_on',
          'd.declared_at',
          organisationsNamed.as('organisations'),
        ])
        .innerJoin('person as p', sameCouncil('p.id', 'd.person_id'))
        .where('d.council_id', '=', council.council_id)
        // Leavers' interests are not published; nor is a partner's or relative's interest, which
        // would name the officer's family.
        .where('p.active', '=', true)
        .where(sql<boolean>`coalesce(d.answers->>'whose', 'me') = 'me'`)
        .where('d.senior', '=', true)
        .where('d.review_state', '=', 'reviewed')
        .where('d.ended_on', 'is', null)
        .where('d.kind', 'in', publishableKinds)
        .orderBy('d.person_name')
        .orderBy('d.declared_at')
        .orderBy('d.id')
        .execute();
      const rows = declarations.map((declaration): PublishedRow => {
        const all: Record<PublicationField, string> = {
          name: declaration.person_name,
          jobTitle: declaration.job_title,
          service: declaration.service_name,
          kind: kindRules[declaration.kind as DeclarationKind].name,
          organisation: declaration.organisations.join('; '),
          since: declaration.started_on ?? londonDate(declaration.declared_at),
        };
        return Object.fromEntries(fields.map((field) => [field, all[field]]));
      });
      return {
        councilName: council.name,
        columns: fields.map((field) => ({ field, heading: publicationColumns[field] })),
        rows,
      };
    },
  };
}
