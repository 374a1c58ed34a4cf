import type { ExpressionBuilder, Kysely } from 'kysely';
import type { Database } from '../../../platform/db/schema.ts';
import { historyOf, nameOf } from '../repository.ts';
import type { Category, ReviewDecision } from '../rules.ts';

// Reviews of a customer's category and restrictions: their requests, the decisions, the reminders.

type Db = Kysely<Database>;

export async function reviews(db: Db, councilId: string, customerId: string) {
  const about = { councilId, customerId };
  const { rows, names } = await historyOf(db, 'behaviour_review', about, 'recorded_at', (r) => r.decided_by);
  return rows.map((row) => ({
    id: row.id,
    requestedOn: row.requested_on,
    request: row.request,
    decision: row.decision as ReviewDecision | null,
    notes: row.notes,
    letterId: row.letter_id,
    decidedByName: nameOf(names, row.decided_by),
    decidedAt: row.decided_at,
  }));
}

export type ReviewRequest = { id: string; customerId: string; requestedOn: string; request: string };

export async function insertRequest(
  q: Db,
  councilId: string,
  asked: ReviewRequest,
  recorded: { by: string; at: Date },
) {
  await q
    .insertInto('behaviour_review')
    .values({
      council_id: councilId,
      id: asked.id,
      customer_id: asked.customerId,
      requested_on: asked.requestedOn,
      request: asked.request,
      decision: null,
      notes: '',
      letter_id: null,
      recorded_by: recorded.by,
      recorded_at: recorded.at,
      decided_by: null,
      decided_at: null,
    })
    .execute();
}

export type ReviewDecided = {
  decision: ReviewDecision;
  notes: string;
  letterId: string;
  decidedBy: string;
  decidedAt: Date;
};

// The decision on the customer's open request, or a review of the council's own (no request).
export async function recordDecision(
  q: Db,
  ids: { councilId: string; customerId: string; reviewId: string },
  answersRequest: boolean,
  decided: ReviewDecided,
) {
  const values = {
    decision: decided.decision,
    notes: decided.notes,
    letter_id: decided.letterId,
    decided_by: decided.decidedBy,
    decided_at: decided.decidedAt,
  };
  if (answersRequest) {
    await q
      .updateTable('behaviour_review')
      .set(values)
      .where('council_id', '=', ids.councilId)
      .where('id', '=', ids.reviewId)
      .execute();
    return;
  }
  await q
    .insertInto('behaviour_review')
    .values({
      council_id: ids.councilId,
      id: ids.reviewId,
      customer_id: ids.customerId,
      requested_on: null,
      request: '',
      recorded_by: decided.decidedBy,
      recorded_at: decided.decidedAt,
      ...values,
    })
    .execute();
}

// Claims the reminder for a customer's review date; false when one was sent already.
export async function claimReminder(
  q: Db,
  councilId: string,
  customerId: string,
  dueOn: string,
  at: Date,
): Promise<boolean> {
  const claimed = await q
    .insertInto('behaviour_review_reminder')
    .values({ council_id: councilId, customer_id: customerId, due_on: dueOn, sent_at: at })
    .onConflict((oc) => oc.doNothing())
    .returning('due_on')
    .executeTakeFirst();
  return claimed !== undefined;
}

// Restrictions in force on `today`: not ended at a review, and not past an end date of their own.
const inForceOn = (today: string) => (eb: ExpressionBuilder<Database, 'contact_restriction'>) =>
  eb.and([eb('ended_on', 'is', null), eb.or([eb('ends_on', 'is', null), eb('ends_on', '>', today)])]);

// Customers whose category or a restriction in force is due for review by `by`, and those who
// asked for a review not yet answered.
export async function reviewsDue(db: Db, councilId: string, by: string, today: string) {
  const restricted = await db
    .selectFrom('contact_restriction')
    .select(['customer_id', (eb) => eb.fn.min('review_on').as('reviewOn')])
    .where('council_id', '=', councilId)
    .where(inForceOn(today))
    .groupBy('customer_id')
    .execute();
  const requested = await db
    .selectFrom('behaviour_review')
    .select(['customer_id', 'requested_on'])
    .where('council_id', '=', councilId)
    .where('decision', 'is', null)
    .execute();
  const categorised = await db
    .selectFrom('customer')
    .select(['id', 'name', 'category', 'category_review_on'])
    .where('council_id', '=', councilId)
    .where('anonymised_at', 'is', null)
    .where((eb) =>
      eb.or([
        eb('category_review_on', 'is not', null),
        eb(
          'id',
          'in',
          eb
            .selectFrom('contact_restriction')
            .select('customer_id')
            .where('council_id', '=', councilId)
            .where(inForceOn(today)),
        ),
        eb(
          'id',
          'in',
          eb
            .selectFrom('behaviour_review')
            .select('customer_id')
            .where('council_id', '=', councilId)
            .where('decision', 'is', null),
        ),
      ]),
    )
    .execute();
  const restrictionDue = new Map(restricted.map((row) => [row.customer_id, row.reviewOn as string]));
  const requestOn = new Map(requested.map((row) => [row.customer_id, row.requested_on]));
  return categorised
    .map((row) => {
      const dates = [row.category_review_on, restrictionDue.get(row.id) ?? null].filter(
        (date): date is string => date !== null,
      );
      const reviewOn = dates.sort()[0] ?? null;
      return {
        id: row.id,
        name: row.name,
        category: row.category as Category,
        reviewOn,
        requested: requestOn.has(row.id),
        requestedOn: requestOn.get(row.id) ?? null,
      };
    })
    .filter((row) => row.requested || (row.reviewOn !== null && row.reviewOn <= by))
    .sort(
      (a, b) => (a.reviewOn ?? '9999').localeCompare(b.reviewOn ?? '9999') || a.name.localeCompare(b.name),
    );
}
