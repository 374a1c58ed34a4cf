import type { OrganisationService } from '../../src/modules/organisation/service.ts';
import type { Principal } from '../../src/platform/auth/principal.ts';

// A person of the council as a use case sees them when it is called directly, not through a page.
export async function principalOf(
  organisation: Pick<OrganisationService, 'person'>,
  councilId: string,
  personId: string,
): Promise<Principal> {
  const person = await organisation.person(councilId, personId);
  return {
    councilId,
    councilName: 'Demo',
    councilRulesVersion: 0,
    personId,
    name: person?.name ?? '',
    email: person?.email ?? '',
    serviceId: person?.serviceId ?? null,
    roles: new Set(person?.roles ?? []),
    teamRoles: new Set(),
    via: 'session',
    readOnly: false,
  };
}
