import type { Kysely } from 'kysely';
import type { Actor } from '../../platform/audit/audit-trail.ts';
import type { Principal } from '../../platform/auth/principal.ts';
import type { Database } from '../../platform/db/schema.ts';
import { Forbidden, NotFound } from '../../platform/errors.ts';
import type { ModuleDeps } from '../organisation/service.ts';
import * as repo from './cases/repository.ts';
import { type NoticeCalendar, noticeCalendar } from './cases/rules.ts';
import { type CaseAction, can, type EnforcementViewer, managesEnforcement } from './policy.ts';

// What the enforcement module's services are built from: what every module has, and what it asks
// of visits (the one record of recovery holds; the plans a held account's visits are dropped from).
export type EnforcementVisits = {
  recoveryHeld(
    councilId: string,
    accountRef: string,
    executor?: Kysely<Database>,
  ): Promise<{ id: string; reason: string } | null>;
  placeRecoveryHold(
    hold: { councilId: string; accountRef: string; reason: string; heldBy: string },
    actor: Actor,
    trx?: Kysely<Database>,
  ): Promise<{ id: string }>;
  dropFutureVisits(
    trx: Kysely<Database>,
    drop: { councilId: string; accountRef: string; reason: string; by: string; at: Date },
    actor: Actor,
  ): Promise<string[]>;
};

export type EnforcementDeps = ModuleDeps & { visits: EnforcementVisits };

// The council's calendar for counting a notice's clear days: its division's bank holidays.
export async function calendarOf(
  deps: Pick<ModuleDeps, 'organisation'>,
  councilId: string,
): Promise<NoticeCalendar> {
  const { division } = await deps.organisation.calendar(councilId);
  return noticeCalendar(division);
}

// The person asking, with the people they manage and whether any of them is an enforcement agent;
// read once a request (a principal is a request's), before any transaction of the request, which
// on the embedded database holds its only connection.
const viewers = new WeakMap<Principal, Promise<EnforcementViewer>>();

export function viewerOf(
  deps: Pick<ModuleDeps, 'organisation'>,
  principal: Principal,
): Promise<EnforcementViewer> {
  let viewer = viewers.get(principal);
  if (!viewer) {
    viewer = readViewer(deps, principal);
    viewers.set(principal, viewer);
  }
  return viewer;
}

async function readViewer(
  deps: Pick<ModuleDeps, 'organisation'>,
  principal: Principal,
): Promise<EnforcementViewer> {
  const manages = principal.roles.has('line-manager') || principal.roles.has('head-of-service');
  if (!manages)
    return { personId: principal.personId, roles: principal.roles, reportIds: new Set(), leadsAgents: false };
  const [reports, agents] = await Promise.all([
    deps.organisation.reportIds(principal.councilId, principal.personId),
    deps.organisation.peopleWithRole(principal.councilId, 'field-officer'),
  ]);
  const reportIds = new Set(reports);
  const leadsAgents = agents.some((agent) => reportIds.has(agent.id));
  return { personId: principal.personId, roles: principal.roles, reportIds, leadsAgents };
}

// Creating cases and importing payments: the team leaders and heads of service above agents.
export async function assertManagesEnforcement(deps: Pick<ModuleDeps, 'organisation'>, principal: Principal) {
  const viewer = await viewerOf(deps, principal);
  if (!managesEnforcement(viewer))
    throw new Forbidden('Only the team leaders and heads of service of enforcement agents can do that');
  return viewer;
}

// A case as the person asking may use it: one they may not see is no such case; one they may see
// but not do this with is refused.
export async function caseFor(
  deps: Pick<ModuleDeps, 'db' | 'organisation'>,
  principal: Principal,
  id: string,
  action: CaseAction,
  executor?: Kysely<Database>,
) {
  const viewer = await viewerOf(deps, principal);
  const found = await repo.findCase(executor ?? deps.db, principal.councilId, id, executor !== undefined);
  if (!found || !can(viewer, 'see', found)) throw new NotFound('No such enforcement case');
  if (!can(viewer, action, found)) throw new Forbidden('You cannot do that with this case');
  return found;
}

// What the system does on its own (a missed instalment found) is audited as Probity's.
export const systemActor = (councilId: string): Actor => ({
  councilId,
  personId: null,
  label: 'Probity (payment arrangements)',
});
