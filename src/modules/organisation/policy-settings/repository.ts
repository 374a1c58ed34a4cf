import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/db/schema.ts';
import { type PolicySettings, readPolicy } from './settings.ts';

// The council's settings over the defaults.
export async function readPolicySettings(db: Kysely<Database>, councilId: string): Promise<PolicySettings> {
  const row = await db
    .selectFrom('council_policy')
    .select('settings')
    .where('council_id', '=', councilId)
    .executeTakeFirst();
  return readPolicy(row?.settings ?? {});
}

export async function writePolicySettings(
  db: Kysely<Database>,
  councilId: string,
  settings: PolicySettings,
  now: Date,
) {
  const stored = JSON.stringify(settings);
  await db
    .insertInto('council_policy')
    .values({ council_id: councilId, settings: stored, updated_at: now })
    .onConflict((oc) => oc.column('council_id').doUpdateSet({ settings: stored, updated_at: now }))
    .execute();
}
