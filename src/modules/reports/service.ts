import type { Kysely } from 'kysely';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/schema.ts';
import type { OrganisationService } from '../organisation/service.ts';
import { packsService } from './packs/service.ts';
import { packTasks } from './packs/tasks.ts';
import type { CommitteeSources } from './sources.ts';

// Committee reports: the standards and audit committees' packs, assembled from every module's
// figures (complaints, interests, gifts, visits through their service.ts; raising concerns and
// councillor conduct through the ports in sources.ts that app.ts fills). This is the module's
// public face.

export type {
  CommitteeSources,
  ConcernsCommitteeSummary,
  ConductCommitteeSummary,
  PackPeriod,
} from './sources.ts';

export type ReportsService = ReturnType<typeof reportsService>;

export function reportsService(
  deps: { db: Kysely<Database>; clock: Clock; organisation: Pick<OrganisationService, 'policy'> },
  sources: CommitteeSources,
) {
  return {
    packs: packsService({ ...deps, sources }),
    // Packs published for a committee member, and packs waiting to be published for those who
    // prepare them, for their home page.
    tasksFor: packTasks(deps),
  };
}

export { demoReportsYear } from './demo/seed.ts';
