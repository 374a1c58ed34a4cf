import type { Principal } from '../../../platform/auth/principal.ts';
import type { VisitsDeps } from '../context.ts';
import * as repo from '../repository.ts';
import { approveVisit } from './approvals.ts';
import type { VisitForm } from './input.ts';
import { createPlan } from './service.ts';
import { sharePlan } from './sharing.ts';
import { addVisit } from './visits.ts';

// A day planned for an officer (by the route planner) made into their plan in one go: the plan,
// its visits in route order, the team leader's advice on the visits two officers make, and the
// plan shared, so that the diary sheet goes out and the check-ins are owed. Each step is the one
// an officer takes by hand, with its checks; a refused step stops the rest.

export type RoutedDay = {
  officerId: string;
  planDate: string;
  responsibleOfficerId: string;
  homeBy: string;
  visits: readonly VisitForm[];
  /** Advice for the visits made with a second officer (flagged addresses). */
  advice: string | null;
};

export async function makeRoutedPlan(
  deps: VisitsDeps,
  principal: Principal,
  day: RoutedDay,
  requestId?: string,
): Promise<string> {
  const { officerId, planDate, responsibleOfficerId, homeBy } = day;
  const planId = await createPlan(
    deps,
    principal,
    { officerId, planDate, responsibleOfficerId, homeBy },
    requestId,
  );
  for (const visit of day.visits) {
    const visitId = await addVisit(deps, principal, planId, visit, requestId);
    if (visit.secondOfficerId && day.advice)
      await approveVisit(
        deps,
        principal,
        { planId, visitId },
        { kind: 'advice', text: day.advice },
        requestId,
      );
  }
  await sharePlan(deps, principal, planId, requestId);
  return planId;
}

// Which of these officers already have a plan on that day.
export async function officersWithPlans(
  deps: VisitsDeps,
  councilId: string,
  planDate: string,
  officerIds: readonly string[],
): Promise<string[]> {
  const plans = await repo.plans(deps.db, councilId, { on: planDate }, officerIds);
  return plans.map((plan) => plan.officerId);
}
