import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import { letterSent } from './casework/letter-dates.ts';

// What the modules that complaints itself uses (letters, customers) may know of a complaint: its
// reference, service and whether it is about housing, read through `q` (the caller's transaction
// when there is one); and how letters tell it a letter about it was sent. The app hands these to them.
export const complaintReferences = {
  letterSent,

  async about(q: Kysely<Database>, councilId: string, complaintId: string) {
    const row = await q
      .selectFrom('complaint')
      .select(['reference', 'service_name', 'housing'])
      .where('council_id', '=', councilId)
      .where('id', '=', complaintId)
      .executeTakeFirst();
    return row ? { reference: row.reference, serviceName: row.service_name, housing: row.housing } : null;
  },

  async referencesOf(
    q: Kysely<Database>,
    councilId: string,
    complaintIds: readonly string[],
  ): Promise<ReadonlyMap<string, string>> {
    if (complaintIds.length === 0) return new Map();
    const rows = await q
      .selectFrom('complaint')
      .select(['id', 'reference'])
      .where('council_id', '=', councilId)
      .where('id', 'in', [...new Set(complaintIds)])
      .execute();
    return new Map(rows.map((row) => [row.id, row.reference]));
  },

  // The complaint of this customer's with the reference (any case), or null.
  async byReference(q: Kysely<Database>, councilId: string, customerId: string, reference: string) {
    const row = await q
      .selectFrom('complaint')
      .select('id')
      .where('council_id', '=', councilId)
      .where('customer_id', '=', customerId)
      .where((eb) => eb(eb.fn('upper', ['reference']), '=', reference.toUpperCase()))
      .executeTakeFirst();
    return row?.id ?? null;
  },
};
