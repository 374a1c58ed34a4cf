import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/db/schema.ts';
import type { EditablePage } from './rules.ts';

export async function findPageText(
  db: Kysely<Database>,
  councilId: string,
  page: EditablePage,
): Promise<string | null> {
  const row = await db
    .selectFrom('council_page')
    .select('body')
    .where('council_id', '=', councilId)
    .where('page', '=', page)
    .executeTakeFirst();
  return row?.body ?? null;
}

export async function savePageText(
  trx: Kysely<Database>,
  page: { councilId: string; page: EditablePage; body: string; by: string },
  now: Date,
) {
  await trx
    .insertInto('council_page')
    .values({
      council_id: page.councilId,
      page: page.page,
      body: page.body,
      updated_at: now,
      updated_by: page.by,
    })
    .onConflict((conflict) =>
      conflict
        .columns(['council_id', 'page'])
        .doUpdateSet({ body: page.body, updated_at: now, updated_by: page.by }),
    )
    .execute();
}

export async function deletePageText(trx: Kysely<Database>, councilId: string, page: EditablePage) {
  await trx.deleteFrom('council_page').where('council_id', '=', councilId).where('page', '=', page).execute();
}
