import type { Role } from '../../platform/auth/roles.ts';

// Who may do what to a field officer's day (DOMAIN.md §5, [000 out-of-hours]): the officer owns
// their plan; the responsible officer named on it holds the list and takes the calls; the
// officer's line-management chain plans for the team, authorises out-of-hours work and is told
// when a check-in is missed; responsible officers watch everyone out, so that cover never waits.

export type VisitsViewer = { personId: string; roles: ReadonlySet<Role> };

// A plan, as the rules see it: whose day it is, who holds the list, who manages the officer.
export type PlanFacts = {
  officerId: string;
  responsibleOfficerId: string;
  managerChain: readonly string[];
};

export type PlanAction =
  // Read the plan, its visits and check-ins.
  | 'see'
  // Add, drop, re-order or re-time visits; share the plan.
  | 'change'
  // Check in in person, or ask for help now: the officer only.
  | 'check-in'
  // Record a check-in received by telephone, acknowledge an alert.
  | 'take-call'
  // Authorise out-of-hours work, give advice before a flagged visit.
  | 'authorise';

const isOfficer = (viewer: VisitsViewer, plan: PlanFacts) => viewer.personId === plan.officerId;
const manages = (viewer: VisitsViewer, plan: PlanFacts) => plan.managerChain.includes(viewer.personId);
const holdsList = (viewer: VisitsViewer, plan: PlanFacts) =>
  viewer.personId === plan.responsibleOfficerId || viewer.roles.has('responsible-officer');

export function can(viewer: VisitsViewer, action: PlanAction, plan: PlanFacts): boolean {
  switch (action) {
    case 'see':
      return isOfficer(viewer, plan) || manages(viewer, plan) || holdsList(viewer, plan);
    case 'change':
      return isOfficer(viewer, plan) || manages(viewer, plan);
    case 'check-in':
      return isOfficer(viewer, plan);
    case 'take-call':
      return manages(viewer, plan) || holdsList(viewer, plan);
    case 'authorise':
      return manages(viewer, plan);
  }
}
