import type { Principal } from '../../../platform/auth/principal.ts';
import { type ModuleDeps, seesWholeRegister, viewerOf } from '../../organisation/service.ts';
import type { RegisterViewer } from '../policy.ts';

// Who is looking at the register, as the policy needs them. Whoever sees the whole register needs
// nothing more looked up.
export async function registerViewer(
  organisation: ModuleDeps['organisation'],
  principal: Principal,
): Promise<RegisterViewer> {
  if (seesWholeRegister(principal.roles))
    return { personId: principal.personId, roles: principal.roles, serviceId: null, reports: new Set() };
  const reports = await organisation.reportIds(principal.councilId, principal.personId);
  return { ...viewerOf(principal), reports: new Set(reports) };
}
