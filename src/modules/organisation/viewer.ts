import type { Principal } from '../../platform/auth/principal.ts';
import type { Role } from '../../platform/auth/roles.ts';
import type { OrganisationService } from './service.ts';

// Who is looking at a register (gifts, interests): the facts need-to-know rules are decided on
// (DOMAIN.md "Access is need-to-know"). HR, the monitoring officer and audit see every register
// entry; a head of service their service's; everyone else their own and their reports'.
export type Viewer = { personId: string; roles: ReadonlySet<Role>; serviceId: string | null };

const seesEverything: readonly Role[] = ['hr', 'monitoring-officer', 'audit'];

export function seesWholeRegister(roles: ReadonlySet<Role>): boolean {
  return seesEverything.some((role) => roles.has(role));
}

export function headsService(viewer: Viewer): string | null {
  return viewer.roles.has('head-of-service') ? viewer.serviceId : null;
}

export async function viewerOf(
  organisation: Pick<OrganisationService, 'person'>,
  principal: Principal,
): Promise<Viewer> {
  const person = await organisation.person(principal.councilId, principal.personId);
  return { personId: principal.personId, roles: principal.roles, serviceId: person?.serviceId ?? null };
}
