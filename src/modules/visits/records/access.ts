import type { Principal } from '../../../platform/auth/principal.ts';
import { NotFound } from '../../../platform/errors.ts';
import type { ModuleDeps } from '../../organisation/service.ts';
import { can, type PlanAction } from '../policy.ts';
import * as repo from './repository.ts';

// The visit, if the person may act on it ('change': the plan's officer and their line-management
// chain; 'see' adds whoever holds the list); anyone else is told there is no such visit.
export async function visitFor(
  deps: ModuleDeps,
  principal: Principal,
  ids: { planId: string; visitId: string },
  action: PlanAction = 'change',
) {
  const visit = await repo.visitFacts(deps.db, principal.councilId, ids.planId, ids.visitId);
  if (!visit) throw new NotFound('No such visit');
  const managerChain = await deps.organisation.managerChain(principal.councilId, visit.officerId);
  if (!can(principal, action, { ...visit, managerChain })) throw new NotFound('No such visit');
  return { visit, managerChain };
}

export const recordPath = (visit: { planId: string; visitId: string }) =>
  `/visits/plans/${visit.planId}/visits/${visit.visitId}/record`;
