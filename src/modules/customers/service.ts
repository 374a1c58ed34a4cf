import type { Kysely } from 'kysely';
import { type Actor, actorFor, appendAudit, recordAccess } from '../../platform/audit/audit-trail.ts';
import type { Principal } from '../../platform/auth/principal.ts';
import { londonDate } from '../../platform/calendar/daylight.ts';
import { uuidv7 } from '../../platform/db/ids.ts';
import type { Database } from '../../platform/db/schema.ts';
import { InvalidInput, NotFound } from '../../platform/errors.ts';
import type { ComplaintLetters, CustomerLetters } from '../letters/service.ts';
import type { ModuleDeps } from '../organisation/module-deps.ts';
import { decisionsService } from './decisions.ts';
import { type ContactForm, checkContact, checkDetails, type DetailsForm } from './input.ts';
import * as repo from './repository.ts';
import {
  type Category,
  capabilitiesOf,
  categoryText,
  restrictionApplies,
  restrictionText,
  scopeText,
  seesWholeRecord,
} from './rules.ts';

export type CustomersService = ReturnType<typeof customersService>;

type ContactWarning = {
  customerId: string;
  name: string;
  category: Category;
  categoryText: string;
  singlePointOfContact: { id: string; name: string } | null;
  restrictions: {
    id: string;
    kind: repo.Restriction['kind'];
    text: string;
    scopeText: string;
    detail: string;
    namedOfficerName: string | null;
    reviewOn: string;
  }[];
};

export function customersService(deps: ModuleDeps, collaborators: { letters: ComplaintLetters }) {
  const { db, clock } = deps;
  const letters: CustomerLetters = collaborators.letters;

  async function existing(councilId: string, id: string): Promise<repo.Customer> {
    const customer = await repo.customer(db, councilId, id);
    if (!customer) throw new NotFound('No such customer');
    return customer;
  }

  // The customer a complaint or contact is from, by email (any case), or a new one.
  async function findOrCreate(
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
  async function contactWarning(
    councilId: string,
    customerId: string,
    serviceId: string | null,
  ): Promise<ContactWarning | null> {
    const customer = await repo.customer(db, councilId, customerId);
    if (!customer) return null;
    const today = londonDate(clock.now());
    const inForce = (await repo.restrictions(db, councilId, customerId)).filter((r) =>
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
  async function logContact(
    trx: Kysely<Database>,
    councilId: string,
    contact: repo.ContactInput,
    actor: Actor,
    at: Date,
  ): Promise<string> {
    if (!actor.personId) throw new Error('A contact is logged by a member of staff');
    const id = uuidv7(at.getTime());
    await repo.insertContact(
      trx,
      councilId,
      id,
      contact,
      { personId: actor.personId, name: actor.label },
      at,
    );
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

  return {
    findOrCreate,
    contactWarning,
    logContact,

    // Customers found by name, email or phone; an anonymised one is never found.
    search: (councilId: string, text: string) =>
      text.trim() === '' ? Promise.resolve([]) : repo.search(db, councilId, text.trim(), 50),

    async create(principal: Principal, form: DetailsForm, requestId?: string): Promise<string> {
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
    },

    async warningPage(principal: Principal, customerId: string, serviceId: string | null) {
      const customer = await existing(principal.councilId, customerId);
      return { customer, warning: await contactWarning(principal.councilId, customerId, serviceId) };
    },

    async addContact(
      principal: Principal,
      customerId: string,
      form: ContactForm,
      requestId?: string,
    ): Promise<string> {
      const customer = await existing(principal.councilId, customerId);
      if (customer.anonymised) throw new NotFound('No such customer');
      const at = clock.now();
      const checked = checkContact(form, at);
      const complaintId = checked.complaintReference
        ? await repo.complaintByReference(db, principal.councilId, customerId, checked.complaintReference)
        : null;
      if (checked.complaintReference && !complaintId) {
        throw new InvalidInput([
          {
            key: 'complaintReference',
            message: `No complaint ${checked.complaintReference} from ${customer.name}`,
          },
        ]);
      }
      const { complaintReference: _reference, ...contact } = checked;
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
    },

    // The customer's record: the warning for everyone who handles contact; the whole timeline,
    // decisions, letters and reviews for the complaints team and those who may warn.
    async record(principal: Principal, customerId: string, requestId?: string) {
      const { councilId } = principal;
      const customer = await existing(councilId, customerId);
      const whole = seesWholeRecord(capabilitiesOf(principal.roles));
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
        warning: await contactWarning(councilId, customerId, null),
        contacts,
        totalMinutes: contacts.reduce((sum, contact) => sum + contact.minutes, 0),
        categorisations: whole ? await repo.categorisations(db, councilId, customerId) : [],
        restrictions: whole ? await repo.restrictions(db, councilId, customerId) : [],
        reviews: whole ? await repo.reviews(db, councilId, customerId) : [],
        letters: whole ? await collaborators.letters.forCustomer(councilId, customerId) : [],
      };
    },

    ...decisionsService(deps, { letters, existing }),
  };
}
