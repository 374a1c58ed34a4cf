import { type Kysely, type Selectable, sql } from 'kysely';
import type { Database } from '../../../platform/db/schema.ts';
import { type OfferEntry, offerFromRow } from '../offer.ts';
import type { GiftReviewTable } from '../tables.ts';

export async function offersInRegister(
  db: Kysely<Database>,
  councilId: string,
  registerKey: string,
  period: { start: string; end: string },
) {
  const rows = await db
    .selectFrom('gift_offer')
    .selectAll()
    .where('council_id', '=', councilId)
    .where('register_key', '=', registerKey)
    .where('offered_on', '>=', period.start)
    .where('offered_on', '<=', period.end)
    .orderBy('offered_on')
    .orderBy('id')
    .execute();
  return rows.map(offerFromRow);
}

// Entries per register and review period from a date on, for the review dashboard.
export async function registerCounts(db: Kysely<Database>, councilId: string, from: string, months: number) {
  const { rows } = await sql<{ register_key: string; period_start: string; entries: number }>`
    select register_key,
      make_date(extract(year from offered_on)::int,
                ((extract(month from offered_on)::int - 1) / ${months}::int) * ${months}::int + 1, 1) as period_start,
      count(*)::int as entries
    from gift_offer
    where council_id = ${councilId} and offered_on >= ${from}
    group by 1, 2`.execute(db);
  return rows.map((row) => ({
    registerKey: row.register_key,
    periodStart: row.period_start,
    entries: row.entries,
  }));
}

export type SignedReview = {
  registerKey: string;
  periodStart: string;
  periodEnd: string;
  signedBy: string;
  signedByName: string;
  signedAt: Date;
  comment: string;
};

function signedReviewOf(row: Selectable<GiftReviewTable>): SignedReview {
  return {
    registerKey: row.register_key,
    periodStart: row.period_start,
    periodEnd: row.period_end,
    signedBy: row.signed_by,
    signedByName: row.signed_by_name,
    signedAt: row.signed_at,
    comment: row.comment,
  };
}

export async function signedReviews(
  db: Kysely<Database>,
  councilId: string,
  from: string,
): Promise<SignedReview[]> {
  const rows = await db
    .selectFrom('gift_review')
    .selectAll()
    .where('council_id', '=', councilId)
    .where('period_start', '>=', from)
    .execute();
  return rows.map(signedReviewOf);
}

export async function findReview(
  db: Kysely<Database>,
  councilId: string,
  registerKey: string,
  periodStart: string,
) {
  const reviews = await db
    .selectFrom('gift_review')
    .selectAll()
    .where('council_id', '=', councilId)
    .where('register_key', '=', registerKey)
    .where('period_start', '=', periodStart)
    .execute();
  const row = reviews[0];
  if (!row) return null;
  const entries = await db
    .selectFrom('gift_review_entry as e')
    .innerJoin('gift_offer_version as v', (join) =>
      join
        .onRef('v.council_id', '=', 'e.council_id')
        .onRef('v.offer_id', '=', 'e.offer_id')
        .onRef('v.version', '=', 'e.version'),
    )
    .select(['e.offer_id', 'e.version', 'v.entry'])
    .where('e.council_id', '=', councilId)
    .where('e.register_key', '=', registerKey)
    .where('e.period_start', '=', periodStart)
    .execute();
  return {
    ...signedReviewOf(row),
    entries: entries.map((entry) => ({
      offerId: entry.offer_id,
      version: entry.version,
      entry: entry.entry as OfferEntry,
    })),
  };
}

// Signs off a review, keeping the version of each entry it saw; false if it was already signed.
export async function insertReview(
  trx: Kysely<Database>,
  councilId: string,
  review: SignedReview,
  entries: readonly { offerId: string; version: number }[],
): Promise<boolean> {
  const inserted = await trx
    .insertInto('gift_review')
    .values({
      council_id: councilId,
      register_key: review.registerKey,
      period_start: review.periodStart,
      period_end: review.periodEnd,
      signed_by: review.signedBy,
      signed_by_name: review.signedByName,
      signed_at: review.signedAt,
      comment: review.comment,
    })
    .onConflict((oc) => oc.columns(['council_id', 'register_key', 'period_start']).doNothing())
    .returning('register_key')
    .execute();
  if (inserted.length === 0) return false;
  if (entries.length) {
    await trx
      .insertInto('gift_review_entry')
      .values(
        entries.map((entry) => ({
          council_id: councilId,
          register_key: review.registerKey,
          period_start: review.periodStart,
          offer_id: entry.offerId,
          version: entry.version,
        })),
      )
      .execute();
  }
  return true;
}

// Claims the right to send a reminder: true at most once per gap for a register and period,
// however many processes ask at the same moment.
export async function claimReminder(
  trx: Kysely<Database>,
  councilId: string,
  registerKey: string,
  periodStart: string,
  now: Date,
  gapMs: number,
): Promise<boolean> {
  const claimed = await trx
    .insertInto('gift_review_reminder')
    .values({
      council_id: councilId,
      register_key: registerKey,
      period_start: periodStart,
      last_sent_at: now,
    })
    .onConflict((oc) =>
      oc
        .columns(['council_id', 'register_key', 'period_start'])
        .doUpdateSet({ last_sent_at: now })
        .where('gift_review_reminder.last_sent_at', '<=', new Date(now.getTime() - gapMs)),
    )
    .returning('register_key')
    .execute();
  return claimed.length === 1;
}

export type GiftQuery = {
  id: string;
  offerId: string;
  askedBy: string;
  askedByName: string;
  question: string;
  askedAt: Date;
  answer: string | null;
  answeredAt: Date | null;
};

export async function queriesOf(db: Kysely<Database>, councilId: string, offerIds: readonly string[]) {
  if (offerIds.length === 0) return [];
  const rows = await db
    .selectFrom('gift_query')
    .selectAll()
    .where('council_id', '=', councilId)
    .where('offer_id', 'in', offerIds)
    .orderBy('asked_at')
    .execute();
  return rows.map(
    (row): GiftQuery => ({
      id: row.id,
      offerId: row.offer_id,
      askedBy: row.asked_by,
      askedByName: row.asked_by_name,
      question: row.question,
      askedAt: row.asked_at,
      answer: row.answer,
      answeredAt: row.answered_at,
    }),
  );
}

export async function insertQuery(trx: Kysely<Database>, councilId: string, query: GiftQuery) {
  await trx
    .insertInto('gift_query')
    .values({
      council_id: councilId,
      id: query.id,
      offer_id: query.offerId,
      asked_by: query.askedBy,
      asked_by_name: query.askedByName,
      question: query.question,
      asked_at: query.askedAt,
    })
    .execute();
}

export async function answerQuery(
  trx: Kysely<Database>,
  councilId: string,
  id: string,
  answer: string,
  at: Date,
): Promise<boolean> {
  const result = await trx
    .updateTable('gift_query')
    .set({ answer, answered_at: at })
    .where('council_id', '=', councilId)
    .where('id', '=', id)
    .where('answer', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}
