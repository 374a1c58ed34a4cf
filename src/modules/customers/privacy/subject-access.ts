import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/db/schema.ts';
import { type DataSubject, type SubjectSection, section } from '../../../platform/privacy/subject.ts';

// A customer's record: their details, every contact logged, the decisions about their behaviour
// and the restrictions on their contact.
export async function customersSubjectAccess(
  db: Kysely<Database>,
  councilId: string,
  subject: DataSubject,
): Promise<SubjectSection[]> {
  if (subject.kind !== 'customer') return [];
  const ofCustomer = (table: 'customer_contact' | 'customer_categorisation' | 'contact_restriction') =>
    db
      .selectFrom(table)
      .selectAll()
      .where('council_id', '=', councilId)
      .where('customer_id', '=', subject.id)
      .execute();
  const customer = await db
    .selectFrom('customer')
    .selectAll()
    .where('council_id', '=', councilId)
    .where('id', '=', subject.id)
    .execute();
  const contacts = await ofCustomer('customer_contact');
  const categorisations = await ofCustomer('customer_categorisation');
  const restrictions = await ofCustomer('contact_restriction');
  const omit = ['customer_id'];
  return [
    section('customers-customer', 'Their customer record', customer),
    section('customers-contacts', 'Contact with the council', contacts, omit),
    section('customers-behaviour-decisions', 'Decisions about unreasonable behaviour', categorisations, omit),
    section('customers-contact-restrictions', 'Restrictions on contact', restrictions, omit),
  ];
}
