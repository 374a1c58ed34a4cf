import type { Kysely } from 'kysely';
import { actorFor, appendAudit } from '../../../platform/audit/audit-trail.ts';
import type { Principal } from '../../../platform/auth/principal.ts';
import { dayMonthYear } from '../../../platform/calendar/date-text.ts';
import { londonDate } from '../../../platform/calendar/daylight.ts';
import { uuidv7 } from '../../../platform/db/ids.ts';
import type { Database } from '../../../platform/db/schema.ts';
import { InvalidInput } from '../../../platform/errors.ts';
import type { ModuleDeps } from '../../organisation/service.ts';
import { contactCount } from '../contacts/repository.ts';
import { type CustomersDeps, existing } from '../context.ts';
import { optional, type Problems, required } from '../input.ts';
import type { Customer } from '../repository.ts';
import {
  type Category,
  capabilitiesOf,
  categoryLetter,
  categoryReviewOn,
  isRestrictionKind,
  type RestrictionKind,
  restrictionReviewOn,
  stepUpRefusals,
} from '../rules.ts';
import { noNewContactNow } from './escalation.ts';
import type { CategorisationForm } from './input.ts';
import { claimCategory, insertCategorisation, setCategory } from './repository.ts';
import * as shared from './restrictions.ts';

// Decisions about a customer's behaviour: the categories, each step up in turn (003 VC §4.2-4.5),
// in one transaction with its audit event and letter. Restrictions are in restriction-service.ts,
// reviews (§4.6) in reviews/.

type Step = Exclude<Category, 'none'>;

// Staff who may be named as a single point of contact or the named officer.
export const staff = async ({ organisation }: ModuleDeps, councilId: string) =>
  (await organisation.listPeople(councilId, {}, { limit: 2000 })).people.map((p) => ({
    id: p.id,
    name: p.name,
    jobTitle: p.jobTitle,
  }));

// Another decision about the customer was made while this one was being checked: it is refused,
// having changed nothing, for the person to look again.
export const changedMeanwhile = () =>
  new InvalidInput([
    {
      key: 'form',
      message: 'Someone else has just made a decision about this customer: look at their record again',
    },
  ]);

// Holds the customer's row in the decision's transaction until it commits, taken from the category
// `from` it was checked against: refused when another decision has moved them on meanwhile.
export async function holdCustomer(
  trx: Parameters<typeof claimCategory>[0],
  ids: { councilId: string; customerId: string },
  from: Category,
  at: Date,
) {
  if (!(await claimCategory(trx, ids, from, at))) throw changedMeanwhile();
}

export const policyMonths = async ({ organisation }: ModuleDeps, councilId: string) =>
  (await organisation.policy(councilId)).restrictionReviewMonths;

// The decision as checked: what it records, who is named, and the restrictions that come with it.
async function checkCategorisation(
  deps: ModuleDeps,
  principal: Principal,
  customer: Customer,
  to: Step,
  form: CategorisationForm,
) {
  const { councilId } = principal;
  const problems: Problems = [];
  const decision = {
    behaviour: required(problems, 'behaviour', form.behaviour, 10000, 'the behaviour'),
    evidence: required(problems, 'evidence', form.evidence, 10000, 'the evidence'),
    equalityCheck: required(problems, 'equalityCheck', form.equalityCheck, 5000, 'the Equality Act check'),
  };
  const spoc =
    to === 'warned' ? null : await shared.activeStaff(deps, councilId, form.singlePointOfContactId);
  const refusals = stepUpRefusals(
    to,
    {
      current: customer.category,
      contacts: await contactCount(deps.db, councilId, customer.id),
      capabilities: capabilitiesOf(principal.roles),
    },
    { ...decision, singlePointOfContactId: spoc?.id ?? null },
  );
  const restrictions = await checkRestrictionsChosen(deps, councilId, to, form, problems);
  const seen = new Set(problems.map((p) => p.key));
  const errors = [
    ...refusals.filter((r) => r.key === 'form'),
    ...problems,
    ...refusals.filter((r) => r.key !== 'form' && !seen.has(r.key)),
  ];
  if (errors.length) throw new InvalidInput(errors);
  return { decision, spoc, ...restrictions };
}

// 003 VC §4.5: the vexatious decision comes with the restrictions it puts in place, so the
// letter can tell the customer what they are.
async function checkRestrictionsChosen(
  deps: ModuleDeps,
  councilId: string,
  to: Step,
  form: CategorisationForm,
  problems: Problems,
) {
  const chosen = to === 'vexatious' ? form.restrictions : [];
  for (const kind of chosen)
    if (!isRestrictionKind(kind))
      problems.push({ key: 'restrictions', message: 'Select restrictions from the list' });
  const officer = chosen.includes('named-officer-only')
    ? await shared.activeStaff(deps, councilId, form.namedOfficerId)
    : null;
  if (chosen.includes('named-officer-only') && !officer) {
    problems.push({ key: 'namedOfficerId', message: 'Choose the officer they may contact' });
  }
  const detail = optional(problems, 'restrictionDetail', form.restrictionDetail, 1000, 'the detail');
  if (chosen.includes('limited-correspondence') && detail === '') {
    problems.push({
      key: 'restrictionDetail',
      message: 'Say which kinds of correspondence they may still send',
    });
  }
  return { chosen: chosen as RestrictionKind[], officer, detail };
}

