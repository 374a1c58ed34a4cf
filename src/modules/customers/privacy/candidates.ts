import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/db/schema.ts';
import type { DataSubject } from '../../../platform/privacy/subject.ts';

const like = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

// Customers (complainants, people contacted or visited) whose name, email or address holds the
// text, a postcode with or without its space; anonymised customers hold nothing to find.
export async function customerCandidates(db: Kysely<Database>, councilId: string, text: string) {
  const squeezed = text.replace(/\s+/g, '');
  const rows = await db
    .selectFrom('customer')
    .select(['id', 'name', 'email', 'address'])
    .where('council_id', '=', councilId)
    .where('anonymised_at', 'is', null)
    .where((eb) =>
      eb.or([
        eb('name', 'ilike', like(text)),
        eb('email', 'ilike', like(text)),
        eb(eb.fn('replace', ['address', eb.val(' '), eb.val('')]), 'ilike', like(squeezed)),
      ]),
    )
    .orderBy('name')
    .orderBy('id')
    .limit(25)
    .execute();
  return rows.map((row) => ({
    kind: 'customer' as const,
    id: row.id,
    name: row.name,
    detail: [row.email, row.address.replace(/\n/g, ', ')].filter(Boolean).join(', '),
  }));
}

// A customer as the subject of a request; null when the council has no such customer.
export async function customerSubject(
  db: Kysely<Database>,
  councilId: string,
  id: string,
): Promise<DataSubject | null> {
  const row = await db
    .selectFrom('customer')
    .select(['id', 'name', 'email', 'address'])
    .where('council_id', '=', councilId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? { kind: 'customer', ...row } : null;
}
