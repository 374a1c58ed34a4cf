import { type Kysely, sql } from 'kysely';
import type { Database } from '../../../platform/db/schema.ts';
import { historyOf, nameOf, type Restriction } from '../repository.ts';
import type { Category } from '../rules.ts';

// The decisions about a customer's behaviour: their category, its history, their restrictions.

type Db = Kysely<Database>;

// A restriction as it is put in place.
export type NewRestriction = Omit<Restriction, 'id' | 'namedOfficerName' | 'endedOn' | 'endReason'>;

export async function insertRestriction(
  q: Db,
  ids: { councilId: string; id: string; customerId: string },
  restriction: NewRestriction,
  imposed: { by: string; at: Date },
) {
  await q
    .insertInto('contact_restriction')
    .values({
      council_id: ids.councilId,
      id: ids.id,
      customer_id: ids.customerId,
      kind: restriction.kind,
      scope_service_id: restriction.scopeServiceId,
      scope_service_name: restriction.scopeServiceName,
      detail: restriction.detail,
      reason: restriction.reason,
      named_officer_id: restriction.namedOfficerId,
      starts_on: restriction.startsOn,
      review_on: restriction.reviewOn,
      ended_on: null,
      ends_on: restriction.endsOn,
      end_reason: '',
      imposed_by: imposed.by,
      imposed_at: imposed.at,
    })
    .execute();
}

export async function endRestrictions(q: Db, councilId: string, ids: string[], on: string, reason: string) {
  if (ids.length === 0) return;
  await q
    .updateTable('contact_restriction')
    .set({ ended_on: on, end_reason: reason.slice(0, 2000) })
    .where('council_id', '=', councilId)
    .where('id', 'in', ids)
    .execute();
}

// The next review of restrictions kept; one with an end date of its own is reviewed before it ends
// (003 VC §4.6), so no later than the day before.
export async function setRestrictionsReviewOn(q: Db, councilId: string, ids: string[], reviewOn: string) {
  if (ids.length === 0) return;
  await q
    .updateTable('contact_restriction')
    .set({ review_on: sql<string>`least(${reviewOn}::date, ends_on - 1)` })
    .where('council_id', '=', councilId)
    .where('id', 'in', ids)
    .execute();
}

// Claims the customer's row for a decision taken from the category `from`, in the decision's
// transaction: false when another decision has moved them on since it was read, so that of two
// people deciding at once one decides (the row stays locked until the decision commits).
export async function claimCategory(
  q: Db,
  ids: { councilId: string; customerId: string },
  from: Category,
  at: Date,
): Promise<boolean> {
  const claimed = await q
    .updateTable('customer')
    .set({ updated_at: at })
    .where('council_id', '=', ids.councilId)
    .where('id', '=', ids.customerId)
    .where('category', '=', from)
    .returning('id')
    .executeTakeFirst();
  return claimed !== undefined;
}

// Where the customer now stands: their category, single point of contact and next review.
export async function setCategory(
  q: Db,
  ids: { councilId: string; customerId: string },
  standing: { category: Category; singlePointOfContactId: string | null; reviewOn: string | null },
  at: Date,
) {
  await q
    .updateTable('customer')
    .set({
      category: standing.category,
      single_point_of_contact_id: standing.singlePointOfContactId,
      category_review_on: standing.reviewOn,
      updated_at: at,
    })
    .where('council_id', '=', ids.councilId)
    .where('id', '=', ids.customerId)
    .execute();
}

export type NewCategorisation = {
  id: string;
  customerId: string;
  category: Category;
  behaviour: string;
  evidence: string;
  equalityCheck: string;
  singlePointOfContactId: string | null;
  reviewOn: string | null;
  letterId: string;
  decidedBy: { personId: string; name: string };
  decidedAt: Date;
};

export async function insertCategorisation(q: Db, councilId: string, c: NewCategorisation) {
  await q
    .insertInto('customer_categorisation')
    .values({
      council_id: councilId,
      id: c.id,
      customer_id: c.customerId,
      category: c.category,
      behaviour: c.behaviour,
      evidence: c.evidence,
      equality_check: c.equalityCheck,
      single_point_of_contact_id: c.singlePointOfContactId,
      review_on: c.reviewOn,
      letter_id: c.letterId,
      decided_by: c.decidedBy.personId,
      decided_by_name: c.decidedBy.name,
      decided_at: c.decidedAt,
    })
    .execute();
}

export async function categorisations(db: Db, councilId: string, customerId: string) {
  const about = { councilId, customerId };
  const spoc = (row: { single_point_of_contact_id: string | null }) => row.single_point_of_contact_id;
  const { rows, names } = await historyOf(db, 'customer_categorisation', about, 'decided_at', spoc);
  return rows.map((row) => ({
    id: row.id,
    category: row.category as Category,
    behaviour: row.behaviour,
    evidence: row.evidence,
    equalityCheck: row.equality_check,
    singlePointOfContactName: nameOf(names, row.single_point_of_contact_id),
    reviewOn: row.review_on,
    letterId: row.letter_id,
    decidedByName: row.decided_by_name,
    decidedAt: row.decided_at,
  }));
}
