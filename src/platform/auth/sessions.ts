import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { Principal } from './principal.ts';
import { loadPrincipal } from './principals.ts';
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
  idleMinutes: (councilId: string) => Promise<number>,
): Promise<Principal | null> {
  const credential = splitCredential(cookie);
  if (!credential) return null;
  const id = digest(credential.secret);
  const session = await db
    .selectFrom('session')
    .select(['person_id', 'last_seen_at', 'expires_at'])
    .where('council_id', '=', credential.councilId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!session) return null;
  const idleMs = (await idleMinutes(credential.councilId)) * 60 * 1000;
  if (session.expires_at <= now || now.getTime() - session.last_seen_at.getTime() > idleMs) {
    await db
      .deleteFrom('session')
      .where('council_id', '=', credential.councilId)
      .where('id', '=', id)
      .execute();
    return null;
  }
  const principal = await loadPrincipal(db, credential.councilId, session.person_id, 'session');
  if (!principal) return null;
  if (now.getTime() - session.last_seen_at.getTime() > touchEveryMs) {
    await db
      .updateTable('session')
      .set({ last_seen_at: now })
      .where('council_id', '=', credential.councilId)
      .where('id', '=', id)
      .execute();
  }
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
