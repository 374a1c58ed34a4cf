import { type Kysely, sql } from 'kysely';
import type { Database } from '../../../platform/db/schema.ts';
import { entryOf, type GiftOffer, type OfferEntry, offerFromRow, offerRow } from '../offer.ts';
import type { OfferHistory } from '../rules.ts';

// References people can quote: GH-2026-0042, numbered per council and year.
export async function nextReference(trx: Kysely<Database>, councilId: string, year: number): Promise<string> {
  const { last_number } = await trx
    .insertInto('gift_reference_counter')
    .values({ council_id: councilId, year, last_number: 1 })
    .onConflict((oc) =>
      oc
        .columns(['council_id', 'year'])
        .doUpdateSet({ last_number: sql`gift_reference_counter.last_number + 1` }),
    )
    .returning('last_number')
    .executeTakeFirstOrThrow();
  return `GH-${year}-${String(last_number).padStart(4, '0')}`;
}

type VersionChange = { reason: string; byId: string | null; byName: string; at: Date };

async function insertVersion(
  trx: Kysely<Database>,
  councilId: string,
  offer: GiftOffer,
  change: VersionChange,
) {
  await trx
    .insertInto('gift_offer_version')
    .values({
      council_id: councilId,
      offer_id: offer.id,
      version: offer.version,
      entry: JSON.stringify(entryOf(offer)),
      change_reason: change.reason,
      changed_by: change.byId,
      changed_by_name: change.byName,
      changed_at: change.at,
    })
    .execute();
}

export async function insertOffer(
  trx: Kysely<Database>,
  councilId: string,
  offer: GiftOffer,
  change: VersionChange,
) {
  await trx.insertInto('gift_offer').values(offerRow(councilId, offer)).execute();
  await insertVersion(trx, councilId, offer, change);
}

// Saves a changed offer as its next version; false if someone else changed it first.
export async function saveOffer(
  trx: Kysely<Database>,
  councilId: string,
  offer: GiftOffer,
  change: VersionChange,
): Promise<boolean> {
  const { council_id: _c, id: _i, ...row } = offerRow(councilId, offer);
  const result = await trx
    .updateTable('gift_offer')
    .set(row)
    .where('council_id', '=', councilId)
    .where('id', '=', offer.id)
    .where('version', '=', offer.version - 1)
    .executeTakeFirst();
  if (result.numUpdatedRows !== 1n) return false;
  await insertVersion(trx, councilId, offer, change);
  return true;
}

export async function findOffer(
  db: Kysely<Database>,
  councilId: string,
  id: string,
): Promise<GiftOffer | null> {
  const row = await db
    .selectFrom('gift_offer')
    .selectAll()
    .where('council_id', '=', councilId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? offerFromRow(row) : null;
}

export async function offerVersions(db: Kysely<Database>, councilId: string, id: string) {
  const rows = await db
    .selectFrom('gift_offer_version')
    .selectAll()
    .where('council_id', '=', councilId)
    .where('offer_id', '=', id)
    .orderBy('version')
    .execute();
  return rows.map((row) => ({
    version: row.version,
    entry: row.entry as OfferEntry,
    reason: row.change_reason,
    byName: row.changed_by_name,
    at: row.changed_at,
  }));
}

// Earlier offers from the same offeror in the 12 months up to an offer's date.
export async function offerHistory(
  db: Kysely<Database>,
  councilId: string,
  q: { offerorKey: string; recipientId: string; from: string; to: string; excludeId?: string | undefined },
): Promise<OfferHistory> {
  const row = await db
    .selectFrom('gift_offer')
    .select([
      sql<number>`count(*) filter (where recipient_id = ${q.recipientId})`.as('mine'),
      sql<number>`coalesce(sum(value_pence) filter (where recipient_id = ${q.recipientId}), 0)`.as(
        'mine_total',
      ),
      sql<number>`count(*)`.as('all'),
      sql<number>`coalesce(sum(value_pence), 0)`.as('all_total'),
      sql<number>`count(distinct recipient_id)`.as('people'),
    ])
    .where('council_id', '=', councilId)
    .where('offeror_key', '=', q.offerorKey)
    .where('offered_on', '>=', q.from)
    .where('offered_on', '<=', q.to)
    .where('id', '!=', q.excludeId ?? '00000000-0000-0000-0000-000000000000')
    .executeTakeFirstOrThrow();
  return {
    toThisOfficer: { count: Number(row.mine), totalPence: Number(row.mine_total) },
    toAnyone: { count: Number(row.all), totalPence: Number(row.all_total), people: Number(row.people) },
  };
}

export async function awaitingApprovalBy(db: Kysely<Database>, councilId: string, approverId: string) {
  const rows = await db
    .selectFrom('gift_offer')
    .selectAll()
    .where('council_id', '=', councilId)
    .where('state', '=', 'awaiting-approval')
    .where('approver_id', '=', approverId)
    .orderBy('recorded_at')
    .execute();
  return rows.map(offerFromRow);
}

export async function awaitingApprovalCount(db: Kysely<Database>, councilId: string, approverId: string) {
  const row = await db
    .selectFrom('gift_offer')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('council_id', '=', councilId)
    .where('state', '=', 'awaiting-approval')
    .where('approver_id', '=', approverId)
    .executeTakeFirstOrThrow();
  return row.n;
}
