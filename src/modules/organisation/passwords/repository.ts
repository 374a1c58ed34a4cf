import { type Kysely, sql } from 'kysely';
import type { Database } from '../../../platform/db/schema.ts';

export type PasswordHolder = {
  councilId: string;
  personId: string;
  name: string;
  email: string;
  passwordHash: string | null;
};

const holderColumns = ['council_id', 'id', 'name', 'email', 'password_hash'] as const;
type HolderRow = {
  council_id: string;
  id: string;
  name: string;
  email: string;
  password_hash: string | null;
};
const toHolder = (row: HolderRow): PasswordHolder => ({
  councilId: row.council_id,
  personId: row.id,
  name: row.name,
  email: row.email,
  passwordHash: row.password_hash,
});

export async function passwordHolder(
  db: Kysely<Database>,
  councilId: string,
  personId: string,
): Promise<PasswordHolder | null> {
  const row = await db
    .selectFrom('person')
    .select(holderColumns)
    .where('council_id', '=', councilId)
    .where('id', '=', personId)
    .where('active', '=', true)
    .executeTakeFirst();
  return row ? toHolder(row) : null;
}

// The account with this email address, in whichever council: like signing in, the one lookup
// that crosses councils (an email address names one account across them).
export async function accountByEmail(db: Kysely<Database>, email: string): Promise<PasswordHolder | null> {
  const row = await db
    .selectFrom('person')
    .select(holderColumns)
    .where(sql<string>`lower(email)`, '=', email.trim().toLowerCase())
    .where('active', '=', true)
    .executeTakeFirst();
  return row ? toHolder(row) : null;
}
