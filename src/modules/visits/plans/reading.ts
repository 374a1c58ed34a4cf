import { actorFor, recordViewOf } from '../../../platform/audit/audit-trail.ts';
import type { Principal } from '../../../platform/auth/principal.ts';
import { londonDate } from '../../../platform/calendar/daylight.ts';
import { personNamesById } from '../../organisation/service.ts';
import { planFor } from '../access.ts';
import type { VisitsDeps } from '../context.ts';
import { can } from '../policy.ts';
import * as repo from '../repository.ts';
import { diarySheetPdf } from './diary-sheet.ts';

// A plan as its page shows it: the visits in route order with their checks, the check-ins owed,
// the alerts, the changes since it was shared, and what the person looking may do with it.

export async function planPage(deps: VisitsDeps, principal: Principal, planId: string, requestId?: string) {
  const { plan, facts } = await planFor(deps, principal, planId, 'see');
  const ids = [plan.id];
  const [visits, owed, alerts, changes] = await Promise.all([
    repo.visitsOf(deps.db, plan.councilId, ids),
    repo.owedIn(deps.db, plan.councilId, ids),
    repo.alertsIn(deps.db, plan.councilId, ids),
    repo.changesOf(deps.db, plan.councilId, ids),
  ]);
  const people = [
    plan.officerId,
    plan.responsibleOfficerId,
    ...visits.flatMap((visit) => [visit.secondOfficerId, visit.adviceBy, visit.authorisedBy]),
    ...alerts.map((alert) => alert.acknowledgedBy),
    ...changes.map((change) => change.changedBy),
    ...owed.map((one) => one.receivedBy),
  ];
  const names = await personNamesById(deps.db, plan.councilId, people);
  const viewer = { personId: principal.personId, roles: principal.roles };
  await recordViewOf(
    deps.db,
    plan.officerId,
    actorFor(principal, requestId),
    { action: 'visit-plan.view', recordType: 'visit-plan', recordId: plan.id },
    deps.clock.now(),
  );
  return {
    plan,
    visits,
    owed,
    alerts,
    changes,
    names,
    today: londonDate(deps.clock.now()),
    may: {
      change: can(viewer, 'change', facts),
      checkIn: can(viewer, 'check-in', facts),
      takeCall: can(viewer, 'take-call', facts),
      authorise: can(viewer, 'authorise', facts),
    },
  };
}

// The officer's own plans from today on, and, for a line manager, their team's.
export async function myPlans(deps: VisitsDeps, principal: Principal) {
  const today = londonDate(deps.clock.now());
  const team = await deps.organisation.reportIds(principal.councilId, principal.personId);
  const plans = await repo.plans(deps.db, principal.councilId, { from: today }, [
    principal.personId,
    ...team,
  ]);
  const names = await personNamesById(
    deps.db,
    principal.councilId,
    plans.flatMap((plan) => [plan.officerId, plan.responsibleOfficerId]),
  );
  const visits = await repo.visitsOf(
    deps.db,
    principal.councilId,
    plans.map((plan) => plan.id),
  );
  const counts = Map.groupBy(
    visits.filter((visit) => !visit.droppedAt),
    (visit) => visit.planId,
  );
  return {
    today,
    plans: plans.map((plan) => ({
      ...plan,
      visitCount: counts.get(plan.id)?.length ?? 0,
      mine: plan.officerId === principal.personId,
    })),
    names,
    hasTeam: team.length > 0,
  };
}

export async function diarySheet(deps: VisitsDeps, principal: Principal, planId: string) {
  const { plan } = await planFor(deps, principal, planId, 'see');
  const visits = await repo.visitsOf(deps.db, plan.councilId, [plan.id]);
  const names = await personNamesById(deps.db, plan.councilId, [
    plan.officerId,
    plan.responsibleOfficerId,
    ...visits.map((visit) => visit.secondOfficerId),
  ]);
  return { plan, pdf: await diarySheetPdf(plan, visits, names, deps.clock.now()) };
}

// The people a plan's form offers: whose day (the officer, or their team for a line manager), who
// can hold the list (responsible officers and line managers), who can go along (field officers).
export async function planningStaff(deps: VisitsDeps, principal: Principal) {
  const { councilId } = principal;
  const [team, responsible, managers, fieldOfficers] = await Promise.all([
    deps.organisation.reportIds(councilId, principal.personId),
    deps.organisation.peopleWithRole(councilId, 'responsible-officer'),
    deps.organisation.peopleWithRole(councilId, 'line-manager'),
    deps.organisation.peopleWithRole(councilId, 'field-officer'),
  ]);
  const byName = (people: readonly { id: string; name: string }[]) =>
    [...new Map(people.map((person) => [person.id, person])).values()].sort((a, b) =>
      a.name.localeCompare(b.name),
    );
  const teamSet = new Set(team);
  return {
    officers: byName([
      { id: principal.personId, name: principal.name },
      ...fieldOfficers.filter((person) => teamSet.has(person.id)),
    ]),
    responsibleOfficers: byName([...responsible, ...managers]),
    colleagues: byName(fieldOfficers),
  };
}
