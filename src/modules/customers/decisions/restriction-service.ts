import type { Principal } from '../../../platform/auth/principal.ts';
import { dayMonthYear } from '../../../platform/calendar/date-text.ts';
import { londonDate } from '../../../platform/calendar/daylight.ts';
import { isIsoDate } from '../../../platform/calendar/working-days.ts';
import { InvalidInput } from '../../../platform/errors.ts';
import type { ModuleDeps } from '../../organisation/service.ts';
import { type CustomersDeps, existing } from '../context.ts';
import { optional, type Problems, required } from '../input.ts';
import { type Customer, restrictions } from '../repository.ts';
import { review } from '../reviews/service.ts';
import {
  endDateRefusal,
  isRestrictionKind,
  restrictionOver,
  restrictionRefusal,
  restrictionReviewOn,
  reviewDateRefusal,
  sameRestrictionRefusal,
  startDateRefusal,
} from '../rules.ts';
import type { RestrictionForm } from './input.ts';
import type { NewRestriction } from './repository.ts';
import * as shared from './restrictions.ts';
import { holdCustomer, policyMonths } from './service.ts';

// Restrictions on how a customer may contact the council (003 VC §5.2), reviewed every
// restrictionReviewMonths (§4.6).

export const services = ({ organisation }: ModuleDeps, councilId: string) => organisation.services(councilId);

export async function defaultRestrictionReviewOn(deps: ModuleDeps, councilId: string, startsOn: string) {
  return restrictionReviewOn(startsOn, await policyMonths(deps, councilId));
}

async function checkDates(deps: ModuleDeps, councilId: string, form: RestrictionForm, problems: Problems) {
  if (form.startsOn === '')
    problems.push({ key: 'startsOn', message: 'Enter the date the restriction starts' });
  else if (!isIsoDate(form.startsOn))
    problems.push({ key: 'startsOn', message: 'The start date must be a real date' });
  const today = londonDate(deps.clock.now());
  const startsOn = isIsoDate(form.startsOn) ? form.startsOn : today;
  const startRefusal = isIsoDate(form.startsOn) ? startDateRefusal(startsOn, today) : null;
  if (startRefusal) problems.push({ key: 'startsOn', message: startRefusal });
  const months = await policyMonths(deps, councilId);
  const reviewOn = form.reviewOn === '' ? restrictionReviewOn(startsOn, months) : form.reviewOn;
  const reviewRefusal = isIsoDate(reviewOn)
    ? reviewDateRefusal(startsOn, reviewOn, months)
    : 'The review date must be a real date';
  if (reviewRefusal) problems.push({ key: 'reviewOn', message: reviewRefusal });
  const endsOn = form.endsOn ?? '';
  if (endsOn !== '' && !isIsoDate(endsOn))
    problems.push({ key: 'endsOn', message: 'The end date must be a real date' });
  const endRefusal =
    isIsoDate(endsOn) && isIsoDate(reviewOn) ? endDateRefusal(startsOn, reviewOn, endsOn) : null;
  if (endRefusal) problems.push({ key: 'endsOn', message: endRefusal });
  return { startsOn, reviewOn, endsOn: endsOn === '' ? null : endsOn };
}

async function checkRestriction(
  deps: ModuleDeps,
  councilId: string,
  customer: Customer,
  form: RestrictionForm,
): Promise<NewRestriction> {
  const problems: Problems = [];
  const refusal = restrictionRefusal(customer.category);
  if (refusal) problems.push({ key: 'form', message: refusal });
  if (!isRestrictionKind(form.kind)) problems.push({ key: 'kind', message: 'Select the restriction' });
  const service = form.scopeServiceId
    ? (await services(deps, councilId)).find((s) => s.id === form.scopeServiceId)
    : null;
  if (form.scopeServiceId && !service)
    problems.push({ key: 'scopeServiceId', message: 'Select a service of the council' });
  const reason = required(problems, 'reason', form.reason, 5000, 'the reason for the restriction');
  const detail = optional(problems, 'detail', form.detail, 1000, 'the detail');
  if (form.kind === 'limited-correspondence' && detail === '') {
    problems.push({ key: 'detail', message: 'Say which kinds of correspondence they may still send' });
  }
  const officer =
    form.kind === 'named-officer-only'
      ? await shared.activeStaff(deps, councilId, form.namedOfficerId)
      : null;
  if (form.kind === 'named-officer-only' && !officer) {
    problems.push({ key: 'namedOfficerId', message: 'Choose the officer they may contact' });
  }
  const dates = await checkDates(deps, councilId, form, problems);
  if (problems.length || !isRestrictionKind(form.kind)) throw new InvalidInput(problems);
  return {
    kind: form.kind,
    scopeServiceId: service?.id ?? null,
    scopeServiceName: service?.name ?? '',
    detail,
    reason,
    namedOfficerId: officer?.id ?? null,
    ...dates,
  };
}

export async function imposeRestriction(
  deps: CustomersDeps,
  principal: Principal,
  customerId: string,
  form: RestrictionForm,
  requestId?: string,
): Promise<{ restrictionId: string; letterId: string }> {
  const { councilId } = principal;
  const customer = await existing(deps, councilId, customerId);
  const restriction = await checkRestriction(deps, councilId, customer, form);
  const at = deps.clock.now();
  // The customer is told the restrictions that now apply, in the letter the vexatious decision
  // sends (003 VC §4.5, §5.1 "inform the complainant of the action the Council has chosen").
  const contact = await shared.contactLine(deps, councilId, customer.singlePointOfContactId);
  return deps.db.transaction().execute(async (trx) => {
    // The customer's row is held until this commits, so that of two at once the second sees the first.
    await holdCustomer(trx, { councilId, customerId }, customer.category, at);
    const today = londonDate(at);
    const same = sameRestrictionRefusal(await restrictions(trx, councilId, customerId), restriction, today);
    if (same) throw new InvalidInput([{ key: 'kind', message: same }]);
    const id = await shared.imposeInTransaction(trx, principal, customerId, restriction, at, requestId);
    const values = {
      behaviour: restriction.reason,
      contact,
      restrictions: await shared.restrictionsText(trx, councilId, customerId, today),
      reviewOn: dayMonthYear(restriction.reviewOn),
    };
    const letter = await shared.writeLetter(
      deps,
      trx,
      principal,
      customer,
      { kind: 'vexatious', values },
      at,
    );
    return { restrictionId: id, letterId: letter.id };
  });
}

export async function endRestriction(
  deps: CustomersDeps,
  principal: Principal,
  customerId: string,
  restrictionId: string,
  reason: string,
  requestId?: string,
): Promise<{ letterId: string }> {
  const { councilId } = principal;
  const customer = await existing(deps, councilId, customerId);
  const restriction = (await restrictions(deps.db, councilId, customerId)).find(
    (r) => r.id === restrictionId,
  );
  if (!restriction || restrictionOver(restriction, londonDate(deps.clock.now())))
    throw new InvalidInput([{ key: 'form', message: 'That restriction has already ended' }]);
  const problems: Problems = [];
  const why = required(problems, 'endReason', reason, 2000, 'why the restriction is ending');
  if (problems.length) throw new InvalidInput(problems);
  // Ending a restriction changes what the customer was told, so it is a review: recorded, and
  // the customer told in writing (DOMAIN.md §4 "when it lapses or is lifted").
  return review(
    deps,
    principal,
    customerId,
    { decision: 'change', category: customer.category, endRestrictionIds: [restrictionId], notes: why },
    requestId,
  );
}
