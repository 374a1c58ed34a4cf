import { type Actor, appendAudit } from '../../../platform/audit/audit-trail.ts';
import type { OrganisationDeps } from '../module-deps.ts';
import * as repo from './repository.ts';
import type { PolicySettings } from './settings.ts';

export function policy({ db }: OrganisationDeps, councilId: string): Promise<PolicySettings> {
  return repo.readPolicySettings(db, councilId);
}

// The audit event names only the settings that changed, as they were and as they are.
export async function updatePolicy({ db, clock }: OrganisationDeps, actor: Actor, settings: PolicySettings) {
  const now = clock.now();
  await db.transaction().execute(async (trx) => {
    const before = await repo.readPolicySettings(trx, actor.councilId);
    await repo.writePolicySettings(trx, actor.councilId, settings, now);
    const changed = (Object.keys(settings) as (keyof PolicySettings)[]).filter(
      (key) => JSON.stringify(before[key]) !== JSON.stringify(settings[key]),
    );
    const pick = (from: PolicySettings) => Object.fromEntries(changed.map((key) => [key, from[key]]));
    await appendAudit(
      trx,
      actor,
      {
        action: 'policy.updated',
        recordType: 'policy',
        recordId: actor.councilId,
        before: pick(before),
        after: pick(settings),
      },
      now,
    );
  });
}

export function policySettingsService(deps: OrganisationDeps) {
  return {
    policy: (councilId: string) => policy(deps, councilId),
    updatePolicy: (actor: Actor, settings: PolicySettings) => updatePolicy(deps, actor, settings),
  };
}
