import type { Kysely } from 'kysely';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/schema.ts';
import type { Outbox } from '../../platform/notify/outbox.ts';
import type { OrganisationService } from './service.ts';

// What the organisation's own services are built from.
export type OrganisationDeps = { db: Kysely<Database>; clock: Clock; outbox: Outbox; baseUrl: string };

// What a module's services are built from: the database, the clock, the email outbox, and the organisation
// (people, roles, policy, calendar).
export type ModuleDeps = OrganisationDeps & {
  organisation: Pick<
    OrganisationService,
    | 'person'
    | 'managerChain'
    | 'reportIds'
    | 'peopleWithRole'
    | 'policy'
    | 'calendar'
    | 'policyAndCalendar'
    | 'services'
    | 'councilCreatedAt'
    | 'councilBySlug'
    | 'listPeople'
  >;
};
