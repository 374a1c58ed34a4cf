import type { Kysely } from 'kysely';
import type { Principal } from '../../platform/auth/principal.ts';
import { londonDate } from '../../platform/calendar/daylight.ts';
import type { Database } from '../../platform/db/schema.ts';
import { Forbidden, NotFound } from '../../platform/errors.ts';
import type { ModuleDeps } from '../organisation/service.ts';
import { can, type PlanAction, type PlanFacts } from './policy.ts';
import * as repo from './repository.ts';

// A plan as the person asking may use it. Someone who may not see the plan is told there is no
// such plan; someone who may see it but not do this is refused.
export async function planFor(
  deps: Pick<ModuleDeps, 'db' | 'organisation'>,
  principal: Principal,
  planId: string,
  action: PlanAction,
): Promise<{ plan: repo.Plan; facts: PlanFacts }> {
  const plan = await repo.plan(deps.db, principal.councilId, planId);
  if (!plan) throw new NotFound('No such plan');
  const facts = await planFacts(deps, plan);
  const viewer = { personId: principal.personId, roles: principal.roles };
  if (!can(viewer, 'see', facts)) throw new NotFound('No such plan');
  if (!can(viewer, action, facts)) throw new Forbidden('You cannot do that with this plan');
  return { plan, facts };
}

export async function planFacts(deps: Pick<ModuleDeps, 'organisation'>, plan: repo.Plan): Promise<PlanFacts> {
  return {
    officerId: plan.officerId,
    responsibleOfficerId: plan.responsibleOfficerId,
    managerChain: await deps.organisation.managerChain(plan.councilId, plan.officerId),
  };
}

// The plan again inside the transaction, locked, so that what was checked still holds.
export async function lockedPlan(
  trx: Kysely<Database>,
  councilId: string,
  planId: string,
): Promise<repo.Plan> {
  const plan = await repo.plan(trx, councilId, planId, true);
  if (!plan) throw new NotFound('No such plan');
  return plan;
}

// What the system does on its own (raising an alert) is audited as Probity's.
export const systemActor = (councilId: string) => ({
  councilId,
  personId: null,
  label: 'Probity (lone-worker safety)',
});

// The officer's own plan, for what only they do (check in, ask for help): their line management
// need not be read. Anyone else is answered as planFor answers them.
export async function ownPlan(
  deps: Pick<ModuleDeps, 'db' | 'organisation'>,
  principal: Principal,
  planId: string,
) {
  const plan = await repo.plan(deps.db, principal.councilId, planId);
  if (plan && plan.officerId === principal.personId) return plan;
  return (await planFor(deps, principal, planId, 'check-in')).plan;
}

// The plan an officer is out on at this moment: today's, or yesterday's after midnight (a late tour
// owes its home check-in past midnight).
export function outOn(plan: repo.Plan, now: Date): boolean {
  const today = londonDate(now);
  const yesterday = londonDate(new Date(now.getTime() - 24 * 60 * 60_000));
  return plan.planDate === today || plan.planDate === yesterday;
}
