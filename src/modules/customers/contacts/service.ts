import type { Kysely } from 'kysely';
import { type Actor, actorFor, appendAudit, recordAccess } from '../../../platform/audit/audit-trail.ts';
import type { Principal } from '../../../platform/auth/principal.ts';
import { londonDate } from '../../../platform/calendar/daylight.ts';
import { uuidv7 } from '../../../platform/db/ids.ts';
import type { Database } from '../../../platform/db/schema.ts';
import { InvalidInput, NotFound } from '../../../platform/errors.ts';
import type { ModuleDeps } from '../../organisation/service.ts';
import { complaintReferences } from '../complaint-references.ts';
import { type CustomersDeps, existing } from '../context.ts';
import { categorisations } from '../decisions/repository.ts';
import { can } from '../policy.ts';
import * as shared from '../repository.ts';
import { reviews } from '../reviews/repository.ts';
import { type Category, categoryText, restrictionApplies, restrictionText, scopeText } from '../rules.ts';
import { type ContactForm, checkContact, checkDetails, type DetailsForm } from './input.ts';
import * as repo from './repository.ts';

// Customers and the contacts on their timelines (003 VC §4.3), and the warning staff see before
// they take a contact.

export type ContactWarning = {
  customerId: string;
  name: string;
  category: Category;
  categoryText: string;
  singlePointOfContact: { id: string; name: string } | null;
  restrictions: {
    id: string;
    kind: shared.Restriction['kind'];
    text: string;
    scopeText: string;
    detail: string;
    namedOfficerName: string | null;
    reviewOn: string;
  }[];
};

// The customer a complaint or contact is from, by email (any case), or a new one.
export async function findOrCreate(
  trx: Kysely<Database>,
  councilId: string,
  details: repo.Details,
  at: Date,
): Promise<string> {
  const email = details.email.trim();
  if (email) {
    const found = await repo.customerByEmail(trx, councilId, email);
    if (found) return found;
  }
  const id = uuidv7(at.getTime());
  await repo.insertCustomer(trx, councilId, id, { ...details, name: details.name.trim(), email }, at);
  return id;
}

// What staff are shown before they take a contact from the customer (003 VC §5.2,
// §6; DOMAIN.md §4 "shown to staff where contact happens").
export async function contactWarning(
  { db, clock }: ModuleDeps,
  councilId: string,
  customerId: string,
  serviceId: string | null,
): Promise<ContactWarning | null> {
  const customer = await shared.customer(db, councilId, customerId);
  if (!customer) return null;
  const today = londonDate(clock.now());
  const inForce = (await shared.restrictions(db, councilId, customerId)).filter((r) =>
    restrictionApplies(r, serviceId, today),
  );
  if (customer.category === 'none' && inForce.length === 0) return null;
  return {
    customerId,
    name: customer.name,
    category: customer.category,
    categoryText: categoryText[customer.category],
    singlePointOfContact:
      customer.singlePointOfContactId && customer.singlePointOfContactName
        ? { id: customer.singlePointOfContactId, name: customer.singlePointOfContactName }
        : null,
    restrictions: inForce.map((r) => ({
      id: r.id,
      kind: r.kind,
      text: restrictionText(r.kind, r.namedOfficerName),
      scopeText: scopeText(r),
      detail: r.detail,
      namedOfficerName: r.namedOfficerName,
      reviewOn: r.reviewOn,
    })),
  };
}

// Every contact goes on the customer's timeline (003 VC §4.3), in the caller's transaction.
export async function logContact(
  trx: Kysely<Database>,
  councilId: string,
  contact: repo.ContactInput,
  actor: Actor,
  at: Date,
): Promise<string> {
  if (!actor.personId) throw new Error('A contact is logged by a member of staff');
  const id = uuidv7(at.getTime());
  await repo.insertContact(trx, councilId, id, contact, { personId: actor.personId, name: actor.label }, at);
  await appendAudit(
    trx,
    actor,
    {
      action: 'customer.contact-logged',
      recordType: 'customer',
      recordId: contact.customerId,
      // The summary stays on the contact row, where retention can remove it; the audit trail keeps
      // what happened and when, but never a customer's personal data.
      after: {
        contactId: id,
        occurredAt: contact.occurredAt,
        channel: contact.channel,
        minutes: contact.minutes,
        complaintId: contact.complaintId,
      },
    },
    at,
  );
  return id;
}

