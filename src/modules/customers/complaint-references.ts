import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';

// What customers know of complaints: a contact may be about one, named by its reference. The
// complaints module knows them and itself uses customers, so customers cannot import it: the app
// tells customers once, at start (knowCustomersComplaintsBy), how to ask.
export type ComplaintReferences = {
  // Read through `q`: the caller's transaction when there is one.
  referencesOf(
    q: Kysely<Database>,
    councilId: string,
    complaintIds: readonly string[],
  ): Promise<ReadonlyMap<string, string>>;
  // The complaint of this customer's with the reference (any case), or null.
  byReference(
    q: Kysely<Database>,
    councilId: string,
    customerId: string,
    reference: string,
  ): Promise<string | null>;
};

let told: ComplaintReferences | null = null;

export function knowCustomersComplaintsBy(references: ComplaintReferences) {
  told = references;
}

export function complaintReferences(): ComplaintReferences {
  if (!told)
    throw new Error('customers: the app has not said how to find a complaint (knowCustomersComplaintsBy)');
  return told;
}
