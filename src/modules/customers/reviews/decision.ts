import type { Kysely } from 'kysely';
import { actorFor, appendAudit } from '../../../platform/audit/audit-trail.ts';
import type { Principal } from '../../../platform/auth/principal.ts';
import { dayMonthYear } from '../../../platform/calendar/date-text.ts';
import { londonDate } from '../../../platform/calendar/daylight.ts';
import { uuidv7 } from '../../../platform/db/ids.ts';
import type { Database } from '../../../platform/db/schema.ts';
import { Forbidden, InvalidInput } from '../../../platform/errors.ts';
import { emitWebhook } from '../../../platform/webhooks/emit.ts';
import { reviewDecisionWords } from '../../letters/service.ts';
import { type CustomersDeps, existing } from '../context.ts';
import {
  endRestrictions,
  insertCategorisation,
  setCategory,
  setRestrictionsReviewOn,
} from '../decisions/repository.ts';
import { restrictionsText, writeLetter } from '../decisions/restrictions.ts';
import { changedMeanwhile, holdCustomer, policyMonths } from '../decisions/service.ts';
import { type Problems, required } from '../input.ts';
import { can } from '../policy.ts';
import { type Customer, type Restriction, restrictions } from '../repository.ts';
import {
  type Category,
  categoryReviewOn,
  categoryText,
  isCategory,
  isReviewDecision,
  type ReviewDecision,
  restrictionOver,
  restrictionReviewOn,
  reviewCategories,
} from '../rules.ts';
import type { ReviewForm } from './input.ts';
import * as repo from './repository.ts';

// The complaints manager's review (003 VC §4.6): keep, change or lift; the customer is told in
// writing either way, answering their request when they asked.

type Checked = { decision: ReviewDecision; category: Category; ending: string[]; notes: string };

function checkReview(customer: Customer, inForce: Restriction[], form: ReviewForm): Checked {
  const problems: Problems = [];
  if (customer.category === 'none' && inForce.length === 0) {
    problems.push({
      key: 'form',
      message: 'There is nothing to review: the customer has no category or restriction',
    });
  }
  if (!isReviewDecision(form.decision))
    problems.push({ key: 'decision', message: 'Select keep, change or lift' });
  const decision = form.decision as ReviewDecision;
  let category: Category = customer.category;
  let ending: string[] = [];
  if (decision === 'lift') {
    category = 'none';
    ending = inForce.map((r) => r.id);
  } else if (decision === 'change') {
    const allowed = [customer.category, ...reviewCategories(customer.category)];
    if (!isCategory(form.category) || !allowed.includes(form.category)) {
      problems.push({ key: 'category', message: 'Select the category: the same or a lower one' });
    } else category = form.category;
    ending = form.endRestrictionIds.filter((id) => inForce.some((r) => r.id === id));
    if (category === customer.category && ending.length === 0) {
      problems.push({
        key: 'category',
        message: 'Choose a lower category or a restriction to end, or keep them as they are',
      });
    }
  }
  const notes = required(problems, 'notes', form.notes, 5000, 'the reasons for the decision');
  if (problems.length) throw new InvalidInput(problems);
  return { decision, category, ending, notes };
}

export async function review(
  deps: CustomersDeps,
  principal: Principal,
  customerId: string,
  form: ReviewForm,
  requestId?: string,
): Promise<{ decision: ReviewDecision; letterId: string }> {
  const { db, clock } = deps;
  const { councilId } = principal;
  if (!can(principal, 'review')) {
    throw new Forbidden('Only the complaints manager reviews a customer’s category and restrictions');
  }
  const customer = await existing(deps, councilId, customerId);
  const at = clock.now();
  const today = londonDate(at);
  const inForce = (await restrictions(db, councilId, customerId)).filter((r) => !restrictionOver(r, today));
  const checked = checkReview(customer, inForce, form);
  const months = await policyMonths(deps, councilId);
  const reviewsBefore = await repo.reviews(db, councilId, customerId);
  const openRequest = reviewsBefore.find((r) => r.requestedOn && !r.decision);
  const letterId = await db.transaction().execute(async (trx) => {
    // Held until this commits: a review or decision made meanwhile, or a restriction it ends ended
    // meanwhile, refuses this one, so that two at once make one review and send one letter.
    const ids = { councilId, customerId };
    await holdCustomer(trx, ids, customer.category, at);
    const reviewedSince = (await repo.reviews(trx, councilId, customerId)).length !== reviewsBefore.length;
    const standing = (await restrictions(trx, councilId, customerId)).filter(
      (r) => !restrictionOver(r, today),
    );
    if (reviewedSince || checked.ending.some((id) => !standing.some((r) => r.id === id)))
      throw changedMeanwhile();
    const reviewed = { principal, customer, inForce, checked, at, months };
    const reviewOn = await applyReview(trx, reviewed);
    const letterId = await reviewLetter(deps, trx, reviewed, reviewOn, openRequest?.requestedOn ?? null);
    await recordReview(
      trx,
      reviewed,
      { reviewOn, letterId, openRequestId: openRequest?.id ?? null },
      requestId,
    );
    return letterId;
  });
  return { decision: checked.decision, letterId };
}

