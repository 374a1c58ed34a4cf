import type { Principal } from '../../../platform/auth/principal.ts';
import { londonDate } from '../../../platform/calendar/daylight.ts';
import { NotFound } from '../../../platform/errors.ts';
import { personNamesById } from '../../organisation/service.ts';
import { planFor } from '../access.ts';
import type { VisitsDeps } from '../context.ts';
import { alertContexts, missedOf } from '../escalation/context.ts';
import { emergencyInstruction } from '../escalation/messages.ts';
import { escalationMinutes, type OfficerStatus, officerStatus } from '../escalation/rules.ts';
import { can } from '../policy.ts';
import * as repo from '../repository.ts';
import { changesSince, dayOfPlans, openAlerts } from './repository.ts';

// The responsible officer's console [000 out-of-hours: the responsible officer knows where each
// officer is, notes the time of each call, and holds the list until they are home]: everyone out
// today with their current visit, last check-in, next one due and status, and the alerts waiting
// for someone to acknowledge them.

type Day = Awaited<ReturnType<typeof dayOfPlans>>[number];

export type ConsoleRow = {
  planId: string;
  officerName: string;
  responsibleName: string;
  status: OfficerStatus;
  current: Day['current'];
  lastCheckIn: Date | null;
  nextDue: { dueAt: Date; home: boolean } | null;
  alerts: Awaited<ReturnType<typeof openAlerts>>;
};

// Who needs attention first.
const statusOrder: readonly OfficerStatus[] = ['alarm', 'late', 'due', 'on-time', 'not-out', 'home'];

// Whose days the person may watch: every plan for a responsible officer; otherwise the plans they
// hold the list for and their own team's.
async function watchedPlans(deps: VisitsDeps, principal: Principal, date: string) {
  const all = await repo.plans(deps.db, principal.councilId, { on: date }, null);
  if (principal.roles.has('responsible-officer')) return all;
  const team = new Set(await deps.organisation.reportIds(principal.councilId, principal.personId));
  return all.filter((plan) => plan.responsibleOfficerId === principal.personId || team.has(plan.officerId));
}

// The check-ins that decide the officer's status: the next one owed, and the one on arriving home
// once received.
function statusCheckIns(day: Day | undefined) {
  const next = day?.nextDue
    ? [{ visitId: day.nextDue.visitId, dueAt: day.nextDue.dueAt, receivedAt: null, cancelled: false }]
    : [];
  const home = day?.homeReceivedAt
    ? [{ visitId: null, dueAt: day.homeReceivedAt, receivedAt: day.homeReceivedAt, cancelled: false }]
    : [];
  return [...next, ...home];
}

export async function consoleBoard(deps: VisitsDeps, principal: Principal) {
  const now = deps.clock.now();
  const date = londonDate(now);
  const plans = await watchedPlans(deps, principal, date);
  const ids = plans.map((plan) => plan.id);
  const [days, alerts, changes, settings, names] = await Promise.all([
    dayOfPlans(deps.db, principal.councilId, ids),
    openAlerts(deps.db, principal.councilId, ids),
    changesSince(deps.db, principal.councilId, ids, new Date(now.getTime() - 3 * 60 * 60_000)),
    deps.organisation.policy(principal.councilId),
    personNamesById(
      deps.db,
      principal.councilId,
      plans.flatMap((plan) => [plan.officerId, plan.responsibleOfficerId]),
    ),
  ]);
  const minutes = escalationMinutes(settings);
  const dayOf = new Map(days.map((day) => [day.planId, day]));
  const alertsOf = Map.groupBy(alerts, (alert) => alert.planId);
  const rows = plans.map((plan): ConsoleRow => {
    const day = dayOf.get(plan.id);
    const planAlerts = alertsOf.get(plan.id) ?? [];
    const owed = statusCheckIns(day);
    return {
      planId: plan.id,
      officerName: names.get(plan.officerId) ?? '',
      responsibleName: names.get(plan.responsibleOfficerId) ?? '',
      status: officerStatus({ shared: plan.sharedAt !== null, owed, openAlerts: planAlerts }, now, minutes),
      alerts: planAlerts,
      current: day?.current ?? null,
      lastCheckIn: day?.lastCheckIn ?? null,
      nextDue: day?.nextDue ? { dueAt: day.nextDue.dueAt, home: day.nextDue.visitId === null } : null,
    };
  });
  rows.sort(
    (a, b) =>
      statusOrder.indexOf(a.status) - statusOrder.indexOf(b.status) ||
      a.officerName.localeCompare(b.officerName),
  );
  return { date, now, rows, changes, names };
}

// One alert, with what the person acting on it needs: for an emergency or a call for help, the
// emergency step with the officer's last known visit, risk markers, next visit and phone number.
export async function alertPage(deps: VisitsDeps, principal: Principal, alertId: string) {
  const alert = await repo.alert(deps.db, principal.councilId, alertId);
  if (!alert) throw new NotFound('No such alert');
  const { plan, facts } = await planFor(deps, principal, alert.planId, 'see');
  const context = (await alertContexts(deps, plan.councilId, [plan.id])).get(plan.id);
  if (!context) throw new NotFound('No such alert');
  const owed = context.owed.find((one) => one.id === alert.causeId);
  const names = await personNamesById(deps.db, plan.councilId, [alert.acknowledgedBy]);
  const viewer = { personId: principal.personId, roles: principal.roles };
  return {
    alert,
    plan,
    officer: context.officer,
    missed: owed ? missedOf(owed, context.visits) : null,
    receivedAt: owed?.receivedAt ?? null,
    instruction: emergencyInstruction(context),
    acknowledgedByName: alert.acknowledgedBy ? (names.get(alert.acknowledgedBy) ?? '') : null,
    mayAcknowledge: can(viewer, 'take-call', facts),
  };
}
