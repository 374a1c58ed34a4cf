import { type Kysely, sql, type Updateable } from 'kysely';
import { type Actor, appendAudit } from '../../platform/audit/audit-trail.ts';
import type { Database } from '../../platform/db/schema.ts';
import { removedText } from '../../platform/retention.ts';
import { anonymiseLetters } from '../letters/service.ts';

const anonymousName = 'Anonymised customer';
const batchSize = 200;

// Customers whose complaints are all anonymised (the complaints module says which are still
// held) and with nothing on their record since the cut-off: no contact, no decision, no review, no
// restriction still in force. A vexatious category is kept while any of that is recent
// (003 vexatious procedure §7.1), then goes with the rest.
export async function anonymiseDormantCustomers(
  db: Kysely<Database>,
  input: {
    councilId: string;
    quietSince: Date;
    at: () => Date;
    stillHeld: (trx: Kysely<Database>, customerIds: readonly string[]) => Promise<ReadonlySet<string>>;
  },
): Promise<number> {
  const { councilId, quietSince } = input;
  const actor: Actor = { councilId, personId: null, label: 'Retention job' };
  let total = 0;
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const page = await db.transaction().execute(async (trx) => {
      const candidates = await dormant(trx, councilId, quietSince, after);
      const held = await input.stillHeld(
        trx,
        candidates.map((customer) => customer.id),
      );
      const at = input.at();
      let done = 0;
      for (const customer of candidates) {
        if (held.has(customer.id)) continue;
        await anonymiseCustomer(trx, councilId, customer.id, at);
        await appendAudit(
          trx,
          actor,
          {
            action: 'customer.anonymised',
            recordType: 'customer',
            recordId: customer.id,
            before: { category: customer.category },
            after: { anonymisedAt: at.toISOString() },
          },
          at,
        );
        done += 1;
      }
      return { done, last: candidates.at(-1)?.id, size: candidates.length };
    });
    total += page.done;
    if (page.size < batchSize || !page.last) return total;
    after = page.last;
  }
}

function dormant(trx: Kysely<Database>, councilId: string, quietSince: Date, after: string) {
  const since = quietSince;
  const recent = (
    table: 'customer_contact' | 'customer_categorisation' | 'behaviour_review',
    column: string,
  ) =>
    sql<boolean>`exists (select 1 from ${sql.table(table)} r where r.council_id = c.council_id and r.customer_id = c.id and ${sql.ref(`r.${column}`)} > ${since})`;
  return trx
    .selectFrom('customer as c')
    .select(['c.id', 'c.category'])
    .where('c.council_id', '=', councilId)
    .where('c.anonymised_at', 'is', null)
    .where('c.id', '>', after)
    .where('c.updated_at', '<=', since)
    .where(sql<boolean>`not ${recent('customer_contact', 'occurred_at')}`)
    .where(sql<boolean>`not ${recent('customer_categorisation', 'decided_at')}`)
    .where(sql<boolean>`not ${recent('behaviour_review', 'recorded_at')}`)
    .where(
      sql<boolean>`not exists (select 1 from contact_restriction r where r.council_id = c.council_id and r.customer_id = c.id and (least(r.ended_on, r.ends_on) is null or least(r.ended_on, r.ends_on) > ${since}::date))`,
    )
    .orderBy('c.id')
    .limit(batchSize)
    .forUpdate()
    .skipLocked()
    .execute();
}

type CustomerRows =
  | 'customer_contact'
  | 'customer_categorisation'
  | 'behaviour_review'
  | 'contact_restriction';

async function anonymiseCustomer(trx: Kysely<Database>, councilId: string, customerId: string, at: Date) {
  await trx
    .updateTable('customer')
    .set({
      name: anonymousName,
      email: '',
      phone: '',
      address: '',
      name_key: '',
      category: 'none',
      single_point_of_contact_id: null,
      category_review_on: null,
      anonymised_at: at,
      updated_at: at,
    })
    .where('council_id', '=', councilId)
    .where('id', '=', customerId)
    .execute();
  await clear('customer_contact', { summary: removedText, outcome: '', correspondence: '' });
  await clear('customer_categorisation', { behaviour: '', evidence: '', equality_check: '' });
  await clear('behaviour_review', { request: '', notes: '' });
  await clear('contact_restriction', { reason: removedText, detail: '', end_reason: '' });
  await anonymiseLetters(trx, councilId, 'customer_id', customerId);

  // Overwrites `values` in every row of `table` about the customer.
  function clear<T extends CustomerRows>(table: T, values: Updateable<Database[T]>) {
    return trx
      .updateTable(table as CustomerRows)
      .set(values)
      .where('council_id', '=', councilId)
      .where('customer_id', '=', customerId)
      .execute();
  }
}
