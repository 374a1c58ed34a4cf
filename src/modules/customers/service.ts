import type { Kysely } from 'kysely';
import type { Principal } from '../../platform/auth/principal.ts';
import { isUuid } from '../../platform/auth/secrets.ts';
import type { Database } from '../../platform/db/schema.ts';
import type { ComplaintLetters } from '../letters/service.ts';
import type { ModuleDeps } from '../organisation/service.ts';
import type { ContactForm, DetailsForm } from './contacts/input.ts';
import { contactDetails } from './contacts/repository.ts';
import * as contacts from './contacts/service.ts';
import type { CustomersDeps } from './context.ts';
import { escalation } from './decisions/escalation.ts';
import type { CategorisationForm, RestrictionForm } from './decisions/input.ts';
import * as restrictions from './decisions/restriction-service.ts';
import * as decisions from './decisions/service.ts';
import { type Customer, customer } from './repository.ts';
import { anonymiseDormantCustomers } from './retention.ts';
import type { ReviewForm, ReviewRequestForm } from './reviews/input.ts';
import * as reviews from './reviews/service.ts';
import { customerReviewTasks } from './reviews/tasks.ts';
import { type Category, restrictionKinds } from './rules.ts';

// The customers module's public face: complainants and others the council deals with, the contacts
// on their timelines, the decisions about their behaviour and their reviews (003 Procedure for
// Managing Vexatious Customers). Other modules import only this file.

export type { ComplaintReferences } from './complaint-references.ts';
export { knowCustomersComplaintsBy } from './complaint-references.ts';
export type { ContactWarning } from './contacts/service.ts';
// The demo council's customers, for `npm start`: made here; complaints' demo complains as them.
export { demoCustomers } from './demo/customers.ts';
export { demoCustomersYear } from './demo/seed.ts';
export type { Customer } from './repository.ts';
export { categoryText } from './rules.ts';

export type CustomersService = ReturnType<typeof customersService>;

type DormantInput = Omit<Parameters<typeof anonymiseDormantCustomers>[1], 'at'>;

export function customersService(deps: ModuleDeps, collaborators: { letters: ComplaintLetters }) {
  const all: CustomersDeps = { ...deps, letters: collaborators.letters };
  return {
    ...contactUseCases(all),
    ...decisionUseCases(all),
    ...reviewUseCases(all),
  };
}

function contactUseCases(deps: CustomersDeps) {
  return {
    findOrCreate: contacts.findOrCreate,
    contactWarning: (councilId: string, customerId: string, serviceId: string | null) =>
      contacts.contactWarning(deps, councilId, customerId, serviceId),
    logContact: contacts.logContact,
    search: (councilId: string, text: string) => contacts.search(deps, councilId, text),
    create: (principal: Principal, form: DetailsForm, requestId?: string) =>
      contacts.create(deps, principal, form, requestId),
    warningPage: (principal: Principal, customerId: string, serviceId: string | null) =>
      contacts.warningPage(deps, principal, customerId, serviceId),
    addContact: (principal: Principal, customerId: string, form: ContactForm, requestId?: string) =>
      contacts.addContact(deps, principal, customerId, form, requestId),
    record: (principal: Principal, customerId: string, requestId?: string) =>
      contacts.record(deps, principal, customerId, requestId),
    // Contact details by customer id, in one query; inside a transaction, read through it.
    async contactDetails(councilId: string, ids: readonly string[], executor: Kysely<Database> = deps.db) {
      const found = await contactDetails(executor, councilId, ids);
      return new Map(found.map((customer) => [customer.id, customer]));
    },
    // The customer with this id, if there is one still on record (not anonymised).
    async liveCustomer(councilId: string, id: string): Promise<Customer | null> {
      const found = isUuid(id) ? await customer(deps.db, councilId, id) : null;
      return found && !found.anonymised ? found : null;
    },
    // Anonymises the customers the calling module no longer holds anything for (retention).
    anonymiseDormant: (input: DormantInput) =>
      anonymiseDormantCustomers(deps.db, { ...input, at: () => deps.clock.now() }),
  };
}

function decisionUseCases(deps: CustomersDeps) {
  return {
    staff: (councilId: string) => decisions.staff(deps, councilId),
    services: (councilId: string) => restrictions.services(deps, councilId),
    policyMonths: (councilId: string) => decisions.policyMonths(deps, councilId),
    defaultRestrictionReviewOn: (councilId: string, startsOn: string) =>
      restrictions.defaultRestrictionReviewOn(deps, councilId, startsOn),
    // The next step up as it starts: the previous step, contacts since it, what carries forward.
    escalation: (principal: Principal, customerId: string, requestId?: string) =>
      escalation(deps, principal, customerId, requestId),
    categorise: (
      principal: Principal,
      customerId: string,
      to: Exclude<Category, 'none'>,
      form: CategorisationForm,
      requestId?: string,
    ) => decisions.categorise(deps, principal, customerId, to, form, requestId),
    imposeRestriction: (
      principal: Principal,
      customerId: string,
      form: RestrictionForm,
      requestId?: string,
    ) => restrictions.imposeRestriction(deps, principal, customerId, form, requestId),
    endRestriction: (
      principal: Principal,
      customerId: string,
      restrictionId: string,
      reason: string,
      requestId?: string,
    ) => restrictions.endRestriction(deps, principal, customerId, restrictionId, reason, requestId),
    restrictionKinds,
  };
}

function reviewUseCases(deps: CustomersDeps) {
  return {
    requestReview: (principal: Principal, customerId: string, form: ReviewRequestForm, requestId?: string) =>
      reviews.requestReview(deps, principal, customerId, form, requestId),
    review: (principal: Principal, customerId: string, form: ReviewForm, requestId?: string) =>
      reviews.review(deps, principal, customerId, form, requestId),
    reviewsDue: (principal: Principal) => reviews.reviewsDue(deps, principal),
    sendReviewReminders: (councilId: string) => reviews.sendReviewReminders(deps, councilId),
    // What is waiting for a complaints manager: reviews due, for their home page.
    tasksFor: (principal: Principal) => customerReviewTasks(deps, principal),
  };
}

// A customer's record, and finding them, for a subject access request.
export { customerCandidates, customerSubject } from './privacy/candidates.ts';
export { customersSubjectAccess } from './privacy/subject-access.ts';
