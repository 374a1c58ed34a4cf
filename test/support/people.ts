import type { Kysely } from 'kysely';
import { addPersonDuringSetUp } from '../../src/modules/organisation/councils/set-up.ts';
import { createApiToken } from '../../src/platform/auth/api-tokens.ts';
import { hashPassword } from '../../src/platform/auth/passwords.ts';
import type { Role } from '../../src/platform/auth/roles.ts';
import type { Database } from '../../src/platform/db/schema.ts';
import type { TestApp } from './app.ts';

export const testPassword = 'a long test passphrase';
let hash: Promise<string> | null = null;

// A person with exactly the given roles, who can sign in with testPassword.
export async function addTestPerson(
  db: Kysely<Database>,
  councilId: string,
  details: { email: string; roles: Role[]; lineManagerId?: string | null; name?: string },
): Promise<string> {
  hash ??= hashPassword(testPassword);
  return addPersonDuringSetUp(
    db,
    councilId,
    {
      name: details.name ?? details.email.split('@')[0] ?? 'Test Person',
      email: details.email,
      jobTitle: 'Test post',
      serviceId: null,
      lineManagerId: details.lineManagerId ?? null,
      employmentType: 'employee',
      politicallyRestricted: false,
      roles: details.roles,
    },
    await hash,
    new Date(),
  );
}

export async function tokenFor(
  db: Kysely<Database>,
  councilId: string,
  personId: string,
  scope: 'read' | 'read-write' = 'read-write',
) {
  const { token } = await createApiToken(
    db,
    { councilId, personId, label: 'Test' },
    { name: 'Test token', scope, expiresInDays: null },
    new Date(),
  );
  return token;
}

export async function personIdByEmail(db: Kysely<Database>, email: string): Promise<string> {
  const row = await db.selectFrom('person').select('id').where('email', '=', email).executeTakeFirstOrThrow();
  return row.id;
}

// A browser signed in as a test person (added with addTestPerson, so testPassword by default).
export async function signedInAs(t: TestApp, email: string, password = testPassword) {
  const browser = t.client();
  await browser.signIn(email, password);
  return browser;
}
