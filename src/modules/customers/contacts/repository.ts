import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/db/schema.ts';
import { nameKey } from '../../interests/service.ts';
import { complaintReferences } from '../complaint-references.ts';
import type { Category, ContactChannel } from '../rules.ts';

// Customers' details and the contacts on their timelines.

type Db = Kysely<Database>;

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

// The contacts on a customer's timeline, newest first; only those `loggedBy` logged, given one.
export async function contacts(db: Db, councilId: string, customerId: string, loggedBy?: string) {
  let query = db
    .selectFrom('customer_contact')
    .selectAll()
    .where('council_id', '=', councilId)
    .where('customer_id', '=', customerId);
  if (loggedBy) query = query.where('logged_by', '=', loggedBy);
  const rows = await query.orderBy('occurred_at', 'desc').orderBy('id', 'desc').execute();
  const complaintIds = rows.flatMap((row) => (row.complaint_id ? [row.complaint_id] : []));
  const references = complaintIds.length
    ? await complaintReferences().referencesOf(db, councilId, complaintIds)
    : new Map<string, string>();
  return rows.map((row) => ({
    id: row.id,
    occurredAt: row.occurred_at,
    channel: row.channel as ContactChannel,
    minutes: row.minutes,
    summary: row.summary,
    outcome: row.outcome,
    correspondence: row.correspondence,
    complaintReference: row.complaint_id ? (references.get(row.complaint_id) ?? null) : null,
    loggedByName: row.logged_by_name,
    loggedAt: row.logged_at,
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
