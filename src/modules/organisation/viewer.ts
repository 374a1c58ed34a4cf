import type { Principal } from '../../platform/auth/principal.ts';
import type { Viewer } from './policy.ts';

// The facts the need-to-know rules decide on, for the person a request acts for: read with the
// request's identity, so deciding costs no further query.
export function viewerOf(principal: Principal): Viewer {
  return { personId: principal.personId, roles: principal.roles, serviceId: principal.serviceId };
}
