import type { Kysely } from 'kysely';
import { actorFor, appendAudit } from '../../../platform/audit/audit-trail.ts';
import type { Principal } from '../../../platform/auth/principal.ts';
import { clockTime } from '../../../platform/calendar/date-text.ts';
import { uuidv7 } from '../../../platform/db/ids.ts';
import type { Database } from '../../../platform/db/schema.ts';
import { NotFound } from '../../../platform/errors.ts';
import { lockedPlan, planFor } from '../access.ts';
import type { VisitsDeps } from '../context.ts';
import { escalationMinutes } from '../escalation/rules.ts';
import * as repo from '../repository.ts';
import { noteChange, owedAfter, resolveAlertsFor } from './changes.ts';
import type { VisitForm } from './input.ts';
import { moved } from './rules.ts';
import { changeablePlan, refuse, visitRow } from './service.ts';

// A plan's visits added, changed, dropped and re-ordered, and deviations from the route.

type VisitValues = Awaited<ReturnType<typeof visitRow>>;

// On a shared plan the checks run again for a visit added or changed: it is saved (the officer's
// whereabouts must be on the plan), and what it still needs is listed for the responsible officer
// at once and shown as "Not ready" on the plan. It must finish by the time the officer expects to
// be home, when the last check-in is owed.
async function checkedOnSharedPlan(
  deps: VisitsDeps,
  plan: repo.Plan,
  values: VisitValues,
  before: repo.Visit | null,
) {
  if (!plan.sharedAt) return [];
  if (values.planned_finish > plan.homeBy)
    throw refuse(
      'finish',
      'The visit must finish by the time you expect to be home, when your last check-in is due',
    );
  const moved = before !== null && before.address !== values.address;
  const retimed = before !== null && before.plannedFinish.getTime() !== values.planned_finish.getTime();
  const visit: repo.Visit = {
    id: before?.id ?? 'new',
    planId: plan.id,
    position: before?.position ?? 0,
    latitude: values.latitude,
    longitude: values.longitude,
    address: values.address,
    accountRef: values.account_ref,
    accountHolder: values.account_holder,
    customerId: before?.customerId ?? null,
    purpose: values.purpose,
    premises: values.premises,
    tradingFrom: values.trading_from,
    tradingUntil: values.trading_until,
    courtOrder: values.court_order,
    notes: values.notes,
    plannedStart: values.planned_start,
    plannedFinish: values.planned_finish,
    secondOfficerId: values.second_officer_id,
    advice: before && !moved ? before.advice : '',
    adviceBy: before && !moved ? before.adviceBy : null,
    adviceAt: null,
    authorisationReason: '',
    authorisedBy: before && !retimed ? before.authorisedBy : null,
    authorisedAt: null,
    droppedAt: null,
    droppedReason: '',
    addedAfterSharing: true,
  };
  return (await deps.checks.blockersOf(plan, [visit])).get(visit.id) ?? [];
}

// A visit's new values, what it still needs on a shared plan, and the escalation times its
// check-in will follow.
async function visitChange(
  deps: VisitsDeps,
  plan: repo.Plan,
  form: VisitForm,
  before: repo.Visit | null = null,
) {
  const values = await visitRow(deps, plan, form);
  const notReady = await checkedOnSharedPlan(deps, plan, values, before);
  return { values, notReady, minutes: escalationMinutes(await deps.organisation.policy(plan.councilId)) };
}

const notReadyText = (blockers: readonly string[]) =>
  blockers.length ? `. Not ready: ${blockers.join(' ')}` : '';

