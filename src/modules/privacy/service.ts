import type { Kysely } from 'kysely';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/schema.ts';
import type { OrganisationService } from '../organisation/service.ts';
import { retentionService } from './retention/service.ts';
import { subjectAccess } from './subject-access/service.ts';
import type { SubjectSource } from './subject-access/sources.ts';

// Privacy (UK GDPR): a person's subject access export, gathered from every module through its
// service.ts, and the retention of every record type holding personal data. This is the module's
// public face; no other module uses it.
export type { SubjectSource } from './subject-access/sources.ts';

export type PrivacyService = ReturnType<typeof privacyService>;

export function privacyService(
  deps: { db: Kysely<Database>; clock: Clock; organisation: Pick<OrganisationService, 'policy'> },
  ports: { concerns: SubjectSource },
) {
  return {
    subjectAccess: subjectAccess(deps, ports),
    // Each record type's retention: the daily job, and the figures for its page.
    retention: retentionService(deps),
  };
}
