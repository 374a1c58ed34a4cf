import { CompiledQuery, type Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { Principal } from './principal.ts';
import { type PrincipalRow, teamRolesSql, toPrincipal } from './principals.ts';
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

type SessionRow = PrincipalRow & {
  last_seen_at: Date;
  expires_at: Date;
  idle: unknown;
};

// The person behind a session, as activePeople reads them, with the session's times and the one
// policy setting it needs. Every signed-in request runs it, so it is written out once rather than
// built and compiled each time, and it does not read the whole policy.
const sessionLookup = `select p.id as "personId", p.name, p.email, p.service_id as "serviceId", c.name as "councilName",
    c.rules_version as "councilRulesVersion",
    coalesce((select array_agg(r.role) from person_role r
      where r.council_id = p.council_id and r.person_id = p.id), '{}') as roles,
    ${teamRolesSql} as "teamRoles",
    s.last_seen_at, s.expires_at, cp.settings -> 'sessionIdleMinutes' as idle
  from session s
  join person p on p.council_id = s.council_id and p.id = s.person_id and p.active
  join council c on c.council_id = p.council_id
  left join council_policy cp on cp.council_id = p.council_id
  where s.council_id = $1 and s.id = $2`;

export async function resolveSession(
  db: Kysely<Database>,
  cookie: string,
  now: Date,
  idleMinutes: (policySettings: unknown) => number,
): Promise<Principal | null> {
  const credential = splitCredential(cookie);
  if (!credential) return null;
  const id = digest(credential.secret);
  const [row] = (
    await db.executeQuery<SessionRow>(CompiledQuery.raw(sessionLookup, [credential.councilId, id]))
  ).rows;
  if (!row) return null;
  const idleMs = idleMinutes({ sessionIdleMinutes: row.idle ?? undefined }) * 60 * 1000;
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

// Ends all the person's sessions, or all but the one they are using (`keep`).
export async function endSessionsOf(
  db: Kysely<Database>,
  councilId: string,
  personId: string,
  keep?: string,
) {
  let query = db.deleteFrom('session').where('council_id', '=', councilId).where('person_id', '=', personId);
  if (keep !== undefined) query = query.where('id', '<>', keep);
  await query.execute();
}
