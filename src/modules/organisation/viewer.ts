import type { Principal } from '../../platform/auth/principal.ts';
import type { Viewer } from './policy.ts';
import type { OrganisationService } from './service.ts';

// The facts the need-to-know rules decide on, for the person a request acts for.
export async function viewerOf(
  organisation: Pick<OrganisationService, 'person'>,
  principal: Principal,
): Promise<Viewer> {
  const person = await organisation.person(principal.councilId, principal.personId);
  return { personId: principal.personId, roles: principal.roles, serviceId: person?.serviceId ?? null };
}
