import { afterAll, beforeAll } from 'vitest';
import type { NewCase } from '../../src/modules/enforcement/cases/repository.ts';
import type { OutcomeInput } from '../../src/modules/enforcement/outcomes/rules.ts';
import { enforcementService } from '../../src/modules/enforcement/service.ts';
import { organisationService } from '../../src/modules/organisation/service.ts';
import { visitsService } from '../../src/modules/visits/service.ts';
import { principalByEmail } from '../../src/platform/auth/principals.ts';
import type { DatabaseKind } from '../../src/platform/db/connection.ts';
import { uuidv7 } from '../../src/platform/db/ids.ts';
import { startTestApp, type TestApp } from './app.ts';
import { fieldTeam } from './visits.ts';

// The enforcement and visits services as app.ts builds them, on the test app's database, clock and
// outbox; visits' other collaborators are stand-ins the enforcement tests do not reach.
export function enforcementFor(t: TestApp) {
  const base = { db: t.db, clock: t.clock, outbox: t.outbox, baseUrl: 'http://probity.test' };
  const moduleDeps = { ...base, organisation: organisationService(base) };
  const visits = visitsService(moduleDeps, {
    interests: { lookup: { personalLinks: async () => [] } },
    customers: {
      contactWarning: async () => null,
      search: async () => [],
      liveCustomer: async () => null,
    } as never,
    logComplaint: async () => ({ reference: '' }),
    takingControlFrom: (councilId, accountRef) => enforcement.takingControlFrom(councilId, accountRef),
  });
  const enforcement = enforcementService(moduleDeps, { visits });
  return { enforcement, visits };
}

export const principal = (t: TestApp, email: string, councilId = t.councilId) =>
  principalByEmail(t.db, councilId, email);

let account = 0;

// A case's details, with a fresh account reference.
export function aCase(overrides: Partial<NewCase> = {}): NewCase {
  account += 1;
  return {
    accountRef: `CT-T${String(account).padStart(5, '0')}-${Math.random().toString(36).slice(2, 6)}`,
    kind: 'council-tax',
    debtorName: 'Pat Debtor',
    address: `${account} Test Street, Demoton`,
    postcode: 'DM1 1AA',
    uprn: null,
    premises: 'domestic',
    tradingHours: null,
    appointment: null,
    balancePence: 30_000,
    liabilityOrderOn: '2026-09-01',
    liabilityOrderCourt: 'Demoton Magistrates’ Court',
    noticeOn: null,
    agentId: null,
    ...overrides,
  };
}

// A visit on the account on a plan for `planDate` at 10:00, written straight into the tables.
export async function plannedVisitOn(
  t: TestApp,
  plan: {
    officerId: string;
    responsibleOfficerId: string;
    planDate: string;
    accountRef: string;
    purpose?: 'enquiry' | 'taking-control';
  },
) {
  const now = t.clock.now();
  const planId = uuidv7(now.getTime());
  const visitId = uuidv7(now.getTime());
  await t.db
    .insertInto('visit_plan')
    .values({
      council_id: t.councilId,
      id: planId,
      officer_id: plan.officerId,
      plan_date: plan.planDate,
      responsible_officer_id: plan.responsibleOfficerId,
      home_by: new Date(`${plan.planDate}T18:00:00Z`),
      shared_at: null,
      created_by: plan.officerId,
      created_at: now,
      updated_at: now,
    })
    .execute();
  await t.db
    .insertInto('planned_visit')
    .values({
      council_id: t.councilId,
      id: visitId,
      plan_id: planId,
      position: 0,
      address: '1 Test Street',
      account_ref: plan.accountRef,
      account_holder: 'Pat Debtor',
      purpose: plan.purpose ?? 'taking-control',
      planned_start: new Date(`${plan.planDate}T10:00:00Z`),
      planned_finish: new Date(`${plan.planDate}T10:45:00Z`),
      created_at: now,
    })
    .execute();
  return { planId, visitId };
}

// A visit's outcome on a case: no contact on the clock's day, the debtor present, unless overridden.
export function outcomeOf(overrides: Partial<OutcomeInput> = {}): OutcomeInput {
  return {
    kind: 'no-contact',
    visitedOn: '2026-11-23',
    present: ['debtor'],
    amountPence: null,
    receiptNumber: '',
    reason: '',
    goods: [],
    instalments: [],
    vulnerability: '',
    notes: '',
    ...overrides,
  };
}

// A test file's app, field team and services, started before its tests and closed after them.
export function useEnforcementApp(kind: DatabaseKind, prefix: string) {
  const state = {} as {
    t: TestApp;
    team: Awaited<ReturnType<typeof fieldTeam>>;
    services: ReturnType<typeof enforcementFor>;
  };
  beforeAll(async () => {
    state.t = await startTestApp(kind);
    state.team = await fieldTeam(state.t, prefix);
    state.services = enforcementFor(state.t);
  });
  afterAll(() => state.t.close());
  // The team leader, the agent and another agent, as the services take them.
  const as = (name: 'manager' | 'officer' | 'peer') => () => principal(state.t, state.team.email(name));
  return Object.assign(state, { lead: as('manager'), agent: as('officer'), peer: as('peer') });
}
