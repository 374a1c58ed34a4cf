import type { Principal } from '../../../platform/auth/principal.ts';
import type { ModuleDeps } from '../../organisation/service.ts';
import { contacts } from '../contacts/repository.ts';
import { record } from '../contacts/service.ts';
import type { CustomersDeps } from '../context.ts';
import { reviews } from '../reviews/repository.ts';
import { contactsSinceStep, noNewContactWarning, previousStep, stepCarriedForward } from '../rules.ts';
import { categorisations } from './repository.ts';

// The next step up as the officer taking it starts it (003 VC §4.3-4.5): the previous step, the
// contacts on the timeline since it, a warning when there are none, and the last step up's
// evidence and Equality Act check to edit rather than retype (DOMAIN.md §4).

type Categorisation = Awaited<ReturnType<typeof categorisations>>[number];

// The decisions that set the category, each marked when a review took it: a review that changes
// the category records it in the same transaction, at the same instant.
function stepsTaken(decisions: readonly Categorisation[], reviewed: readonly { decidedAt: Date | null }[]) {
  const reviewedAt = new Set(
    reviewed.flatMap((review) => (review.decidedAt ? [review.decidedAt.getTime()] : [])),
  );
  return decisions.map((decision) => ({
    ...decision,
    byReview: reviewedAt.has(decision.decidedAt.getTime()),
  }));
}

// Read through the customer's record, so the page is audited and shows only what the viewer may
// see (policy.ts), as the record page does.
export async function escalation(
  deps: CustomersDeps,
  principal: Principal,
  customerId: string,
  requestId?: string,
) {
  const shown = await record(deps, principal, customerId, requestId);
  const steps = stepsTaken(shown.categorisations, shown.reviews);
  const previous = previousStep(steps);
  const carried = stepCarriedForward(steps);
  const since = contactsSinceStep(shown.contacts, previous);
  return {
    ...shown,
    previous,
    contactsSince: since,
    minutesSince: since.reduce((sum, contact) => sum + contact.minutes, 0),
    noNewContact: noNewContactWarning(previous, since.length),
    carried,
    carriedForward: carried ? { evidence: carried.evidence, equalityCheck: carried.equalityCheck } : {},
  };
}

// The same warning as the decision is taken, for an answer that never showed the page (an API).
export async function noNewContactNow({ db }: ModuleDeps, councilId: string, customerId: string) {
  const steps = stepsTaken(
    await categorisations(db, councilId, customerId),
    await reviews(db, councilId, customerId),
  );
  const previous = previousStep(steps);
  if (previous === null) return null;
  const since = contactsSinceStep(await contacts(db, councilId, customerId), previous);
  return noNewContactWarning(previous, since.length);
}
