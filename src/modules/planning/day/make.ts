import { actorFor, appendAudit } from '../../../platform/audit/audit-trail.ts';
import type { Principal } from '../../../platform/auth/principal.ts';
import { InvalidInput } from '../../../platform/errors.ts';
import type { VisitForm } from '../../visits/service.ts';
import type { PlanningDeps } from '../context.ts';
import { hhmm } from './clock.ts';
import type { MakeForm } from './input.ts';
import { proposalFor } from './reading.ts';
import * as repo from './repository.ts';
import type { Route } from './rules.ts';

// The day made into each officer's plan in one step: the visits in route order with their times,
// the second officer named at a flagged address with the team leader's advice, each plan shared so
// that its diary sheet goes out and its check-ins are owed. Plans already made are kept if the
// step is interrupted, and making it again goes on from there.

const refuse = (key: string, message: string) => new InvalidInput([{ key, message }]);
// A stalled making (its process stopped) may be taken over after this.
const stallMs = 2 * 60_000;
// The officer calls in on getting home: after the last journey back, rounded up to five minutes.
const homeMargin = 15;

function visitsOf(proposal: repo.Proposal, route: Route): VisitForm[] {
  const stops = new Map(proposal.day.stops.map((stop) => [stop.key, stop]));
  return route.visits.flatMap((visit) => {
    const stop = stops.get(visit.key);
    if (!stop) return [];
    return [
      {
        address: `${stop.address}, ${stop.postcode}`,
        latitude: stop.place.latitude,
        longitude: stop.place.longitude,
        accountRef: stop.accountRef,
        accountHolder: stop.debtorName,
        purpose: 'taking-control' as const,
        premises: stop.premises,
        tradingFrom: stop.tradingHours?.from ?? null,
        tradingUntil: stop.tradingHours?.until ?? null,
        courtOrder: '',
        notes: `Enforcement case ${stop.reference}`,
        start: hhmm(visit.start),
        finish: hhmm(visit.finish),
        secondOfficerId: visit.withOfficer,
      },
    ];
  });
}

const homeBy = (route: Route) => hhmm(Math.min(23 * 60 + 55, Math.ceil((route.back + homeMargin) / 5) * 5));

// A case the day sends someone other than its agent to is given to them; at a visit two officers
// make, it stays with its agent if they are one of the two.
async function reallocate(
  deps: PlanningDeps,
  principal: Principal,
  made: { proposal: repo.Proposal; route: Route; requestId: string | undefined },
) {
  const stops = new Map(made.proposal.day.stops.map((stop) => [stop.key, stop]));
  for (const visit of made.route.visits) {
    const owner = stops.get(visit.key)?.owner;
    if (owner === made.route.officerId || (visit.withOfficer !== null && owner === visit.withOfficer))
      continue;
    if (visit.withOfficer !== null && made.route.officerId > visit.withOfficer) continue;
    await deps.sources.allocate(principal, visit.key, made.route.officerId, made.requestId);
  }
}

// An officer given a plan for the day some other way (or by a making of this day that stopped
// before it was recorded) keeps it: the day is planned again around it.
async function assertNoOtherPlans(deps: PlanningDeps, proposal: repo.Proposal) {
  const waiting = proposal.routed.routes.filter(
    (route) => route.visits.length && !proposal.made[route.officerId],
  );
  const taken = await deps.visits.officersWithPlans(
    proposal.councilId,
    proposal.planDate,
    waiting.map((route) => route.officerId),
  );
  if (!taken.length) return;
  const names = proposal.day.officers
    .filter((officer) => taken.includes(officer.id))
    .map((officer) => officer.name);
  throw refuse(
    'form',
    `${names.join(', ')} already ${names.length > 1 ? 'have plans' : 'has a plan'} that day: plan the day again without them, or change that plan`,
  );
}

// A case paid, returned, held for vulnerability or given to another team since the day was
// planned is not visited from it.
async function assertStillPlannable(deps: PlanningDeps, proposal: repo.Proposal) {
  const officerIds = proposal.day.officers.map((officer) => officer.id);
  const ready = new Set(
    (await deps.sources.plannable(proposal.councilId, { agentIds: officerIds, date: proposal.planDate })).map(
      (item) => item.caseId,
    ),
  );
  const stops = new Map(proposal.day.stops.map((stop) => [stop.key, stop]));
  const gone = [...new Set(proposal.routed.routes.flatMap((route) => route.visits.map((visit) => visit.key)))]
    .filter((key) => !ready.has(key))
    .map((key) => stops.get(key)?.reference ?? key);
  if (gone.length)
    throw refuse(
      'form',
      `${gone.join(', ')} can no longer be visited from this day (paid, returned, suspended or reallocated): plan the day again`,
    );
}

function assertMakeable(proposal: repo.Proposal, form: MakeForm) {
  if (proposal.madeAt) throw refuse('form', 'The plans have already been made from this day');
  if (proposal.version !== form.version)
    throw refuse('form', 'Someone changed this day since you opened it: look at it again');
  if (proposal.routed.problems.length)
    throw refuse('form', 'Put right what the checks found before making the plans');
  if (proposal.day.stops.some((stop) => stop.accompanied) && !form.advice)
    throw refuse('advice', 'Enter your advice for the visits to flagged addresses');
}

export async function makePlans(
  deps: PlanningDeps,
  principal: Principal,
  id: string,
  form: MakeForm,
  requestId?: string,
) {
  const proposal = await proposalFor(deps, principal, id);
  assertMakeable(proposal, form);
  await assertStillPlannable(deps, proposal);
  await assertNoOtherPlans(deps, proposal);
  const now = deps.clock.now();
  const key = { councilId: principal.councilId, id, version: form.version };
  if (!(await repo.claimMaking(deps.db, key, now, new Date(now.getTime() - stallMs))))
    throw refuse('form', 'The plans from this day are already being made');
  const made = { ...proposal.made };
  try {
    for (const route of proposal.routed.routes) {
      if (route.visits.length === 0 || made[route.officerId]) continue;
      made[route.officerId] = await deps.visits.makeRouted(
        principal,
        {
          officerId: route.officerId,
          planDate: proposal.planDate,
          responsibleOfficerId: proposal.responsibleOfficerId,
          homeBy: homeBy(route),
          visits: visitsOf(proposal, route),
          advice: form.advice || null,
        },
        requestId,
      );
      await reallocate(deps, principal, { proposal, route, requestId });
      await repo.recordMade(deps.db, key, made, { at: deps.clock.now(), finished: false });
    }
  } catch (error) {
    await repo.releaseMaking(deps.db, key);
    throw error;
  }
  await deps.db.transaction().execute(async (trx) => {
    await repo.recordMade(trx, key, made, { at: deps.clock.now(), finished: true });
    await appendAudit(
      trx,
      actorFor(principal, requestId),
      { action: 'route-proposal.made', recordType: 'route-proposal', recordId: id, after: { plans: made } },
      deps.clock.now(),
    );
  });
  return made;
}
