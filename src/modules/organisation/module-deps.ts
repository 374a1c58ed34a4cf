import type { Kysely } from 'kysely';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/schema.ts';
import type { Mailer } from '../../platform/notify/mailer.ts';
import type { OrganisationService } from './service.ts';

// What a module's services are built from: the database, the clock, email, and the organisation
// (people, roles, policy, calendar).
export type ModuleDeps = {
  db: Kysely<Database>;
  clock: Clock;
  mailer: Mailer;
  baseUrl: string;
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
