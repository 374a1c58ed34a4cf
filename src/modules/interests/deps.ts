import type { Kysely } from 'kysely';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/schema.ts';
import type { Mailer } from '../../platform/notify/mailer.ts';
import type { OrganisationService } from '../organisation/service.ts';

// What the register of interests' services are built from.
export type InterestsDeps = {
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
    | 'services'
    | 'councilCreatedAt'
    | 'councilBySlug'
  >;
};
