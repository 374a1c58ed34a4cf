import type { Kysely } from 'kysely';
import type { Database } from './schema.ts';

// Answers kept between a form's question pages until it is submitted: a table per module, all
// with the same columns.
type DraftTable = 'gift_draft' | 'declaration_draft';
type Drafts = Kysely<Record<DraftTable, Database['gift_draft']>>;

export function draftStore(table: DraftTable) {
  const drafts = (db: Kysely<Database>) => db as unknown as Drafts;
  return {
    async read(db: Kysely<Database>, councilId: string, personId: string, id: string) {
      const row = await drafts(db)
        .selectFrom(table)
        .select('answers')
        .where('council_id', '=', councilId)
        .where('id', '=', id)
        .where('person_id', '=', personId)
        .executeTakeFirst();
      return row ? (row.answers as Record<string, string>) : null;
    },

    async write(
      db: Kysely<Database>,
      draft: { councilId: string; personId: string; id: string; answers: Record<string, string> },
      now: Date,
    ) {
      const answers = JSON.stringify(draft.answers);
      await drafts(db)
        .insertInto(table)
        .values({
          council_id: draft.councilId,
          id: draft.id,
          person_id: draft.personId,
          answers,
          updated_at: now,
        })
        .onConflict((oc) => oc.columns(['council_id', 'id']).doUpdateSet({ answers, updated_at: now }))
        .execute();
    },

    // In the submitting transaction: false when the draft was already submitted, so that a
    // second press of the button does not submit twice.
    async remove(trx: Kysely<Database>, councilId: string, id: string): Promise<boolean> {
      const result = await drafts(trx)
        .deleteFrom(table)
        .where('council_id', '=', councilId)
        .where('id', '=', id)
        .executeTakeFirst();
      return result.numDeletedRows === 1n;
    },

    // Drafts left for a week are abandoned.
    async removeAbandoned(db: Kysely<Database>, now: Date) {
      await drafts(db)
        .deleteFrom(table)
        .where('updated_at', '<', new Date(now.getTime() - 7 * 24 * 60 * 60 * 1000))
        .execute();
    },
  };
}