// Customers found by name, email or phone; an anonymised one is never found.
export const search = ({ db }: ModuleDeps, councilId: string, text: string) =>
  text.trim() === '' ? Promise.resolve([]) : repo.search(db, councilId, text.trim(), 50);

export async function create(
  { db, clock }: ModuleDeps,
  principal: Principal,
  form: DetailsForm,
  requestId?: string,
): Promise<string> {
  const details = checkDetails(form);
  const at = clock.now();
  const id = uuidv7(at.getTime());
  await db.transaction().execute(async (trx) => {
    await repo.insertCustomer(trx, principal.councilId, id, details, at);
    await appendAudit(
      trx,
      actorFor(principal, requestId),
      {
        action: 'customer.created',
        recordType: 'customer',
        recordId: id,
        after: {
          detailsGiven: Object.keys(details).filter((key) => details[key as keyof DetailsForm] !== ''),
        },
      },
      at,
    );
  });
  return id;
}

export async function warningPage(
  deps: ModuleDeps,
  principal: Principal,
  customerId: string,
  serviceId: string | null,
) {
  const customer = await existing(deps, principal.councilId, customerId);
  return { customer, warning: await contactWarning(deps, principal.councilId, customerId, serviceId) };
}

export async function addContact(
  deps: ModuleDeps,
  principal: Principal,
  customerId: string,
  form: ContactForm,
  requestId?: string,
): Promise<string> {
  const { db, clock } = deps;
  const customer = await existing(deps, principal.councilId, customerId);
  if (customer.anonymised) throw new NotFound('No such customer');
  const at = clock.now();
  const { complaintReference, ...contact } = checkContact(form, at);
  const complaintId = complaintReference
    ? await complaintReferences().byReference(db, principal.councilId, customerId, complaintReference)
    : null;
  if (complaintReference && !complaintId) {
    throw new InvalidInput([
      { key: 'complaintReference', message: `No complaint ${complaintReference} from ${customer.name}` },
    ]);
  }
  return db
    .transaction()
    .execute((trx) =>
      logContact(
        trx,
        principal.councilId,
        { customerId, ...contact, complaintId },
        actorFor(principal, requestId),
        at,
      ),
    );
}

// The customer's record: the warning for everyone who handles contact; the whole timeline,
// decisions, letters and reviews for the complaints team and those who may warn.
export async function record(
  deps: CustomersDeps,
  principal: Principal,
  customerId: string,
  requestId?: string,
) {
  const { db, clock, letters } = deps;
  const { councilId } = principal;
  const customer = await existing(deps, councilId, customerId);
  const whole = can(principal, 'see-whole-record');
  const contacts = await repo.contacts(db, councilId, customerId, whole ? undefined : principal.personId);
  await recordAccess(
    db,
    actorFor(principal, requestId),
    {
      action: whole ? 'customer.record-viewed' : 'customer.warning-viewed',
      recordType: 'customer',
      recordId: customerId,
    },
    clock.now(),
  );
  return {
    customer,
    whole,
    warning: await contactWarning(deps, councilId, customerId, null),
    contacts,
    totalMinutes: contacts.reduce((sum, contact) => sum + contact.minutes, 0),
    categorisations: whole ? await categorisations(db, councilId, customerId) : [],
    restrictions: whole ? await shared.restrictions(db, councilId, customerId) : [],
    reviews: whole ? await reviews(db, councilId, customerId) : [],
    letters: whole ? await letters.forCustomer(councilId, customerId, 'all') : [],
  };
}
