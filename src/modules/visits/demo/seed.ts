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
import { type DemoPlan, declaredRelative, demoEmails, demoPlans, flaggedAddress } from './day.ts';

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

async function seedPlan(
  trx: Kysely<Database>,
  councilId: string,
  plan: DemoPlan,
  ids: ReadonlyMap<string, string>,
  now: Date,
) {
  const at = (offset: number) => minutes(now, offset + (plan.tomorrow ? 24 * 60 : 0));
  let sequence = 0;
  const id = () => uuidv7(now.getTime() + sequence++);
  const officerId = ids.get(plan.officer) ?? '';
  const planId = id();
  const shared = plan.shared ? minutes(now, -180) : null;
  // An officer who already has a plan that day (yesterday's plan for tomorrow) keeps it.
  const inserted = await trx
    .insertInto('visit_plan')
    .values({
      council_id: councilId,
      id: planId,
      officer_id: officerId,
      plan_date: londonDate(at(0)),
      responsible_officer_id: ids.get(demoEmails.coordinator) ?? '',
      home_by: at(plan.homeIn),
      shared_at: shared,
      created_by: officerId,
      created_at: minutes(now, -200),
      updated_at: now,
    })
    .onConflict((conflict) => conflict.columns(['council_id', 'officer_id', 'plan_date']).doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!inserted) return;
  for (const [position, visit] of plan.visits.entries()) {
    const visitId = id();
    const advised = approvals(plan, visit, ids.get(demoEmails.lead) ?? null, minutes(now, -190));
    await trx
      .insertInto('planned_visit')
      .values({
        council_id: councilId,
        id: visitId,
        plan_id: planId,
        position,
        address: visit.address,
        account_holder: visit.accountHolder,
        account_ref: visit.accountRef,
        purpose: visit.purpose,
        premises: visit.premises ?? 'domestic',
        trading_from: visit.trading?.[0] ?? null,
        trading_until: visit.trading?.[1] ?? null,
        planned_start: at(visit.from),
        planned_finish: at(visit.until),
        second_officer_id: visit.secondOfficer ? (ids.get(visit.secondOfficer) ?? null) : null,
        ...advised,
        created_at: minutes(now, -200),
      })
      .execute();
    if (!plan.shared) continue;
    const received = visit.checkedIn === undefined ? null : at(visit.checkedIn);
    await trx
      .insertInto('check_in_due')
      .values({
        council_id: councilId,
        id: id(),
        plan_id: planId,
        visit_id: visitId,
        due_at: at(visit.until),
        received_at: received,
        received_by: received ? officerId : null,
        channel: received ? 'app' : null,
        next_alert_at: received ? null : at(visit.until + 15),
      })
      .execute();
  }
  if (!plan.shared) return;
  await trx
    .insertInto('check_in_due')
    .values({
      council_id: councilId,
      id: id(),
      plan_id: planId,
      visit_id: null,
      due_at: at(plan.homeIn),
      next_alert_at: at(plan.homeIn + 15),
    })
    .execute();
  const changes = [
    { kind: 'shared' as const, detail: `${plan.visits.length} visits`, at: minutes(now, -180) },
    ...(plan.deviation
      ? [{ kind: 'deviation' as const, detail: plan.deviation.detail, at: at(plan.deviation.at) }]
      : []),
  ];
  for (const change of changes)
    await trx
      .insertInto('plan_change')
      .values({
        council_id: councilId,
        id: id(),
        plan_id: planId,
        kind: change.kind,
        detail: change.detail,
        changed_by: officerId,
        changed_at: change.at,
      })
      .execute();
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
