import type { Kysely } from 'kysely';
import { appendAudit } from '../../../platform/audit/audit-trail.ts';
import type { Principal } from '../../../platform/auth/principal.ts';
import { principalByEmail } from '../../../platform/auth/principals.ts';
import { londonDate } from '../../../platform/calendar/daylight.ts';
import type { Clock } from '../../../platform/clock.ts';
import { uuidv7 } from '../../../platform/db/ids.ts';
import type { Database } from '../../../platform/db/schema.ts';
import { systemActor } from '../access.ts';
import type { RiskRegister } from '../risk-register/service.ts';
import {
  type DemoPlan,
  type DemoVisit,
  declaredRelative,
  demoEmails,
  demoPlans,
  flaggedAddress,
} from './day.ts';

// Seeds the demo council's field team for today, once a day: what `npm start` shows a newcomer.

export type DemoPorts = {
  // Kelly Morgan's declaration of her aunt, a council customer (the interests module).
  declareKnownCustomer(principal: Principal, answers: Record<string, string>): Promise<unknown>;
  hasDeclared(
    councilId: string,
    officerId: string,
    party: { name: string; address: string; accountRef: string },
  ): Promise<boolean>;
};

type SeedDeps = { db: Kysely<Database>; clock: Clock; riskRegister: RiskRegister };

const minutes = (now: Date, offset: number) => new Date(now.getTime() + offset * 60_000);

// The team leader agreed the shared plans before they went out, whatever the day and hour the demo
// starts at: advice for every visit, and authorisation in case it falls out of hours.
function approvals(plan: DemoPlan, visit: DemoPlan['visits'][number], leadId: string | null, at: Date) {
  if (!plan.shared) return visit.advice ? { advice: visit.advice, advice_by: leadId, advice_at: at } : {};
  return {
    advice: visit.advice ?? 'Keep your phone on and call in after each visit.',
    advice_by: leadId,
    advice_at: at,
    authorisation_reason: 'Agreed for the arrears drive, including evening and weekend calls.',
    authorised_by: leadId,
    authorised_at: at,
  };
}

// What seeding one plan works with: the transaction, the plan, the people's ids, its times and ids.
type Seeding = {
  trx: Kysely<Database>;
  councilId: string;
  plan: DemoPlan;
  ids: ReadonlyMap<string, string>;
  now: Date;
  planId: string;
  officerId: string;
  at(offset: number): Date;
  id(): string;
};

