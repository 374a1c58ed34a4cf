import type { Kysely } from 'kysely';
import { actorFor, appendAudit } from '../../../platform/audit/audit-trail.ts';
import type { Principal } from '../../../platform/auth/principal.ts';
import type { Database } from '../../../platform/db/schema.ts';
import type { OrganisationDeps } from '../module-deps.ts';
import * as repo from './repository.ts';

// A person's daily email of what is waiting for them: their setting, who is sent it, and the
// claim on a day's email that keeps it to one a day whichever process sends it.

async function setDigest(deps: OrganisationDeps, principal: Principal, on: boolean, requestId?: string) {
  const { councilId, personId } = principal;
  await deps.db.transaction().execute(async (trx) => {
    const before = await repo.digestSetting(trx, councilId, personId);
    if (before === on) return;
    await repo.setDigestSetting(trx, councilId, personId, on);
    await appendAudit(
      trx,
      actorFor(principal, requestId),
      {
        action: 'person.task-digest-changed',
        recordType: 'person',
        recordId: personId,
        before: { taskDigest: before },
        after: { taskDigest: on },
      },
      deps.clock.now(),
    );
  });
}

export function digestService(deps: OrganisationDeps) {
  return {
    digestSetting: (principal: Principal) =>
      repo.digestSetting(deps.db, principal.councilId, principal.personId),
    setDigest: (principal: Principal, on: boolean, requestId?: string) =>
      setDigest(deps, principal, on, requestId),
    // The people to send today's email to, as principals (read-only: the email acts for no one).
    digestRecipients: (councilId: string, day: string) => repo.digestRecipients(deps.db, councilId, day),
    claimDigest: (trx: Kysely<Database>, councilId: string, personId: string, day: string) =>
      repo.claimDigest(trx, councilId, personId, day),
  };
}
