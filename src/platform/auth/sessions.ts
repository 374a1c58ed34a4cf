import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { Principal } from './principal.ts';
import { activePeople, toPrincipal } from './principals.ts';
import { digest, newSecret, splitCredential } from './secrets.ts';

export const sessionCookieName = 'probity_session';
const absoluteLifetimeMs = 12 * 60 * 60 * 1000;
// Writing last_seen_at on every request would make every page a write; a minute's slack is harmless.
const touchEveryMs = 60 * 1000;

export async function startSession(
  db: Kysely<Database>,
  person: { councilId: string; personId: string },
  now: Date,
): Promise<string> {
  const secret = newSecret();
  await db
    .insertInto('session')
    .values({
      council_id: person.councilId,
      id: digest(secret),
      person_id: person.personId,
      created_at: now,
      last_seen_at: now,
      expires_at: new Date(now.getTime() + absoluteLifetimeMs),
    })
    .execute();
  return `${person.councilId}.${secret}`;
}

export async function resolveSession(
  db: Kysely<Database>,
  cookie: string,
  now: Date,
  idleMinutes: (policySettings: unknown) => number,
): Promise<Principal | null> {
  const credential = splitCredential(cookie);
  if (!credential) return null;
  const id = digest(credential.secret);
  const row = await activePeople(db, credential.councilId)
    .innerJoin('session as s', (join) =>
      join.onRef('s.council_id', '=', 'p.council_id').onRef('s.person_id', '=', 'p.id'),
    )
    .leftJoin('council_policy as cp', 'cp.council_id', 'p.council_id')
    .select(['s.last_seen_at', 's.expires_at', 'cp.settings'])
    .where('s.id', '=', id)
    .executeTakeFirst();
  if (!row) return null;
  const idleMs = idleMinutes(row.settings) * 60 * 1000;
  if (row.expires_at <= now || now.getTime() - row.last_seen_at.getTime() > idleMs) {
    await db
      .deleteFrom('session')
      .where('council_id', '=', credential.councilId)
      .where('id', '=', id)
      .execute();
    return null;
  }
  if (now.getTime() - row.last_seen_at.getTime() > touchEveryMs) {
    await db
      .updateTable('session')
      .set({ last_seen_at: now })
      .where('council_id', '=', credential.councilId)
      .where('id', '=', id)
      .execute();
  }
  const principal = toPrincipal(credential.councilId, row, 'session');
  return { ...principal, readOnly: false, sessionId: id };
}

export async function endSession(db: Kysely<Database>, councilId: string, sessionId: string) {
  await db.deleteFrom('session').where('council_id', '=', councilId).where('id', '=', sessionId).execute();
}

export async function endSessionsOf(db: Kysely<Database>, councilId: string, personId: string) {
  await db
    .deleteFrom('session')
    .where('council_id', '=', councilId)
    .where('person_id', '=', personId)
    .execute();
}
