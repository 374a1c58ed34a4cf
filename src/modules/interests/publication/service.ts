import { londonDate } from '../../../platform/calendar/daylight.ts';
import { NotFound } from '../../../platform/errors.ts';
import type { ModuleDeps, OrganisationService } from '../../organisation/service.ts';
import { kindRules } from '../declarations/rules.ts';
import { publishable } from './repository.ts';

// The published register of senior officers' interests (002 Monitoring: open data), with
// only the fields the council chose. It holds the current, reviewed interests of heads of service
// and above, of the kinds rules.ts allows: a few hundred rows at most, so it is read whole rather
// than a page at a time.
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

type Deps = Pick<ModuleDeps, 'db'> & {
  organisation: Pick<OrganisationService, 'councilBySlug' | 'policy' | 'peopleWithIds'>;
};

export type InterestPublication = ReturnType<typeof interestPublication>;

// A council that does not publish its register (the policy's interestRegisterPublished is off):
// the page says so, naming the council; the open-data files are not found.
export class NotPublished extends NotFound {
  readonly councilName: string;
  constructor(councilName: string) {
    super(`${councilName} does not publish its register of senior officers’ interests`);
    this.councilName = councilName;
  }
}

async function register({ db, organisation }: Deps, slug: string) {
  const council = await organisation.councilBySlug(slug);
  if (!council) throw new NotFound('No such council');
  const policy = await organisation.policy(council.council_id);
  if (!policy.interestRegisterPublished) throw new NotPublished(council.name);
  const fields = (Object.keys(publicationColumns) as PublicationField[]).filter((field) =>
    policy.interestPublicationFields.includes(field),
  );
  const declarations = await publishable(db, council.council_id);
  // Leavers' interests are not published.
  const people = await organisation.peopleWithIds(council.council_id, [
    ...new Set(declarations.map((declaration) => declaration.personId)),
  ]);
  const active = new Set(people.filter((person) => person.active).map((person) => person.id));
  const rows = declarations
    .filter((declaration) => active.has(declaration.personId))
    .map((declaration): PublishedRow => {
      const all: Record<PublicationField, string> = {
        name: declaration.personName,
        jobTitle: declaration.jobTitle,
        service: declaration.serviceName,
        kind: kindRules[declaration.kind].name,
        organisation: declaration.organisations.join('; '),
        since: declaration.startedOn ?? londonDate(declaration.declaredAt),
      };
      return Object.fromEntries(fields.map((field) => [field, all[field]]));
    });
  return {
    councilName: council.name,
    columns: fields.map((field) => ({ field, heading: publicationColumns[field] })),
    rows,
  };
}

export function interestPublication(deps: Deps) {
  return { register: (slug: string) => register(deps, slug) };
}
