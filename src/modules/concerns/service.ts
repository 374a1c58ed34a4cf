import type { Kysely } from 'kysely';
import type { Principal } from '../../platform/auth/principal.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Keyring } from '../../platform/crypto/envelope.ts';
import type { Database } from '../../platform/db/schema.ts';
import type { CheckedFile } from '../../platform/documents/file-types.ts';
import type { DataSubject } from '../../platform/privacy/subject.ts';
import type { ModuleDeps, OrganisationService } from '../organisation/service.ts';
import { casework } from './casework/service.ts';
import { reporterChannel } from './channel/service.ts';
import type { ConcernsDeps } from './deps.ts';
import type { RaiseForm } from './intake/input.ts';
import { raiseConcern } from './intake/service.ts';
import {
  type CommitteeSummary,
  committeeSummary,
  concernTasks,
  detrimentFlags,
  rewrapKeys,
} from './oversight.ts';
import { concernsSubjectAccess } from './privacy/subject-access.ts';
import { sendConcernEmails } from './reminders.ts';
import { concernSealer } from './sealing.ts';

// Raising concerns (whistleblowing, DOMAIN.md §6): raising one signed in or from the public page,
// the reporter's two-way channel by receipt code, the investigator's casework, the clocks'
// reminders, detriment flags, and counts for the committee report. This is the module's public face.
export { loadKeyring } from '../../platform/crypto/key-file.ts';
// The demo council's year of concerns, for `npm start`.
export { demoConcernsYear } from './demo/seed.ts';
export type { CommitteeSummary } from './oversight.ts';
// Closed concerns' retention: when their keys are destroyed (privacy's daily job).
export { concernRetention } from './privacy/retention.ts';

export type ConcernsService = ReturnType<typeof concernsService>;

// Key rotation, for the command line: every data key of the council wrapped again with the key
// file's current version. Answers how many were.
export function rewrapConcernKeys(
  deps: { db: Kysely<Database>; clock: Clock; keyring: Keyring },
  councilId: string,
): Promise<number> {
  return rewrapKeys({ db: deps.db, clock: deps.clock, sealer: concernSealer(deps.keyring) }, councilId);
}

// A receipt code's check takes at least this long, right or wrong.
const receiptCheckMs = 400;

export function concernsService(
  moduleDeps: ModuleDeps & { organisation: Pick<OrganisationService, 'council'> },
  { keyring, checkMs = receiptCheckMs }: { keyring: Keyring; checkMs?: number },
) {
  const deps: ConcernsDeps = { ...moduleDeps, sealer: concernSealer(keyring), receiptCheckMs: checkMs };
  return {
    raise: (councilId: string, form: RaiseForm, files: readonly CheckedFile[]) =>
      raiseConcern(deps, councilId, form, files),
    policy: (councilId: string) => deps.organisation.policy(councilId),
    council: (slug: string) => deps.organisation.councilBySlug(slug),
    // The address of the council's public pages, for a signed-in reporter's link to follow up.
    councilSlug: async (councilId: string) => (await moduleDeps.organisation.council(councilId)).slug,
    channel: reporterChannel(deps),
    casework: casework(deps),
    detrimentFlags: (principal: Principal) => detrimentFlags(deps, principal),
    // The investigator's home page: concerns to acknowledge and to feed back on.
    tasksFor: concernTasks(deps),
    sendReminders: (councilId: string) => sendConcernEmails(deps, councilId),
    rewrapKeys: (councilId: string) => rewrapKeys(deps, councilId),
    // Counts for the committee report, by the date received (both ends included); nothing identifying.
    async committeeSummary(
      councilId: string,
      period: { from: string; to: string },
    ): Promise<CommitteeSummary> {
      return committeeSummary(deps.db, councilId, period, await deps.organisation.policy(councilId));
    },
    // The concerns a person raised as their named reporter, for a subject access request.
    subjectAccess: (councilId: string, subject: DataSubject) =>
      concernsSubjectAccess(deps, councilId, subject),
  };
}
