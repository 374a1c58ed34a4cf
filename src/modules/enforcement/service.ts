import type { Principal } from '../../platform/auth/principal.ts';
import type { ModuleDeps } from '../organisation/service.ts';
import type { VisitsService } from '../visits/service.ts';
import { checkArrangements } from './arrangements/service.ts';
import { casePage, defaultsFor } from './cases/reading.ts';
import type { CaseFilter, NewCase } from './cases/repository.ts';
import * as cases from './cases/service.ts';
import { enforcementTasks } from './cases/tasks.ts';
import type { EnforcementDeps } from './context.ts';
import type { OutcomeInput } from './outcomes/rules.ts';
import { recordOutcome } from './outcomes/service.ts';
import * as payments from './payments/service.ts';
import { repoOf } from './people.ts';

// The enforcement module's public face (DOMAIN.md §5; policy 004; Taking Control of Goods
// Regulations 2013): cases on liability orders allocated to agents, the notice of enforcement and
// its 7 clear days, visits' outcomes, payment arrangements monitored for default, and payments
// received. Only app.ts and the route planner use it.

export { earliestTakingControl, noticeCalendar } from './cases/rules.ts';
export type { PlannableCase } from './cases/service.ts';
export { type DemoAddress, seedDemoEnforcement } from './demo/seed.ts';

export type EnforcementService = ReturnType<typeof enforcementService>;

export function enforcementService(
  base: ModuleDeps,
  collaborators: {
    visits: Pick<VisitsService, 'placeRecoveryHold' | 'dropFutureVisits'> & {
      records: Pick<VisitsService['records'], 'recoveryHeld'>;
    };
  },
) {
  const { visits } = collaborators;
  const deps: EnforcementDeps = {
    ...base,
    visits: {
      recoveryHeld: (councilId, accountRef, executor) =>
        visits.records.recoveryHeld(councilId, accountRef, executor),
      placeRecoveryHold: (hold, actor, trx) => visits.placeRecoveryHold(hold, actor, trx),
      dropFutureVisits: (trx, drop, actor) => visits.dropFutureVisits(trx, drop, actor),
    },
  };
  return {
    cases: {
      create: (principal: Principal, input: NewCase, requestId?: string) =>
        cases.createCase(deps, principal, input, requestId),
      list: (principal: Principal, filter: CaseFilter) => cases.listCases(deps, principal, filter),
      page: (principal: Principal, id: string) => casePage(deps, principal, id),
      allocate: (principal: Principal, id: string, agentId: string, requestId?: string) =>
        cases.allocate(deps, principal, id, agentId, requestId),
      recordNotice: (principal: Principal, id: string, noticeOn: string, requestId?: string) =>
        cases.recordNotice(deps, principal, id, noticeOn, requestId),
      agents: (councilId: string) => repoOf(deps).agents(councilId),
    },
    outcomes: {
      record: (principal: Principal, caseId: string, input: OutcomeInput, requestId?: string) =>
        recordOutcome(deps, principal, caseId, input, requestId),
      arrangementDefaults: (principal: Principal, caseId: string) => defaultsFor(deps, principal, caseId),
    },
    payments: {
      importCsv: (principal: Principal, file: { name: string; text: string }, requestId?: string) =>
        payments.importCsv(deps, principal, file, requestId),
      recordBatch: (
        principal: Principal,
        batch: Parameters<typeof payments.recordBatch>[2],
        requestId?: string,
      ) => payments.recordBatch(deps, principal, batch, requestId),
      recentImports: (principal: Principal) => repoOf(deps).imports(principal.councilId),
    },
    // The cases waiting for the agent's visit, for their home page.
    tasksFor: (principal: Principal) => enforcementTasks(deps, principal),
    // The daily check of payment arrangements: instalments missed after the grace period.
    checkArrangements: (councilId: string) => checkArrangements(deps, councilId),
    // For the route planner: the cases these agents may visit to take control on that date.
    plannable: (councilId: string, input: { agentIds: string[]; date: string }) =>
      cases.plannable(deps, councilId, input),
    // The first day goods may be taken into control on an account (visits' port); null when the
    // account is not an enforcement case.
    takingControlFrom: (councilId: string, accountRef: string) =>
      cases.takingControlFrom(deps, councilId, accountRef),
  };
}

// Its records' retention: when their personal data is removed (privacy's daily job).
export { enforcementRetention } from './privacy/retention.ts';
// Enforcement cases against a customer, for a subject access request.
export { enforcementSubjectAccess } from './privacy/subject-access.ts';
