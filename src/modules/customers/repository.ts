import type { Kysely } from 'kysely';
import { sameCouncil } from '../../platform/db/same-council.ts';
import type { Database } from '../../platform/db/schema.ts';
import { nameKey } from '../interests/names.ts';
import type { Category, ContactChannel, RestrictionKind, ReviewDecision } from './rules.ts';

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
    .selectFrom('customer as c')
    .leftJoin('person as p', sameCouncil('p.id', 'c.single_point_of_contact_id'))
    .select([
      'c.id',
      'c.name',
      'c.email',
      'c.phone',
      'c.address',
      'c.category',
      'c.single_point_of_contact_id',
      'p.name as spocName',
      'c.category_review_on',
      'c.anonymised_at',
    ])
    .where('c.council_id', '=', councilId)
    .where('c.id', '=', id)
    .executeTakeFirst();
  if (!row) return null;
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    phone: row.phone,
    address: row.address,
    category: row.category as Category,
    singlePointOfContactId: row.single_point_of_contact_id,
    singlePointOfContactName: row.spocName,
    categoryReviewOn: row.category_review_on,
    anonymised: row.anonymised_at !== null,
  };
}

// The contact details of these customers, in one query: for pages that list their complaints.
export async function contactDetails(db: Db, councilId: string, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('customer')
    .select(['id', 'name', 'email', 'phone', 'address'])
    .where('council_id', '=', councilId)
    .where('id', 'in', [...new Set(ids)])
    .execute();
}

export type Details = { name: string; email: string; phone: string; address: string };

export async function insertCustomer(db: Db, councilId: string, id: string, details: Details, at: Date) {
  await db
    .insertInto('customer')
    .values({
      council_id: councilId,
      id,
      ...details,
      name_key: nameKey(details.name),
      category: 'none',
      single_point_of_contact_id: null,
      category_review_on: null,
      created_at: at,
      anonymised_at: null,
      updated_at: at,
    })
    .execute();
}

export async function customerByEmail(db: Db, councilId: string, email: string): Promise<string | null> {
  const row = await db
    .selectFrom('customer')
    .select('id')
    .where('council_id', '=', councilId)
    .where((eb) => eb(eb.fn('lower', ['email']), '=', email.toLowerCase()))
    .where('email', '<>', '')
    .where('anonymised_at', 'is', null)
    .orderBy('created_at')
    .executeTakeFirst();
  return row?.id ?? null;
}

const like = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export async function search(db: Db, councilId: string, text: string, limit: number) {
  const key = nameKey(text);
  const digits = text.replace(/[^0-9]/g, '');
  return db
    .selectFrom('customer')
    .select(['id', 'name', 'email', 'phone', 'category'])
    .where('council_id', '=', councilId)
    .where('anonymised_at', 'is', null)
    .where((eb) =>
      eb.or([
        ...(key ? [eb('name_key', 'like', like(key))] : []),
        eb('email', 'ilike', like(text)),
        ...(digits.length >= 5
          ? [eb(eb.fn('replace', ['phone', eb.val(' '), eb.val('')]), 'like', like(digits))]
          : []),
      ]),
    )
    .orderBy('name')
    .orderBy('id')
    .limit(limit)
    .execute()
    .then((rows) => rows.map((row) => ({ ...row, category: row.category as Category })));
}

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
  endReason: string;
};

export async function restrictions(db: Db, councilId: string, customerId: string): Promise<Restriction[]> {
  const rows = await db
    .selectFrom('contact_restriction as r')
    .leftJoin('person as p', sameCouncil('p.id', 'r.named_officer_id'))
    .selectAll('r')
    .select('p.name as officerName')
    .where('r.council_id', '=', councilId)
    .where('r.customer_id', '=', customerId)
    .orderBy('r.starts_on')
    .orderBy('r.id')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind as RestrictionKind,
    scopeServiceId: row.scope_service_id,
    scopeServiceName: row.scope_service_name,
    detail: row.detail,
    reason: row.reason,
    namedOfficerId: row.named_officer_id,
    namedOfficerName: row.officerName,
    startsOn: row.starts_on,
    reviewOn: row.review_on,
    endedOn: row.ended_on,
    endReason: row.end_reason,
  }));
}

