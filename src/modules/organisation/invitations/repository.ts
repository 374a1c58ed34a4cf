import type { Kysely } from 'kysely';
import { digest, newSecret, splitCredential } from '../../../platform/auth/secrets.ts';
import { uuidv7 } from '../../../platform/db/ids.ts';
import { sameCouncil } from '../../../platform/db/same-council.ts';
import type { Database } from '../../../platform/db/schema.ts';

const validForMs = 72 * 60 * 60 * 1000;

// A one-time set-password link. Only its digest is stored; a new invitation cancels older ones.
export async function createInvitation(
  trx: Kysely<Database>,
  councilId: string,
  personId: string,
  now: Date,
  baseUrl: string,
) {
  const secret = newSecret();
  const expiresAt = new Date(now.getTime() + validForMs);
  await trx
    .updateTable('one_time_token')
    .set({ used_at: now })
    .where('council_id', '=', councilId)
    .where('person_id', '=', personId)
    .where('used_at', 'is', null)
    .execute();
  await trx
    .insertInto('one_time_token')
    .values({
      council_id: councilId,
      id: uuidv7(now.getTime()),
      person_id: personId,
      purpose: 'set-password',
      token_hash: digest(secret),
      created_at: now,
      expires_at: expiresAt,
    })
    .execute();
  return { link: `${baseUrl}/set-password/${councilId}.${secret}`, expiresAt };
}

export type Invitation = { id: string; councilId: string; personId: string; name: string; email: string };

export async function findLiveInvitation(
  db: Kysely<Database>,
  credential: string,
  now: Date,
): Promise<Invitation | null> {
  const parts = splitCredential(credential);
  if (!parts) return null;
  const row = await db
    .selectFrom('one_time_token as t')
    .innerJoin('person as p', sameCouncil('p.id', 't.person_id'))
    .select(['t.id', 't.council_id', 't.person_id', 'p.name', 'p.email'])
    .where('t.council_id', '=', parts.councilId)
    .where('t.token_hash', '=', digest(parts.secret))
    .where('t.purpose', '=', 'set-password')
    .where('t.used_at', 'is', null)
    .where('t.expires_at', '>', now)
    .where('p.active', '=', true)
    .executeTakeFirst();
  return row
    ? { id: row.id, councilId: row.council_id, personId: row.person_id, name: row.name, email: row.email }
    : null;
}

export async function markUsed(db: Kysely<Database>, invitation: Invitation, now: Date) {
  await db
    .updateTable('one_time_token')
    .set({ used_at: now })
    .where('council_id', '=', invitation.councilId)
    .where('id', '=', invitation.id)
    .execute();
}