type Reviewed = {
  principal: Principal;
  customer: Customer;
  inForce: Restriction[];
  checked: Checked;
  at: Date;
  months: number;
};

const spocFor = (category: Category, customer: Customer) =>
  category === 'pre-vexatious' || category === 'vexatious' ? customer.singlePointOfContactId : null;

// Ends the restrictions the review ends, moves the next review of those kept, and sets the
// customer's category; answers when the next review is, if any.
async function applyReview(
  trx: Kysely<Database>,
  { principal, customer, inForce, checked, at, months }: Reviewed,
) {
  const { councilId } = principal;
  const today = londonDate(at);
  const nextReview = restrictionReviewOn(today, months);
  await endRestrictions(trx, councilId, checked.ending, today, `Review: ${checked.notes}`);
  for (const restrictionId of checked.ending) {
    const lifted = { restrictionId, customerId: customer.id, endedOn: today };
    await emitWebhook(trx, councilId, { type: 'restriction.lifted', data: lifted }, at);
  }
  const kept = inForce.filter((r) => !checked.ending.includes(r.id)).map((r) => r.id);
  await setRestrictionsReviewOn(trx, councilId, kept, nextReview);
  const categoryReview = categoryReviewOn(checked.category, today, months);
  const standing = {
    category: checked.category,
    singlePointOfContactId: spocFor(checked.category, customer),
    reviewOn: categoryReview,
  };
  await setCategory(trx, { councilId, customerId: customer.id }, standing, at);
  return categoryReview ?? (kept.length ? nextReview : null);
}

async function reviewLetter(
  deps: CustomersDeps,
  trx: Kysely<Database>,
  { principal, customer, checked, at }: Reviewed,
  reviewOn: string | null,
  requestedOn: string | null,
): Promise<string> {
  const { decision, category, ending } = checked;
  const values = {
    decision:
      decision === 'change' && ending.length === 0
        ? `change how we treat your contact: ${categoryText[category].toLowerCase()}`
        : reviewDecisionWords[decision],
    reasons: checked.notes,
    restrictions: await restrictionsText(trx, principal.councilId, customer.id, londonDate(at)),
    nextReview: reviewOn
      ? `We will review this again by ${dayMonthYear(reviewOn)}.`
      : 'No restrictions remain, so there is nothing further to review.',
    ...(requestedOn ? { requestedOn: dayMonthYear(requestedOn) } : {}),
  };
  const kind = requestedOn ? 'review-request-answer' : 'restriction-review';
  return (await writeLetter(deps, trx, principal, customer, { kind, values }, at)).id;
}

async function recordReview(
  trx: Kysely<Database>,
  { principal, customer, inForce, checked, at, months }: Reviewed,
  outcome: { reviewOn: string | null; letterId: string; openRequestId: string | null },
  requestId?: string,
) {
  const { councilId } = principal;
  const { decision, category, notes } = checked;
  const { letterId } = outcome;
  const decidedBy = { personId: principal.personId, name: principal.name };
  if (category !== customer.category) {
    await insertCategorisation(trx, councilId, {
      id: uuidv7(at.getTime()),
      customerId: customer.id,
      category,
      behaviour: `Review: ${notes}`,
      evidence: '',
      equalityCheck: '',
      singlePointOfContactId: spocFor(category, customer),
      reviewOn: categoryReviewOn(category, londonDate(at), months),
      letterId,
      decidedBy,
      decidedAt: at,
    });
  }
  const reviewId = outcome.openRequestId ?? uuidv7(at.getTime());
  const ids = { councilId, customerId: customer.id, reviewId };
  const decided = { decision, notes, letterId, decidedBy: principal.personId, decidedAt: at };
  await repo.recordDecision(trx, ids, outcome.openRequestId !== null, decided);
  await appendAudit(
    trx,
    actorFor(principal, requestId),
    {
      action: 'customer.reviewed',
      recordType: 'customer',
      recordId: customer.id,
      before: { category: customer.category, restrictions: inForce.map((r) => r.id) },
      after: {
        reviewId,
        decision,
        category,
        endedRestrictions: checked.ending,
        nextReview: outcome.reviewOn,
        letterId,
      },
    },
    at,
  );
}