export async function addVisit(
  deps: VisitsDeps,
  principal: Principal,
  planId: string,
  form: VisitForm,
  requestId?: string,
) {
  const { plan, now } = await changeablePlan(deps, principal, planId);
  const { values, notReady, minutes } = await visitChange(deps, plan, form);
  const id = uuidv7(now.getTime());
  await deps.db.transaction().execute(async (trx) => {
    const locked = await lockedPlan(trx, plan.councilId, plan.id);
    const { count } = await trx
      .selectFrom('planned_visit')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .where('council_id', '=', plan.councilId)
      .where('plan_id', '=', plan.id)
      .executeTakeFirstOrThrow();
    const row = {
      council_id: plan.councilId,
      id,
      plan_id: plan.id,
      position: Number(count),
      ...values,
      added_after_sharing: locked.sharedAt !== null,
      created_at: now,
    };
    await trx.insertInto('planned_visit').values(row).execute();
    if (locked.sharedAt) await owedAfter(trx, locked, id, values.planned_finish, minutes, now);
    await noteChange(
      trx,
      locked,
      principal.personId,
      'visit-added',
      form.address + notReadyText(notReady),
      now,
    );
    await appendAudit(
      trx,
      actorFor(principal, requestId),
      { action: 'visit.add', recordType: 'planned-visit', recordId: id, after: row },
      now,
    );
  });
  return id;
}

async function liveVisit(trx: Kysely<Database>, plan: repo.Plan, visitId: string) {
  const found = await repo.visit(trx, plan.councilId, plan.id, visitId, true);
  if (!found) throw new NotFound('No such visit');
  if (found.droppedAt) throw refuse('form', 'This visit was dropped from the plan');
  return found;
}

// A visit changed: advice given for another address, or authorisation given for other times, no
// longer stands and must be asked for again.
export async function editVisit(
  deps: VisitsDeps,
  principal: Principal,
  planId: string,
  visitId: string,
  form: VisitForm,
  requestId?: string,
) {
  const { plan, now } = await changeablePlan(deps, principal, planId);
  const current = await repo.visit(deps.db, plan.councilId, plan.id, visitId);
  const { values, notReady, minutes } = await visitChange(deps, plan, form, current);
  await deps.db.transaction().execute(async (trx) => {
    const locked = await lockedPlan(trx, plan.councilId, plan.id);
    const before = await liveVisit(trx, locked, visitId);
    const moved = before.address !== values.address || before.accountHolder !== values.account_holder;
    const retimed =
      before.plannedStart.getTime() !== values.planned_start.getTime() ||
      before.plannedFinish.getTime() !== values.planned_finish.getTime();
    const cleared = {
      ...(moved ? { advice: '', advice_by: null, advice_at: null } : {}),
      ...(retimed ? { authorisation_reason: '', authorised_by: null, authorised_at: null } : {}),
    };
    await trx
      .updateTable('planned_visit')
      .set({ ...values, ...cleared })
      .where('council_id', '=', plan.councilId)
      .where('id', '=', visitId)
      .execute();
    if (locked.sharedAt && retimed)
      await owedAfter(trx, locked, visitId, values.planned_finish, minutes, now);
    // Every change moves the plan on (sharing checks what it shares) and is listed once shared.
    if (retimed)
      await noteChange(
        trx,
        locked,
        principal.personId,
        'retimed',
        `${values.address}: now ${clockTime(form.start)} to ${clockTime(form.finish)}${notReadyText(notReady)}`,
        now,
      );
    else
      await noteChange(
        trx,
        locked,
        principal.personId,
        'visit-changed',
        (moved ? `Now ${values.address} (was ${before.address})` : values.address) + notReadyText(notReady),
        now,
      );
    await appendAudit(
      trx,
      actorFor(principal, requestId),
      { action: 'visit.change', recordType: 'planned-visit', recordId: visitId, before, after: values },
      now,
    );
  });
}

