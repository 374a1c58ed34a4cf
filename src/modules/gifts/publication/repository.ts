import { type Kysely, sql } from 'kysely';
import type { Database } from '../../../platform/db/schema.ts';
import type { CursorKey } from '../../../platform/web/cursor.ts';
import { type GiftOffer, offerFromRow } from '../offer.ts';

// The published register: decided offers, newest first, a page at a time, with the key to
// continue after when there are more.
export async function publishedOffers(
  db: Kysely<Database>,
  councilId: string,
  page: { limit: number; after?: CursorKey | undefined; from: string },
): Promise<{ offers: GiftOffer[]; next: CursorKey | null }> {
  let query = db
    .selectFrom('gift_offer')
    .selectAll()
    .where('council_id', '=', councilId)
    .where('state', '!=', 'awaiting-approval')
    .where('offered_on', '>=', page.from);
  if (page.after) query = query.where(sql<boolean>`(offered_on, id) < (${page.after[0]}, ${page.after[1]})`);
  const rows = await query
    .orderBy('offered_on', 'desc')
    .orderBy('id', 'desc')
    .limit(page.limit + 1)
    .execute();
  const offers = rows.slice(0, page.limit).map(offerFromRow);
  const last = rows.length > page.limit ? offers.at(-1) : undefined;
  return { offers, next: last ? [last.offeredOn, last.id] : null };
}
