import { type Kysely, type Selectable, sql } from 'kysely';
import type { Database } from '../../../platform/db/schema.ts';
import type { CommitteePackItemTable, CommitteePackTable } from '../tables.ts';
import type { PackFigures } from './figures.ts';
import type { Committee } from './rules.ts';
import type { PackItem } from './versions.ts';

type Db = Kysely<Database>;

export type Pack = {
  id: string;
  committee: Committee;
  from: string;
  to: string;
  assembledBy: string;
  assembledByName: string;
  assembledAt: Date;
  publishedAt: Date | null;
  publishedByName: string | null;
};

export type PackWithFigures = Pack & { figures: PackFigures };

const packColumns = [
  'id',
  'committee',
  'period_from',
  'period_to',
  'assembled_by',
  'assembled_by_name',
  'assembled_at',
  'published_at',
  'published_by_name',
] as const;

const packOf = (row: Omit<Selectable<CommitteePackTable>, 'council_id' | 'figures'>): Pack => ({
  id: row.id,
  committee: row.committee,
  from: row.period_from,
  to: row.period_to,
  assembledBy: row.assembled_by,
  assembledByName: row.assembled_by_name,
  assembledAt: row.assembled_at,
  publishedAt: row.published_at,
  publishedByName: row.published_by_name,
});

// jsonb reads back parsed on both databases; a string is parsed for safety.
const figuresOf = (value: unknown) => (typeof value === 'string' ? JSON.parse(value) : value) as PackFigures;

const itemOf = (row: Selectable<CommitteePackItemTable>): PackItem => ({
  key: row.key,
  position: row.position,
  heading: row.heading,
  body: row.body,
  exemptParagraph: row.exempt_paragraph,
  exemptReason: row.exempt_reason,
  exemptMarkedBy: row.exempt_marked_by,
});

export async function insertPack(trx: Db, councilId: string, pack: PackWithFigures, items: PackItem[]) {
  await trx
    .insertInto('committee_pack')
    .values({
      council_id: councilId,
      id: pack.id,
      committee: pack.committee,
      period_from: pack.from,
      period_to: pack.to,
      figures: JSON.stringify(pack.figures),
      assembled_by: pack.assembledBy,
      assembled_by_name: pack.assembledByName,
      assembled_at: pack.assembledAt,
    })
    .execute();
  if (items.length) await insertItems(trx, councilId, pack.id, items);
}

export async function insertItems(trx: Db, councilId: string, packId: string, items: PackItem[]) {
  await trx
    .insertInto('committee_pack_item')
    .values(
      items.map((item) => ({
        council_id: councilId,
        pack_id: packId,
        key: item.key,
        position: item.position,
        heading: item.heading,
        body: item.body,
        exempt_paragraph: item.exemptParagraph,
        exempt_reason: item.exemptReason,
        exempt_marked_by: item.exemptMarkedBy,
      })),
    )
    .execute();
}

// lock: held until the transaction ends, so that a pack is not published while it is changed.
export async function findPack(
  db: Db,
  councilId: string,
  id: string,
  options: { lock?: boolean } = {},
): Promise<PackWithFigures | null> {
  let query = db
    .selectFrom('committee_pack')
    .select([...packColumns, 'figures'])
    .where('council_id', '=', councilId)
    .where('id', '=', id);
  if (options.lock) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  return row ? { ...packOf(row), figures: figuresOf(row.figures) } : null;
}

export async function itemsOf(db: Db, councilId: string, packId: string): Promise<PackItem[]> {
  const rows = await db
    .selectFrom('committee_pack_item')
    .selectAll()
    .where('council_id', '=', councilId)
    .where('pack_id', '=', packId)
    .orderBy('position')
    .execute();
  return rows.map(itemOf);
}

// The packs of these committees (all of them, or the published only), the latest first.
export async function listPacks(
  db: Db,
  councilId: string,
  filter: { committees: readonly Committee[]; publishedOnly: boolean },
): Promise<Pack[]> {
  if (filter.committees.length === 0) return [];
  let query = db
    .selectFrom('committee_pack')
    .select(packColumns)
    .where('council_id', '=', councilId)
    .where('committee', 'in', filter.committees);
  if (filter.publishedOnly) query = query.where('published_at', 'is not', null);
  const rows = await query.orderBy('assembled_at', 'desc').orderBy('id', 'desc').limit(200).execute();
  return rows.map(packOf);
}

export async function markItem(
  trx: Db,
  councilId: string,
  packId: string,
  key: string,
  mark: { paragraph: number | null; reason: string; by: string | null },
) {
  const result = await trx
    .updateTable('committee_pack_item')
    .set({ exempt_paragraph: mark.paragraph, exempt_reason: mark.reason, exempt_marked_by: mark.by })
    .where('council_id', '=', councilId)
    .where('pack_id', '=', packId)
    .where('key', '=', key)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function nextPosition(trx: Db, councilId: string, packId: string): Promise<number> {
  const row = await trx
    .selectFrom('committee_pack_item')
    .select(sql<number>`coalesce(max(position), 0)::int + 1`.as('next'))
    .where('council_id', '=', councilId)
    .where('pack_id', '=', packId)
    .executeTakeFirstOrThrow();
  return Number(row.next);
}

export async function publish(trx: Db, councilId: string, packId: string, at: Date, byName: string) {
  const result = await trx
    .updateTable('committee_pack')
    .set({ published_at: at, published_by_name: byName })
    .where('council_id', '=', councilId)
    .where('id', '=', packId)
    .where('published_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

// A committee member's first opening of a published pack; false when they had opened it before.
export async function markRead(trx: Db, councilId: string, packId: string, personId: string, at: Date) {
  const inserted = await trx
    .insertInto('committee_pack_reader')
    .values({ council_id: councilId, pack_id: packId, person_id: personId, first_read_at: at })
    .onConflict((conflict) => conflict.doNothing())
    .returning('person_id')
    .executeTakeFirst();
  return inserted !== undefined;
}
