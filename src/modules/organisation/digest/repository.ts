import type { Kysely } from 'kysely';
import type { Principal } from '../../../platform/auth/principal.ts';
import { activePeople, toPrincipal } from '../../../platform/auth/principals.ts';
import type { Database } from '../../../platform/db/schema.ts';

// Whether a person is sent the daily email of their work, and the day it was last sent.

export async function digestSetting(db: Kysely<Database>, councilId: string, personId: string) {
  const row = await db
    .selectFrom('person')
    .select('task_digest')
    .where('council_id', '=', councilId)
    .where('id', '=', personId)
    .executeTakeFirst();
  return row?.task_digest ?? false;
}

export async function setDigestSetting(
  trx: Kysely<Database>,
  councilId: string,
  personId: string,
  on: boolean,
) {
  await trx
    .updateTable('person')
    .set({ task_digest: on })
    .where('council_id', '=', councilId)
    .where('id', '=', personId)
    .execute();
}

// The active people who want the email and have not been sent one on this London day.
export async function digestRecipients(
  db: Kysely<Database>,
  councilId: string,
  day: string,
): Promise<Principal[]> {
  const rows = await activePeople(db, councilId)
    .where('p.task_digest', '=', true)
    .where((eb) => eb.or([eb('p.task_digest_sent_on', 'is', null), eb('p.task_digest_sent_on', '<', day)]))
    .execute();
  return rows.map((row) => ({ ...toPrincipal(councilId, row, 'session'), readOnly: true }));
}

// Claims the day's email for a person: true for the one process whose update moved the day on;
// a second process waits on the row lock and then finds the day already taken.
export async function claimDigest(trx: Kysely<Database>, councilId: string, personId: string, day: string) {
  const row = await trx
    .updateTable('person')
    .set({ task_digest_sent_on: day })
    .where('council_id', '=', councilId)
    .where('id', '=', personId)
    .where('task_digest', '=', true)
    .where((eb) => eb.or([eb('task_digest_sent_on', 'is', null), eb('task_digest_sent_on', '<', day)]))
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}