// An officer who already has a plan that day (yesterday's plan for tomorrow) keeps it.
async function insertPlan(s: Seeding): Promise<boolean> {
  const inserted = await s.trx
    .insertInto('visit_plan')
    .values({
      council_id: s.councilId,
      id: s.planId,
      officer_id: s.officerId,
      plan_date: londonDate(s.at(0)),
      responsible_officer_id: s.ids.get(demoEmails.coordinator) ?? '',
      home_by: s.at(s.plan.homeIn),
      shared_at: s.plan.shared ? minutes(s.now, -180) : null,
      created_by: s.officerId,
      created_at: minutes(s.now, -200),
      updated_at: s.now,
    })
    .onConflict((conflict) => conflict.columns(['council_id', 'officer_id', 'plan_date']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return inserted !== undefined;
}

async function insertVisit(s: Seeding, visit: DemoVisit, position: number) {
  const visitId = s.id();
  await s.trx
    .insertInto('planned_visit')
    .values({
      council_id: s.councilId,
      id: visitId,
      plan_id: s.planId,
      position,
      address: visit.address,
      account_holder: visit.accountHolder,
      account_ref: visit.accountRef,
      purpose: visit.purpose,
      premises: visit.premises ?? 'domestic',
      trading_from: visit.trading?.[0] ?? null,
      trading_until: visit.trading?.[1] ?? null,
      planned_start: s.at(visit.from),
      planned_finish: s.at(visit.until),
      second_officer_id: visit.secondOfficer ? (s.ids.get(visit.secondOfficer) ?? null) : null,
      ...approvals(s.plan, visit, s.ids.get(demoEmails.lead) ?? null, minutes(s.now, -190)),
      created_at: minutes(s.now, -200),
    })
    .execute();
  return visitId;
}

// A shared plan's check-ins owed (received or not) and its changes.
async function insertTour(s: Seeding, visitIds: readonly string[]) {
  const owed = s.plan.visits.map((visit, index) => {
    const received = visit.checkedIn === undefined ? null : s.at(visit.checkedIn);
    return {
      visit_id: visitIds[index] ?? null,
      due_at: s.at(visit.until),
      received_at: received,
      received_by: received ? s.officerId : null,
      channel: received ? ('app' as const) : null,
      next_alert_at: received ? null : s.at(visit.until + 15),
    };
  });
  const home = { visit_id: null, due_at: s.at(s.plan.homeIn), next_alert_at: s.at(s.plan.homeIn + 15) };
  await s.trx
    .insertInto('check_in_due')
    .values(
      [...owed, home].map((row) => ({ council_id: s.councilId, id: s.id(), plan_id: s.planId, ...row })),
    )
    .execute();
  const { deviation } = s.plan;
  const changes = [
    { kind: 'shared' as const, detail: `${s.plan.visits.length} visits`, changed_at: minutes(s.now, -180) },
    ...(deviation
      ? [{ kind: 'deviation' as const, detail: deviation.detail, changed_at: s.at(deviation.at) }]
      : []),
  ];
  await s.trx
    .insertInto('plan_change')
    .values(
      changes.map((change) => ({
        council_id: s.councilId,
        id: s.id(),
        plan_id: s.planId,
        changed_by: s.officerId,
        ...change,
      })),
    )
    .execute();
}

async function seedPlan(
  trx: Kysely<Database>,
  councilId: string,
  plan: DemoPlan,
  ids: ReadonlyMap<string, string>,
  now: Date,
) {
  let sequence = 0;
  const id = () => uuidv7(now.getTime() + sequence++);
  const at = (offset: number) => minutes(now, offset + (plan.tomorrow ? 24 * 60 : 0));
  const seeding: Seeding = {
    trx,
    councilId,
    plan,
    ids,
    now,
    planId: id(),
    officerId: ids.get(plan.officer) ?? '',
    at,
    id,
  };
  if (!(await insertPlan(seeding))) return;
  const visitIds: string[] = [];
  for (const [position, visit] of plan.visits.entries())
    visitIds.push(await insertVisit(seeding, visit, position));
  if (plan.shared) await insertTour(seeding, visitIds);
}

async function seedRegisters(
  deps: SeedDeps,
  councilId: string,
  ports: DemoPorts,
  ids: ReadonlyMap<string, string>,
) {
  const cautions = await deps.riskRegister.cautionsAt(councilId, { address: flaggedAddress.address });
  if (!cautions.length)
    await deps.riskRegister.add(await principalByEmail(deps.db, councilId, demoEmails.lead), flaggedAddress);
  const kelly = ids.get(demoEmails.kelly) ?? '';
  const party = {
    name: declaredRelative.customerName,
    address: declaredRelative.customerAddress,
    accountRef: declaredRelative.accountReference,
  };
  if (!(await ports.hasDeclared(councilId, kelly, party)))
    await ports.declareKnownCustomer(
      await principalByEmail(deps.db, councilId, demoEmails.kelly),
      declaredRelative,
    );
}

export async function seedDemoDay(deps: SeedDeps, councilId: string, ports: DemoPorts) {
  const now = deps.clock.now();
  const people = await Promise.all(
    Object.values(demoEmails).map((email) => principalByEmail(deps.db, councilId, email)),
  );
  const ids = new Map(people.map((person) => [person.email, person.personId]));
  await seedRegisters(deps, councilId, ports, ids);
  const today = await deps.db
    .selectFrom('visit_plan')
    .select('id')
    .where('council_id', '=', councilId)
    .where('officer_id', '=', ids.get(demoEmails.imran) ?? '')
    .where('plan_date', '=', londonDate(now))
    .executeTakeFirst();
  if (today) return false;
  await deps.db.transaction().execute(async (trx) => {
    for (const plan of demoPlans) await seedPlan(trx, councilId, plan, ids, now);
    await appendAudit(
      trx,
      systemActor(councilId),
      { action: 'visits.demo-day', recordType: 'visit-plan' },
      now,
    );
  });
  return true;
}
