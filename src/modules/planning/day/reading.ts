import type { Principal } from '../../../platform/auth/principal.ts';
import { NotFound } from '../../../platform/errors.ts';
import type { PlanningDeps } from '../context.ts';
import { can } from '../policy.ts';
import * as repo from './repository.ts';

// A proposed day, for the person who planned it or a manager of all its officers.

export async function proposalFor(deps: PlanningDeps, principal: Principal, id: string) {
  const found = await repo.proposal(deps.db, principal.councilId, id);
  const reportIds = new Set(await deps.organisation.reportIds(principal.councilId, principal.personId));
  const facts = found && {
    createdBy: found.createdBy,
    officerIds: found.day.officers.map((officer) => officer.id),
  };
  if (!found || !facts || !can({ personId: principal.personId, reportIds }, 'read', facts))
    throw new NotFound('No such planned day');
  return found;
}

/** The day as its page shows it: each officer's route with the visits' details, and the names. */
export async function proposalPage(deps: PlanningDeps, principal: Principal, id: string) {
  const proposal = await proposalFor(deps, principal, id);
  const stops = new Map(proposal.day.stops.map((stop) => [stop.key, stop]));
  const names = new Map(proposal.day.officers.map((officer) => [officer.id, officer.name]));
  const responsible = await deps.organisation.person(principal.councilId, proposal.responsibleOfficerId);
  const routes = proposal.routed.routes.map((route) => ({
    ...route,
    officer: proposal.day.officers.find((officer) => officer.id === route.officerId),
    planId: proposal.made[route.officerId] ?? null,
    visits: route.visits.map((visit) => ({
      ...visit,
      stop: stops.get(visit.key),
      withName: visit.withOfficer ? names.get(visit.withOfficer) : null,
    })),
  }));
  const unplanned = proposal.unplanned.map((entry) => ({ ...entry, stop: stops.get(entry.key) ?? null }));
  const flagged = proposal.day.stops.filter((stop) => stop.accompanied).length;
  return {
    proposal,
    routes,
    unplanned,
    responsibleName: responsible?.name ?? '',
    flagged,
    stopsByKey: stops,
  };
}
