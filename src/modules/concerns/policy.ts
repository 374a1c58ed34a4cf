import type { Role } from '../../platform/auth/roles.ts';

// Who may see a concern (DOMAIN.md "People": whistleblowing reports only to their assigned
// investigators). Holding the role a concern was routed to is not enough: a peer in audit, HR or
// the monitoring officer's team sees nothing of a concern assigned to someone else.
export type ConcernViewer = { personId: string; roles: ReadonlySet<Role> };
export type ConcernAccess = { investigatorIds: readonly string[] };
export type ConcernAction = 'read' | 'reply' | 'decide';

export function can(viewer: ConcernViewer, _action: ConcernAction, concern: ConcernAccess): boolean {
  return concern.investigatorIds.includes(viewer.personId);
}

// Reports of detriment are flagged to HR and the monitoring officer: the concern's reference and
// date only, never who raised it nor what it says (DOMAIN.md §6: the reporter must not suffer
// detriment).
export function seesDetrimentFlags(viewer: ConcernViewer): boolean {
  return viewer.roles.has('hr') || viewer.roles.has('monitoring-officer');
}
