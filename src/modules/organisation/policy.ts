import { can as holds } from '../../platform/auth/permissions.ts';
import type { Role } from '../../platform/auth/roles.ts';

// Who may do what to a person's records (DOMAIN.md "Access is need-to-know"). Route-level
// capabilities stay in platform/auth/permissions.ts; this decides for one record.

// Who is looking at a register (gifts, interests): HR, the monitoring officer and audit see every
// register entry; a head of service their service's; everyone else their own and their reports'.
export type Viewer = { personId: string; roles: ReadonlySet<Role>; serviceId: string | null };

const seesEverything: readonly Role[] = ['hr', 'monitoring-officer', 'audit'];

export function seesWholeRegister(roles: ReadonlySet<Role>): boolean {
  return seesEverything.some((role) => roles.has(role));
}

export function headsService(viewer: Viewer): string | null {
  return viewer.roles.has('head-of-service') ? viewer.serviceId : null;
}

// Who may see a person's private records (their declarations, their gifts, their profile):
// the person, anyone above them in the line-management chain, HR, the monitoring officer and
// audit. Peers and people below them may not.
export function canSeePrivateRecordsOf(
  viewer: { personId: string; roles: ReadonlySet<Role> },
  owner: { personId: string; managerChain: readonly string[] },
): boolean {
  if (viewer.personId === owner.personId) return true;
  if (owner.managerChain.includes(viewer.personId)) return true;
  return seesWholeRegister(viewer.roles);
}

export type PersonAction = 'see-private-records' | 'view-person';

// 'view-person': a person's record, also for whoever administers or reads people's records.
export function can(
  viewer: { personId: string; roles: ReadonlySet<Role> },
  action: PersonAction,
  person: { personId: string; managerChain: readonly string[] },
): boolean {
  switch (action) {
    case 'see-private-records':
      return canSeePrivateRecordsOf(viewer, person);
    case 'view-person':
      return holds(viewer.roles, 'people:read') || canSeePrivateRecordsOf(viewer, person);
  }
}
