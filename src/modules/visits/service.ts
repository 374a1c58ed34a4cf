import type { Kysely } from 'kysely';
import type { Principal } from '../../platform/auth/principal.ts';
import type { Database } from '../../platform/db/schema.ts';
import type { CustomersService } from '../customers/service.ts';
import type { InterestsServices } from '../interests/service.ts';
import * as checkIns from './check-ins/service.ts';
import { type CheckSources, visitChecks } from './checks/service.ts';
import { alertPage, consoleBoard } from './console/service.ts';
import type { VisitsDeps } from './context.ts';
import * as alarms from './escalation/alarms.ts';
import { sweep } from './escalation/service.ts';
import { committeeSummary as incidentsSummary } from './incidents/committee.ts';
import { incidentsService } from './incidents/service.ts';
import { dropFutureVisits } from './plans/account-drops.ts';
import { approveVisit } from './plans/approvals.ts';
import { customerCandidates, linkCustomer } from './plans/customer-link.ts';
import { makeRoutedPlan, officersWithPlans, type RoutedDay } from './plans/from-route.ts';
import type { PlanForm, VisitForm } from './plans/input.ts';
import * as reading from './plans/reading.ts';
import { createPlan } from './plans/service.ts';
import { sharePlan } from './plans/sharing.ts';
import { visitTasks } from './plans/tasks.ts';
import * as visits from './plans/visits.ts';
import { type LogVisitComplaint, visitRecordsService } from './records/service.ts';
import type { Visit } from './repository.ts';
import { riskRegisterService } from './risk-register/service.ts';

// The field visits module's public face (DOMAIN.md §5; policies 000 and 004): day plans and the
// diary sheet, the checks before every visit, check-ins and their escalation, the responsible
// officer's console; the records of visits and incident reports. Other modules import only this file.

export type { IncidentsCommitteeSummary } from './incidents/committee.ts';
export type { RoutedDay } from './plans/from-route.ts';
export type { VisitForm } from './plans/input.ts';
export type { LogVisitComplaint, VisitComplaint } from './records/service.ts';

export type VisitsService = ReturnType<typeof visitsService>;
// The rules every visit is held to, for planners that place visits before they are made.
export {
  type ConflictLink,
  type HoursSettings,
  hoursVerdict,
  type MarkerKind,
  type Readiness,
  type VisitTiming,
  visitReadiness,
} from './checks/rules.ts';
export { noNoticeYet } from './checks/service.ts';
export { type DemoPorts, seedDemoDay } from './demo/seed.ts';
// The day plans a leaver is responsible officer for, for the organisation's leavers page.
export { responsibleForVisits } from './plans/leavers.ts';

// What the visits module needs from others: the officer's declarations of relatives and friends
// (interests), a customer's restrictions (customers), and a complaint made during a visit logged
// with the complaints team (complaints, through a port the app fills).
export type VisitCollaborators = {
  interests: { lookup: Pick<InterestsServices['lookup'], 'personalLinks'> };
  customers: Pick<CustomersService, 'contactWarning' | 'search' | 'liveCustomer'>;
  logComplaint: LogVisitComplaint;
  // The first day goods may be taken into control on an enforcement account (TCG Regs 2013 reg 6),
  // or null when the account is not an enforcement case, noNoticeYet before its notice is given:
  // the enforcement module's answer.
  takingControlFrom(councilId: string, accountRef: string): Promise<string | null>;
};

type Registers = { cautionsAt: CheckSources['cautionsAt']; recoveryHeld: CheckSources['recoveryHeld'] };

function sourcesFrom(
  deps: Omit<VisitsDeps, 'checks'>,
  collaborators: VisitCollaborators,
  registers: Registers,
): CheckSources {
  return {
    policy: (councilId) => deps.organisation.policy(councilId),
    cautionsAt: registers.cautionsAt,
    recoveryHeld: registers.recoveryHeld,
    takingControlFrom: (councilId, accountRef) => collaborators.takingControlFrom(councilId, accountRef),
    personalLinks: (councilId, officerId, party) =>
      collaborators.interests.lookup.personalLinks(councilId, officerId, party),
    async restrictionOf(councilId, customerId) {
      const warning = await collaborators.customers.contactWarning(councilId, customerId, null);
      if (!warning?.restrictions.length) return null;
      return {
        summary: warning.restrictions.map((restriction) => restriction.text).join(' '),
        namedContact:
          warning.singlePointOfContact?.name ??
          warning.restrictions.find((r) => r.namedOfficerName)?.namedOfficerName ??
          null,
      };
    },
  };
}

// The visit-safety incidents' figures for a committee's period (the committee packs).
export function incidentFigures(db: Kysely<Database>) {
  return {
    incidentsSummary: (councilId: string, period: { from: string; to: string }) =>
      incidentsSummary(db, councilId, period),
  };
}

