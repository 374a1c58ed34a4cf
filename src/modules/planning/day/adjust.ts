import { actorFor, appendAudit } from '../../../platform/audit/audit-trail.ts';
import type { Principal } from '../../../platform/auth/principal.ts';
import { InvalidInput } from '../../../platform/errors.ts';
import type { PlanningDeps } from '../context.ts';
import { checkDay } from './check.ts';
import { dayPoints, factsOf, timedStops, travelBetween } from './facts.ts';
import type { MoveForm } from './input.ts';
import { proposalFor } from './reading.ts';
import * as repo from './repository.ts';
import type { Unplanned } from './rules.ts';
import { type Order, schedule } from './schedule.ts';

// The team leader changes the day by hand: a visit moved to another place in a route, to another
// officer, to or from the unplanned list. The day is timed again and checked by the same rules;
// what a change breaks is shown, and the plans cannot be made until it is put right.

const refuse = (key: string, message: string) => new InvalidInput([{ key, message }]);
const unplannedByHand = 'Taken out of the plan by hand';

function moved(proposal: repo.Proposal, form: MoveForm): { orders: Order[]; unplanned: Unplanned[] } {
  const orders = proposal.routed.routes.map((route) => ({
    officerId: route.officerId,
    keys: route.visits.map((v) => v.key),
  }));
  let unplanned = proposal.unplanned;
  const officerIds = new Set(orders.map((order) => order.officerId));
  if (!proposal.day.stops.some((stop) => stop.key === form.visit))
    throw refuse('visit', 'Choose a visit of this day');
  if (form.to !== 'unplanned' && !officerIds.has(form.to))
    throw refuse('to', 'Choose an officer of this day');
  if (form.from === 'unplanned') {
    if (!unplanned.some((entry) => entry.key === form.visit))
      throw refuse('visit', 'That visit is not unplanned');
    unplanned = unplanned.filter((entry) => entry.key !== form.visit);
  } else {
    const source = orders.find((order) => order.officerId === form.from);
    if (!source?.keys.includes(form.visit))
      throw refuse('visit', 'That visit is not in that officer’s route');
    source.keys = source.keys.filter((key) => key !== form.visit);
  }
  if (form.to === 'unplanned') {
    for (const order of orders) order.keys = order.keys.filter((key) => key !== form.visit);
    return { orders, unplanned: [...unplanned, { key: form.visit, reason: unplannedByHand }] };
  }
  const target = orders.find((order) => order.officerId === form.to) as Order;
  if (target.keys.includes(form.visit)) throw refuse('to', 'That officer already makes this visit');
  target.keys.splice(Math.min(form.position - 1, target.keys.length), 0, form.visit);
  return { orders, unplanned };
}

export async function moveVisit(
  deps: PlanningDeps,
  principal: Principal,
  id: string,
  form: MoveForm,
  requestId?: string,
) {
  const proposal = await proposalFor(deps, principal, id);
  if (proposal.madeAt || proposal.makingSince)
    throw refuse('form', 'The plans have been made from this day: change them instead');
  if (proposal.version !== form.version)
    throw refuse('form', 'Someone changed this day since you opened it: look at it again');
  const { orders, unplanned } = moved(proposal, form);
  const settings = await deps.organisation.policy(principal.councilId);
  const travel = await travelBetween(deps, principal.councilId, dayPoints(proposal.day));
  const routes = schedule(
    proposal.day.officers,
    timedStops(proposal.day, proposal.planDate, settings),
    orders,
    travel,
  );
  const problems = checkDay(
    { routes, unplanned },
    factsOf(proposal.day, proposal.planDate, settings, travel),
  );
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    const key = { councilId: principal.councilId, id, version: form.version };
    if (!(await repo.replaceRoutes(trx, key, { routed: { routes, problems }, unplanned, at: now })))
      throw refuse('form', 'Someone changed this day since you opened it: look at it again');
    await appendAudit(
      trx,
      actorFor(principal, requestId),
      { action: 'route-proposal.move', recordType: 'route-proposal', recordId: id, after: form },
      now,
    );
  });
  return problems;
}
