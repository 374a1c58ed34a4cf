import type { Kysely } from 'kysely';
import type { Division } from '../../../platform/calendar/working-days.ts';
import type { Database } from '../../../platform/db/schema.ts';

export async function findCouncilBySlug(db: Kysely<Database>, slug: string) {
  return db.selectFrom('council').select(['council_id', 'name']).where('slug', '=', slug).executeTakeFirst();
}

export async function listCouncils(
  db: Kysely<Database>,
): Promise<{ council_id: string; name: string; slug: string }[]> {
  return db.selectFrom('council').select(['council_id', 'name', 'slug']).orderBy('name').execute();
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

export async function insertCouncil(
  db: Kysely<Database>,
  council: { councilId: string; name: string; slug: string; division: Division },
  now: Date,
) {
  await db
    .insertInto('council')
    .values({
      council_id: council.councilId,
      name: council.name,
      slug: council.slug,
      division: council.division,
      created_at: now,
    })
    .execute();
}

export async function insertDirectorate(db: Kysely<Database>, councilId: string, id: string, name: string) {
  await db.insertInto('directorate').values({ council_id: councilId, id, name }).execute();
}

export async function insertService(
  db: Kysely<Database>,
  councilId: string,
  service: { id: string; directorateId: string; name: string },
) {
  await db
    .insertInto('service')
    .values({
      council_id: councilId,
      id: service.id,
      directorate_id: service.directorateId,
      name: service.name,
    })
    .execute();
}

export async function findCouncil(db: Kysely<Database>, councilId: string) {
  return db
    .selectFrom('council')
    .select(['name', 'slug', 'division'])
    .where('council_id', '=', councilId)
    .executeTakeFirstOrThrow();
}