export function visitsService(base: Omit<VisitsDeps, 'checks'>, collaborators: VisitCollaborators) {
  const riskRegister = riskRegisterService(base);
  const records = visitRecordsService(base, {
    nominateRisk: (trx, councilId, nomination) => riskRegister.nominateIn(trx, councilId, nomination),
    logComplaint: collaborators.logComplaint,
  });
  const incidents = incidentsService(base);
  const registers = { cautionsAt: riskRegister.cautionsAt, recoveryHeld: records.recoveryHeld };
  const checks = visitChecks(sourcesFrom(base, collaborators, registers));
  const deps: VisitsDeps = { ...base, checks };
  return {
    riskRegister,
    records,
    // Today's visits and the safety alerts waiting, for a person's home page.
    tasksFor: (principal: Principal) => visitTasks(deps, principal),
    incidents,
    // Visit-safety incidents for a committee pack: counts in a period, by kind and severity.
    ...incidentFigures(base.db),
    plans: planUseCases(deps, { checks, collaborators, registers }),
    checkIns: {
      checkIn: (principal: Principal, planId: string, owedId: string, requestId?: string) =>
        checkIns.checkIn(deps, principal, planId, owedId, requestId),
      recordCall: (
        principal: Principal,
        planId: string,
        call: { owedId: string; calledAt: string },
        requestId?: string,
      ) => checkIns.recordCall(deps, principal, planId, call, requestId),
      needHelpNow: (principal: Principal, planId: string, requestId?: string) =>
        alarms.needHelpNow(deps, principal, planId, requestId),
      acknowledge: (principal: Principal, alertId: string, note: string, requestId?: string) =>
        alarms.acknowledge(deps, principal, alertId, note, requestId),
    },
    console: {
      board: (principal: Principal) => consoleBoard(deps, principal),
      alert: (principal: Principal, alertId: string) => alertPage(deps, principal, alertId),
    },
    // For enforcement, where a debtor is found vulnerable: recovery suspended on the account (the
    // one record of holds, lifted by the agent's line manager) and every visit still to come on it
    // dropped from its plan, in the caller's transaction.
    placeRecoveryHold: records.placeHold,
    dropFutureVisits,
    // Raises the alerts now due for a council's missed check-ins; every process runs it.
    sweep: (councilId: string) => sweep(deps, councilId),
    // Removes the personal data of ended risk markers and old incident reports past retention.
    async anonymiseExpired(councilId: string) {
      return (await riskRegister.anonymiseExpired(councilId)) + (await incidents.anonymiseExpired(councilId));
    },
  };
}

// Planning a day and its visits: the officer's, or (line manager) a team member's.
function planUseCases(
  deps: VisitsDeps,
  parts: { checks: ReturnType<typeof visitChecks>; collaborators: VisitCollaborators; registers: Registers },
) {
  const { checks, collaborators, registers } = parts;
  return {
    create: (principal: Principal, form: PlanForm, requestId?: string) =>
      createPlan(deps, principal, form, requestId),
    addVisit: (principal: Principal, planId: string, form: VisitForm, requestId?: string) =>
      visits.addVisit(deps, principal, planId, form, requestId),
    editVisit: (
      principal: Principal,
      ids: { planId: string; visitId: string },
      form: VisitForm,
      requestId?: string,
    ) => visits.editVisit(deps, principal, ids.planId, ids.visitId, form, requestId),
    dropVisit: (
      principal: Principal,
      ids: { planId: string; visitId: string },
      reason: string,
      requestId?: string,
    ) => visits.dropVisit(deps, principal, ids.planId, ids.visitId, reason, requestId),
    moveVisit: (
      principal: Principal,
      ids: { planId: string; visitId: string },
      direction: 'earlier' | 'later',
      requestId?: string,
    ) => visits.moveVisit(deps, principal, ids.planId, ids.visitId, direction, requestId),
    recordDeviation: (principal: Principal, planId: string, detail: string, requestId?: string) =>
      visits.recordDeviation(deps, principal, planId, detail, requestId),
    share: (principal: Principal, planId: string, requestId?: string) =>
      sharePlan(deps, principal, planId, requestId),
    approve: (
      principal: Principal,
      ids: { planId: string; visitId: string },
      approval: Parameters<typeof approveVisit>[3],
      requestId?: string,
    ) => approveVisit(deps, principal, ids, approval, requestId),
    page: (principal: Principal, planId: string, requestId?: string) =>
      reading.planPage(deps, principal, planId, requestId),
    mine: (principal: Principal) => reading.myPlans(deps, principal),
    diarySheet: (principal: Principal, planId: string) => reading.diarySheet(deps, principal, planId),
    checksOf: checks.checksOf,
    staff: (principal: Principal) => reading.planningStaff(deps, principal),
    // A day the route planner made, as the officer's shared plan; who already has a plan that day.
    makeRouted: (principal: Principal, day: RoutedDay, requestId?: string) =>
      makeRoutedPlan(deps, principal, day, requestId),
    officersWithPlans: (councilId: string, planDate: string, officerIds: readonly string[]) =>
      officersWithPlans(deps, councilId, planDate, officerIds),
    // What the checks read before a visit: cautions at the address, an officer's declared links.
    cautionsAt: registers.cautionsAt,
    personalLinks: collaborators.interests.lookup.personalLinks,
    customerCandidates: (councilId: string, visit: Visit) =>
      customerCandidates(collaborators.customers, councilId, visit),
    linkCustomer: (
      principal: Principal,
      ids: { planId: string; visitId: string },
      customerId: string,
      requestId?: string,
    ) => linkCustomer(deps, collaborators.customers, principal, ids, customerId, requestId),
  };
}

// What the retention page shows of incident reports, which this module's own daily job anonymises.
export { incidentRetentionFigures } from './incidents/service.ts';
// Its records' retention: when their personal data is removed (privacy's daily job).
export { visitRecordRetention } from './privacy/retention.ts';
// A staff member's or a resident's field visits, for a subject access request.
export { visitsSubjectAccess } from './privacy/subject-access.ts';
// Likewise of risk markers.
export { riskMarkerRetentionFigures } from './risk-register/retention.ts';
