import { type Kysely, sql } from 'kysely';
import { type Actor, appendAudit, recordAccess } from '../audit/audit-trail.ts';
import type { Database } from '../db/schema.ts';
import { burnPasswordCheck, verifyPassword } from './passwords.ts';
import { digest } from './secrets.ts';
import { providerOf } from './sso/providers.ts';

export type LockoutPolicy = { maxFailedSignIns: number; lockoutMinutes: number };
type SignInOutcome =
  | { ok: true; councilId: string; personId: string }
  | { ok: false; locked: boolean; failures: number; signInWith?: { slug: string; displayName: string } };

// Failed attempts at addresses with no account are counted in memory, so that they are slowed
// and locked exactly like real accounts and the answers never reveal whether an account exists.
export type UnknownAccountAttempts = Map<string, { failures: number; lockedUntil: number }>;
const rememberedUnknownAddresses = 10_000;

const unknownAccountDefaults: LockoutPolicy = { maxFailedSignIns: 5, lockoutMinutes: 15 };

// Each failure after the second waits longer before the answer: 0.5 s, 1 s, 2 s, then 4 s.
export function signInDelayMs(failures: number): number {
  return failures < 3 ? 0 : Math.min(500 * 2 ** (failures - 3), 4000);
}

export async function signIn(
  db: Kysely<Database>,
  unknown: UnknownAccountAttempts,
  credentials: { email: string; password: string },
  now: Date,
  policyFor: (councilId: string) => Promise<LockoutPolicy>,
  requestId: string,
): Promise<SignInOutcome> {
  const email = credentials.email.trim().toLowerCase();
  const person = await db
    .selectFrom('person')
    .select(['council_id', 'id', 'name', 'password_hash', 'failed_sign_ins', 'locked_until'])
    .where(sql<string>`lower(email)`, '=', email)
    .where('active', '=', true)
    .executeTakeFirst();
  if (!person) return unknownAccount(unknown, email, credentials.password, now);
  const provider = await providerOf(db, person.council_id);
  const actor = { councilId: person.council_id, personId: person.id, label: person.name, requestId };
  if (person.locked_until && person.locked_until > now) {
    await burnPasswordCheck(credentials.password);
    return { ok: false, locked: true, failures: person.failed_sign_ins };
  }
  const valid = person.password_hash
    ? await verifyPassword(person.password_hash, credentials.password)
    : false;
  if (!person.password_hash) await burnPasswordCheck(credentials.password);
  // A council that signs in only with its provider: the right password is told to use it; a wrong
  // one fails as any other does, so that the answer says nothing of which addresses have accounts.
  if (valid && provider && !provider.passwordSignIn) {
    const refused = { action: 'person.password-sign-in-refused', recordType: 'person', recordId: person.id };
    await recordAccess(db, actor, refused, now);
    return { ok: false, locked: false, failures: 0, signInWith: provider };
  }
  const policy = await policyFor(person.council_id);
  return db.transaction().execute((trx) => recordAttempt(trx, actor, valid, policy, now));
}

// Attempts on one account are decided one at a time: the person's row is locked and read again
// after the password check, so each attempt counts on from the one before it, and an account
// locked (or deactivated) meanwhile refuses even the right password.
async function recordAttempt(
  trx: Kysely<Database>,
  actor: Actor & { personId: string },
  valid: boolean,
  policy: LockoutPolicy,
  now: Date,
): Promise<SignInOutcome> {
  const person = await trx
    .selectFrom('person')
    .select(['failed_sign_ins', 'locked_until'])
    .where('council_id', '=', actor.councilId)
    .where('id', '=', actor.personId)
    .where('active', '=', true)
    .forUpdate()
    .executeTakeFirst();
  if (!person) return { ok: false, locked: false, failures: 0 };
  if (person.locked_until && person.locked_until > now) {
    return { ok: false, locked: true, failures: person.failed_sign_ins };
  }
  const failures = valid ? 0 : person.failed_sign_ins + 1;
  const locked = failures >= policy.maxFailedSignIns;
  await trx
    .updateTable('person')
    .set({
      failed_sign_ins: locked ? 0 : failures,
      locked_until: locked ? new Date(now.getTime() + policy.lockoutMinutes * 60_000) : null,
    })
    .where('council_id', '=', actor.councilId)
    .where('id', '=', actor.personId)
    .execute();
  const action = valid ? 'person.signed-in' : locked ? 'person.locked-out' : 'person.sign-in-failed';
  await appendAudit(
    trx,
    actor,
    { action, recordType: 'person', recordId: actor.personId, ...(valid ? {} : { after: { failures } }) },
    now,
  );
  return valid
    ? { ok: true, councilId: actor.councilId, personId: actor.personId }
    : { ok: false, locked, failures };
}

async function unknownAccount(
  unknown: UnknownAccountAttempts,
  email: string,
  password: string,
  now: Date,
): Promise<SignInOutcome> {
  await burnPasswordCheck(password);
  const key = digest(email);
  const entry = unknown.get(key) ?? { failures: 0, lockedUntil: 0 };
  if (entry.lockedUntil > now.getTime()) return { ok: false, locked: true, failures: entry.failures };
  const failures = entry.failures + 1;
  const locked = failures >= unknownAccountDefaults.maxFailedSignIns;
  unknown.delete(key);
  unknown.set(key, {
    failures: locked ? 0 : failures,
    lockedUntil: locked ? now.getTime() + unknownAccountDefaults.lockoutMinutes * 60_000 : 0,
  });
  if (unknown.size > rememberedUnknownAddresses) {
    const oldest = unknown.keys().next().value;
    if (oldest !== undefined) unknown.delete(oldest);
  }
  return { ok: false, locked, failures };
}
