import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/db/schema.ts';

export async function findCouncilBySlug(db: Kysely<Database>, slug: string) {
  return db.selectFrom('council').select(['council_id', 'name']).where('slug', '=', slug).executeTakeFirst();
}

export async function listCouncils(db: Kysely<Database>): Promise<{ council_id: string; name: string }[]> {
  return db.selectFrom('council').select(['council_id', 'name']).orderBy('name').execute();
}

export async function listCouncilIds(db: Kysely<Database>): Promise<string[]> {
  const rows = await db.selectFrom('council').select('council_id').execute();
  return rows.map((row) => row.council_id);
}

export async function councilCreatedAt(db: Kysely<Database>, councilId: string): Promise<Date> {
  const row = await db
    .selectFrom('council')
    .select('created_at')
    .where('council_id', '=', councilId)
    .executeTakeFirstOrThrow();
  return row.created_at;
}