export async function dropVisit(
  deps: VisitsDeps,
  principal: Principal,
  planId: string,
  visitId: string,
  reason: string,
  requestId?: string,
) {
  const { plan, now } = await changeablePlan(deps, principal, planId);
  await deps.db.transaction().execute(async (trx) => {
    const locked = await lockedPlan(trx, plan.councilId, plan.id);
    const found = await liveVisit(trx, locked, visitId);
    await dropInPlan(trx, locked, found, { reason, by: principal.personId, at: now });
    await appendAudit(
      trx,
      actorFor(principal, requestId),
      { action: 'visit.drop', recordType: 'planned-visit', recordId: visitId, after: { reason } },
      now,
    );
  });
}

// A visit dropped from its (locked) plan: it owes no check-in, unless one was already received;
// its alerts are resolved; the change is listed for the responsible officer.
export async function dropInPlan(
  trx: Kysely<Database>,
  plan: repo.Plan,
  visit: Pick<repo.Visit, 'id' | 'address'>,
  drop: { reason: string; by: string; at: Date },
) {
  const { reason, at } = drop;
  await trx
    .updateTable('planned_visit')
    .set({ dropped_at: at, dropped_reason: reason })
    .where('council_id', '=', plan.councilId)
    .where('id', '=', visit.id)
    .execute();
  const cancelled = await trx
    .updateTable('check_in_due')
    .set({ cancelled_at: at, next_alert_at: null })
    .where('council_id', '=', plan.councilId)
    .where('visit_id', '=', visit.id)
    .where('received_at', 'is', null)
    .where('cancelled_at', 'is', null)
    .returning('id')
    .execute();
  await resolveAlertsFor(
    trx,
    plan.councilId,
    cancelled.map((row) => row.id),
    at,
  );
  await noteChange(trx, plan, drop.by, 'visit-dropped', `${visit.address}: ${reason}`, at);
}

export async function moveVisit(
  deps: VisitsDeps,
  principal: Principal,
  planId: string,
  visitId: string,
  direction: 'earlier' | 'later',
  requestId?: string,
) {
  const { plan, now } = await changeablePlan(deps, principal, planId);
  await deps.db.transaction().execute(async (trx) => {
    const locked = await lockedPlan(trx, plan.councilId, plan.id);
    const visits = (await repo.visitsOf(trx, plan.councilId, [plan.id])).filter((visit) => !visit.droppedAt);
    const order = moved(
      visits.map((visit) => visit.id),
      visitId,
      direction,
    );
    if (!order) throw refuse('form', `That visit cannot move ${direction} in the route`);
    const positions = new Map(visits.map((visit) => [visit.id, visit.position]));
    const sorted = [...positions.values()].sort((a, b) => a - b);
    for (const [index, id] of order.entries())
      await trx
        .updateTable('planned_visit')
        .set({ position: sorted[index] ?? index })
        .where('council_id', '=', plan.councilId)
        .where('id', '=', id)
        .execute();
    const address = visits.find((visit) => visit.id === visitId)?.address ?? '';
    await noteChange(
      trx,
      locked,
      principal.personId,
      'reordered',
      `${address}: moved ${direction} in the route`,
      now,
    );
    await appendAudit(
      trx,
      actorFor(principal, requestId),
      { action: 'visit.move', recordType: 'planned-visit', recordId: visitId, after: { direction } },
      now,
    );
  });
}

// A deviation from the intended route, told to the base office [000].
export async function recordDeviation(
  deps: VisitsDeps,
  principal: Principal,
  planId: string,
  detail: string,
  requestId?: string,
) {
  const { plan } = await planFor(deps, principal, planId, 'change');
  const now = deps.clock.now();
  if (!plan.sharedAt) throw refuse('detail', 'Share the plan first: change the plan itself until then');
  await deps.db.transaction().execute(async (trx) => {
    const locked = await lockedPlan(trx, plan.councilId, plan.id);
    await noteChange(trx, locked, principal.personId, 'deviation', detail, now);
    await appendAudit(
      trx,
      actorFor(principal, requestId),
      { action: 'visit-plan.deviation', recordType: 'visit-plan', recordId: plan.id, after: { detail } },
      now,
    );
  });
}
