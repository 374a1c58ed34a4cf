import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/db/schema.ts';
import {
  type DataSubject,
  postcodeOf,
  type SubjectSection,
  section,
} from '../../../platform/privacy/subject.ts';

// Enforcement cases where the customer is the debtor, by their name at their postcode (a case
// holds the debtor's name and address from the liability order, not a customer id), with the
// visits' outcomes and payments.
export async function enforcementSubjectAccess(
  db: Kysely<Database>,
  councilId: string,
  subject: DataSubject,
): Promise<SubjectSection[]> {
  const postcode = postcodeOf(subject.address);
  if (subject.kind !== 'customer' || !postcode) return [];
  const cases = await db
    .selectFrom('enforcement_case')
    .selectAll()
    .where('council_id', '=', councilId)
    .where((eb) => eb(eb.fn('lower', ['debtor_name']), '=', subject.name.toLowerCase()))
    .where((eb) =>
      eb(eb.fn('replace', [eb.fn('upper', ['postcode']), eb.val(' '), eb.val('')]), '=', postcode),
    )
    .orderBy('created_at')
    .execute();
  const ids = cases.map((c) => c.id);
  const outcomes = ids.length
    ? await db
        .selectFrom('enforcement_outcome')
        .selectAll()
        .where('council_id', '=', councilId)
        .where('case_id', 'in', ids)
        .execute()
    : [];
  const payments = ids.length
    ? await db
        .selectFrom('enforcement_payment')
        .selectAll()
        .where('council_id', '=', councilId)
        .where('case_id', 'in', ids)
        .execute()
    : [];
  return [
    section('enforcement-cases', 'Enforcement cases against them', cases, ['uprn']),
    section('enforcement-visit-outcomes', 'Outcomes of enforcement visits', outcomes),
    section('enforcement-payments', 'Payments received', payments, ['import_id']),
  ];
}
