import type { Kysely } from 'kysely';
import { type Actor, appendAudit } from '../audit/audit-trail.ts';
import { uuidv7 } from '../db/ids.ts';
import { sameCouncil } from '../db/same-council.ts';
import type { Database } from '../db/schema.ts';
import type { Principal } from './principal.ts';
import { activePeople, toPrincipal } from './principals.ts';
import { digest, isUuid, newSecret, splitCredential } from './secrets.ts';

const tokenPrefix = 'pbt_';
export type TokenScope = 'read' | 'read-write';

type ApiToken = {
  id: string;
  name: string;
  scope: TokenScope;
  createdAt: Date;
  expiresAt: Date | null;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
};

const touchEveryMs = 60 * 1000;

export async function createApiToken(
  db: Kysely<Database>,
  actor: Actor & { personId: string },
  input: { name: string; scope: TokenScope; expiresInDays: number | null },
  now: Date,
): Promise<{ token: string; id: string }> {
  const secret = newSecret();
  const id = uuidv7(now.getTime());
  const expiresAt =
    input.expiresInDays === null ? null : new Date(now.getTime() + input.expiresInDays * 86_400_000);
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('api_token')
      .values({
        council_id: actor.councilId,
        id,
        person_id: actor.personId,
        name: input.name,
        token_hash: digest(secret),
        scope: input.scope,
        created_at: now,
        expires_at: expiresAt,
      })
      .execute();
    await appendAudit(
      trx,
      actor,
      {
        action: 'api-token.created',
        recordType: 'api-token',
        recordId: id,
        after: { name: input.name, scope: input.scope, expiresAt },
      },
      now,
    );
  });
  return { token: `${tokenPrefix}${actor.councilId}.${secret}`, id };
}

export async function listApiTokens(
  db: Kysely<Database>,
  councilId: string,
  personId: string,
): Promise<ApiToken[]> {
  const rows = await db
    .selectFrom('api_token')
    .selectAll()
    .where('council_id', '=', councilId)
    .where('person_id', '=', personId)
    .orderBy('created_at', 'desc')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    scope: row.scope === 'read' ? 'read' : 'read-write',
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    lastUsedAt: row.last_used_at,
    revokedAt: row.revoked_at,
  }));
}

// Revokes one of the actor's own tokens; false when there is no such live token.
export async function revokeApiToken(
  db: Kysely<Database>,
  actor: Actor & { personId: string },
  id: string,
  now: Date,
): Promise<boolean> {
  if (!isUuid(id)) return false; // names no token
  return db.transaction().execute(async (trx) => {
    const revoked = await trx
      .updateTable('api_token')
      .set({ revoked_at: now })
      .where('council_id', '=', actor.councilId)
      .where('person_id', '=', actor.personId)
      .where('id', '=', id)
      .where('revoked_at', 'is', null)
      .returning(['name'])
      .executeTakeFirst();
    if (!revoked) return false;
    await appendAudit(
      trx,
      actor,
      { action: 'api-token.revoked', recordType: 'api-token', recordId: id, after: { name: revoked.name } },
      now,
    );
    return true;
  });
}

export async function revokeApiTokensOf(
  trx: Kysely<Database>,
  councilId: string,
  personId: string,
  now: Date,
) {
  await trx
    .updateTable('api_token')
    .set({ revoked_at: now })
    .where('council_id', '=', councilId)
    .where('person_id', '=', personId)
    .where('revoked_at', 'is', null)
    .execute();
}

export async function resolveApiToken(
  db: Kysely<Database>,
  bearer: string,
  now: Date,
): Promise<Principal | null> {
  if (!bearer.startsWith(tokenPrefix)) return null;
  const credential = splitCredential(bearer.slice(tokenPrefix.length));
  if (!credential) return null;
  const token = await activePeople(db, credential.councilId)
    .innerJoin('api_token as t', sameCouncil('t.person_id', 'p.id'))
    .select(['t.id as tokenId', 't.scope', 't.expires_at', 't.revoked_at', 't.last_used_at'])
    .where('t.token_hash', '=', digest(credential.secret))
    .executeTakeFirst();
  if (!token || token.revoked_at || (token.expires_at && token.expires_at <= now)) return null;
  if (!token.last_used_at || now.getTime() - token.last_used_at.getTime() > touchEveryMs) {
    await db
      .updateTable('api_token')
      .set({ last_used_at: now })
      .where('council_id', '=', credential.councilId)
      .where('id', '=', token.tokenId)
      .execute();
  }
  const principal = toPrincipal(credential.councilId, token, 'token');
  return { ...principal, readOnly: token.scope === 'read' };
}
