import type { Kysely } from 'kysely';
import { digest, newSecret, splitCredential } from '../../../platform/auth/secrets.ts';
import { uuidv7 } from '../../../platform/db/ids.ts';
import { sameCouncil } from '../../../platform/db/same-council.ts';
import type { Database } from '../../../platform/db/schema.ts';

// What a one-time link is for, the path it opens and how long it works.
export type LinkPurpose = 'set-password' | 'reset-password';
const links: Record<LinkPurpose, { path: string; validForMs: number }> = {
  'set-password': { path: '/set-password', validForMs: 72 * 60 * 60 * 1000 },
  'reset-password': { path: '/password-reset', validForMs: 30 * 60 * 1000 },
};

// A one-time link to set a password. Only its digest is stored; a new link cancels the person's older
// ones for the same purpose.
export async function createOneTimeLink(
  trx: Kysely<Database>,
  link: { councilId: string; personId: string; purpose: LinkPurpose },
  now: Date,
  baseUrl: string,
) {
  const { councilId, personId, purpose } = link;
  const secret = newSecret();
  const expiresAt = new Date(now.getTime() + links[purpose].validForMs);
  await trx
    .updateTable('one_time_token')
    .set({ used_at: now })
    .where('council_id', '=', councilId)
    .where('person_id', '=', personId)
    .where('purpose', '=', purpose)
    .where('used_at', 'is', null)
    .execute();
  await trx
    .insertInto('one_time_token')
    .values({
      council_id: councilId,
      id: uuidv7(now.getTime()),
      person_id: personId,
      purpose,
      token_hash: digest(secret),
      created_at: now,
      expires_at: expiresAt,
    })
    .execute();
  return { link: `${baseUrl}${links[purpose].path}/${councilId}.${secret}`, expiresAt };
}

export const createInvitation = (
  trx: Kysely<Database>,
  councilId: string,
  personId: string,
  now: Date,
  baseUrl: string,
) => createOneTimeLink(trx, { councilId, personId, purpose: 'set-password' }, now, baseUrl);

export type Invitation = { id: string; councilId: string; personId: string; name: string; email: string };

export async function findLiveLink(
  db: Kysely<Database>,
  credential: string,
  purpose: LinkPurpose,
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
    .where('t.purpose', '=', purpose)
    .where('t.used_at', 'is', null)
    .where('t.expires_at', '>', now)
    .where('p.active', '=', true)
    .executeTakeFirst();
  return row
    ? { id: row.id, councilId: row.council_id, personId: row.person_id, name: row.name, email: row.email }
    : null;
}

export const findLiveInvitation = (db: Kysely<Database>, credential: string, now: Date) =>
  findLiveLink(db, credential, 'set-password', now);

// Marks the link used, unless another request used it first: answers whether this one did.
export async function markUsed(db: Kysely<Database>, link: Invitation, now: Date): Promise<boolean> {
  const result = await db
    .updateTable('one_time_token')
    .set({ used_at: now })
    .where('council_id', '=', link.councilId)
    .where('id', '=', link.id)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

// How many links for this purpose the person has been sent since a moment.
export async function linksSentSince(
  db: Kysely<Database>,
  link: { councilId: string; personId: string; purpose: LinkPurpose },
  since: Date,
): Promise<number> {
  const row = await db
    .selectFrom('one_time_token')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('council_id', '=', link.councilId)
    .where('person_id', '=', link.personId)
    .where('purpose', '=', link.purpose)
    .where('created_at', '>=', since)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