type Checked = Awaited<ReturnType<typeof checkCategorisation>>;

// Warned (§4.2), pre-vexatious (§4.4) or vexatious (§4.5), with the letter that says so, written
// for the officer to check and send. Answers the decision, its letter and what the officer was
// warned of but may go ahead despite (no new contact since the previous step), so that an answer
// that never showed the form can say so too.
export async function categorise(
  deps: CustomersDeps,
  principal: Principal,
  customerId: string,
  to: Step,
  form: CategorisationForm,
  requestId?: string,
): Promise<{ categorisationId: string; letterId: string; warnings: string[] }> {
  const { councilId } = principal;
  const customer = await existing(deps, councilId, customerId);
  const checked = await checkCategorisation(deps, principal, customer, to, form);
  const noNewContact = await noNewContactNow(deps, councilId, customerId);
  const months = await policyMonths(deps, councilId);
  const at = deps.clock.now();
  const contact = await shared.contactLine(deps, councilId, checked.spoc?.id ?? null);
  const decided = await deps.db.transaction().execute(async (trx) => {
    await holdCustomer(trx, { councilId, customerId }, customer.category, at);
    for (const kind of checked.chosen) {
      await shared.imposeInTransaction(
        trx,
        principal,
        customerId,
        withDecision(checked, kind, at, months),
        at,
        requestId,
      );
    }
    const letterId = await categorisationLetter(deps, trx, {
      principal,
      customer,
      to,
      checked,
      contact,
      at,
      months,
    });
    const categorisationId = await recordCategorisation(
      trx,
      { principal, customer, to, checked, at, months, letterId },
      requestId,
    );
    return { categorisationId, letterId };
  });
  return { ...decided, warnings: noNewContact ? [noNewContact] : [] };
}

// A restriction put in place with the vexatious decision: whole council, from today.
function withDecision(checked: Checked, kind: RestrictionKind, at: Date, months: number) {
  const today = londonDate(at);
  return {
    kind,
    scopeServiceId: null,
    scopeServiceName: '',
    detail: kind === 'limited-correspondence' ? checked.detail : '',
    reason: checked.decision.behaviour,
    namedOfficerId: kind === 'named-officer-only' ? (checked.officer?.id ?? null) : null,
    startsOn: today,
    reviewOn: restrictionReviewOn(today, months),
    endsOn: null,
  };
}

type Categorised = {
  principal: Principal;
  customer: Customer;
  to: Step;
  checked: Checked;
  at: Date;
  months: number;
};

async function categorisationLetter(
  deps: CustomersDeps,
  trx: Kysely<Database>,
  { principal, customer, to, checked, contact, at, months }: Categorised & { contact: string },
): Promise<string> {
  const today = londonDate(at);
  const { behaviour } = checked.decision;
  const values: Record<string, string> =
    to === 'warned'
      ? { behaviour }
      : to === 'pre-vexatious'
        ? { behaviour, contact }
        : {
            behaviour,
            contact,
            restrictions: await shared.restrictionsText(trx, principal.councilId, customer.id, today),
            reviewOn: dayMonthYear(categoryReviewOn(to, today, months) ?? today),
          };
  const kind = categoryLetter[to];
  return (await shared.writeLetter(deps, trx, principal, customer, { kind, values }, at)).id;
}

async function recordCategorisation(
  trx: Kysely<Database>,
  { principal, customer, to, checked, at, months, letterId }: Categorised & { letterId: string },
  requestId?: string,
) {
  const { councilId } = principal;
  const reviewOn = categoryReviewOn(to, londonDate(at), months);
  const spocId = checked.spoc?.id ?? null;
  const id = uuidv7(at.getTime());
  await insertCategorisation(trx, councilId, {
    id,
    customerId: customer.id,
    category: to,
    ...checked.decision,
    singlePointOfContactId: spocId,
    reviewOn,
    letterId,
    decidedBy: { personId: principal.personId, name: principal.name },
    decidedAt: at,
  });
  const standing = {
    category: to,
    singlePointOfContactId: spocId ?? customer.singlePointOfContactId,
    reviewOn,
  };
  await setCategory(trx, { councilId, customerId: customer.id }, standing, at);
  await appendAudit(
    trx,
    actorFor(principal, requestId),
    {
      action: 'customer.categorised',
      recordType: 'customer',
      recordId: customer.id,
      before: { category: customer.category },
      after: { category: to, categorisationId: id, singlePointOfContactId: spocId, reviewOn, letterId },
    },
    at,
  );
  return id;
}
