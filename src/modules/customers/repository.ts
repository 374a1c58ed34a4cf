import { type Kysely, sql } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import { personNamesById } from '../organisation/service.ts';
import type { Category, RestrictionKind } from './rules.ts';

// The customer and their restrictions, which every part of the module reads.

type Db = Kysely<Database>;

export type Customer = {
  id: string;
  name: string;
  email: string;
  phone: string;
  address: string;
  category: Category;
  singlePointOfContactId: string | null;
  singlePointOfContactName: string | null;
  categoryReviewOn: string | null;
  anonymised: boolean;
};

export async function customer(db: Db, councilId: string, id: string): Promise<Customer | null> {
  const row = await db
    .selectFrom('customer')
    .selectAll()
    .where('council_id', '=', councilId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) return null;
  const names = await personNamesById(db, councilId, [row.single_point_of_contact_id]);
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    phone: row.phone,
    address: row.address,
    category: row.category as Category,
    singlePointOfContactId: row.single_point_of_contact_id,
    singlePointOfContactName: nameOf(names, row.single_point_of_contact_id),
    categoryReviewOn: row.category_review_on,
    anonymised: row.anonymised_at !== null,
  };
}

type HistoryTable = 'contact_restriction' | 'customer_categorisation' | 'behaviour_review';

// The rows of one of a customer's histories, in the order they happened (`column`, then id), and
// the names of the people they name (`named`).
export async function historyOf<T extends HistoryTable>(
  db: Db,
  table: T,
  about: { councilId: string; customerId: string },
  column: keyof Database[T] & string,
  named: (row: Database[T]) => string | null,
) {
  const rows = await db
    .selectFrom(table as HistoryTable)
    .selectAll()
    .where('council_id', '=', about.councilId)
    .where('customer_id', '=', about.customerId)
    .orderBy(sql.ref(column))
    .orderBy('id')
    .execute();
  const history = rows as Database[T][];
  return { rows: history, names: await personNamesById(db, about.councilId, history.map(named)) };
}

// A person's name from what personNamesById found; null for no one.
export const nameOf = (names: ReadonlyMap<string, string>, id: string | null) =>
  id === null ? null : (names.get(id) ?? null);

export type Restriction = {
  id: string;
  kind: RestrictionKind;
  scopeServiceId: string | null;
  scopeServiceName: string;
  detail: string;
  reason: string;
  namedOfficerId: string | null;
  namedOfficerName: string | null;
  startsOn: string;
  reviewOn: string;
  endedOn: string | null;
  // The day from which it no longer applies, decided when it was put in place; null: until lifted.
  endsOn: string | null;
  endReason: string;
};

export async function restrictions(db: Db, councilId: string, customerId: string): Promise<Restriction[]> {
  const about = { councilId, customerId };
  const { rows, names } = await historyOf(
    db,
    'contact_restriction',
    about,
    'starts_on',
    (r) => r.named_officer_id,
  );
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind as RestrictionKind,
    scopeServiceId: row.scope_service_id,
    scopeServiceName: row.scope_service_name,
    detail: row.detail,
    reason: row.reason,
    namedOfficerId: row.named_officer_id,
    namedOfficerName: nameOf(names, row.named_officer_id),
    startsOn: row.starts_on,
    reviewOn: row.review_on,
    endedOn: row.ended_on,
    endsOn: row.ends_on,
    endReason: row.end_reason,
  }));
}