export type ContactInput = {
  customerId: string;
  occurredAt: Date;
  channel: ContactChannel;
  minutes: number;
  summary: string;
  outcome: string;
  correspondence: string;
  complaintId: string | null;
};

export async function insertContact(
  db: Db,
  councilId: string,
  id: string,
  contact: ContactInput,
  by: { personId: string; name: string },
  at: Date,
) {
  await db
    .insertInto('customer_contact')
    .values({
      council_id: councilId,
      id,
      customer_id: contact.customerId,
      occurred_at: contact.occurredAt,
      channel: contact.channel,
      minutes: contact.minutes,
      summary: contact.summary,
      outcome: contact.outcome,
      correspondence: contact.correspondence,
      complaint_id: contact.complaintId,
      logged_by: by.personId,
      logged_by_name: by.name,
      logged_at: at,
    })
    .execute();
}

export async function contacts(db: Db, councilId: string, customerId: string, loggedBy?: string) {
  let query = db
    .selectFrom('customer_contact as c')
    .leftJoin('complaint as k', sameCouncil('k.id', 'c.complaint_id'))
    .selectAll('c')
    .select('k.reference as complaintReference')
    .where('c.council_id', '=', councilId)
    .where('c.customer_id', '=', customerId);
  if (loggedBy) query = query.where('c.logged_by', '=', loggedBy);
  const rows = await query.orderBy('c.occurred_at', 'desc').orderBy('c.id', 'desc').execute();
  return rows.map((row) => ({
    id: row.id,
    occurredAt: row.occurred_at,
    channel: row.channel as ContactChannel,
    minutes: row.minutes,
    summary: row.summary,
    outcome: row.outcome,
    correspondence: row.correspondence,
    complaintReference: row.complaintReference,
    loggedByName: row.logged_by_name,
  }));
}

export async function contactCount(db: Db, councilId: string, customerId: string): Promise<number> {
  const row = await db
    .selectFrom('customer_contact')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('council_id', '=', councilId)
    .where('customer_id', '=', customerId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function complaintByReference(db: Db, councilId: string, customerId: string, reference: string) {
  const row = await db
    .selectFrom('complaint')
    .select('id')
    .where('council_id', '=', councilId)
    .where('customer_id', '=', customerId)
    .where((eb) => eb(eb.fn('upper', ['reference']), '=', reference.toUpperCase()))
    .executeTakeFirst();
  return row?.id ?? null;
}

export async function categorisations(db: Db, councilId: string, customerId: string) {
  const rows = await db
    .selectFrom('customer_categorisation as c')
    .leftJoin('person as p', sameCouncil('p.id', 'c.single_point_of_contact_id'))
    .selectAll('c')
    .select('p.name as spocName')
    .where('c.council_id', '=', councilId)
    .where('c.customer_id', '=', customerId)
    .orderBy('c.decided_at')
    .orderBy('c.id')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    category: row.category as Category,
    behaviour: row.behaviour,
    evidence: row.evidence,
    equalityCheck: row.equality_check,
    singlePointOfContactName: row.spocName,
    reviewOn: row.review_on,
    letterId: row.letter_id,
    decidedByName: row.decided_by_name,
    decidedAt: row.decided_at,
  }));
}

export async function reviews(db: Db, councilId: string, customerId: string) {
  const rows = await db
    .selectFrom('behaviour_review as r')
    .leftJoin('person as p', sameCouncil('p.id', 'r.decided_by'))
    .selectAll('r')
    .select('p.name as decidedByName')
    .where('r.council_id', '=', councilId)
    .where('r.customer_id', '=', customerId)
    .orderBy('r.recorded_at')
    .orderBy('r.id')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    requestedOn: row.requested_on,
    request: row.request,
    decision: row.decision as ReviewDecision | null,
    notes: row.notes,
    letterId: row.letter_id,
    decidedByName: row.decidedByName,
    decidedAt: row.decided_at,
  }));
}

// Customers whose category or a restriction in force is due for review by `by`, and those who
// asked for a review not yet answered.
export async function reviewsDue(db: Db, councilId: string, by: string) {
  const restricted = await db
    .selectFrom('contact_restriction')
    .select(['customer_id', (eb) => eb.fn.min('review_on').as('reviewOn')])
    .where('council_id', '=', councilId)
    .where('ended_on', 'is', null)
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
            .where('ended_on', 'is', null),
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
