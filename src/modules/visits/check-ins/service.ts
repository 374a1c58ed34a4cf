import type { Kysely } from 'kysely';
import { actorFor, appendAudit } from '../../../platform/audit/audit-trail.ts';
import type { Principal } from '../../../platform/auth/principal.ts';
import { londonDate, londonInstant } from '../../../platform/calendar/daylight.ts';
import type { Database } from '../../../platform/db/schema.ts';
import { InvalidInput, NotFound } from '../../../platform/errors.ts';
import { outOn, ownPlan, planFor } from '../access.ts';
import type { VisitsDeps } from '../context.ts';
import { alertContexts } from '../escalation/context.ts';
import { standDownMessages } from '../escalation/messages.ts';
import { escalationMinutes } from '../escalation/rules.ts';
import { sendAll } from '../escalation/service.ts';
import * as repo from '../repository.ts';

// Check-ins [000 out-of-hours]: the officer calls the responsible officer after each visit and on
// arriving home; here in one tap, or by telephone, the responsible officer recording the time of
// the call. A text message is not a check-in. A check-in received stops its escalation, and the
// alerts it raised are resolved.

const refuse = (key: string, message: string) => new InvalidInput([{ key, message }]);

export type CheckInResult = { receivedAt: Date; already: boolean };

type Receipt = { owedId: string; at: Date; by: string; channel: 'app' | 'phone' };

// One check-in owed of the plan.
async function owedOne(q: Kysely<Database>, plan: repo.Plan, owedId: string) {
  const row = await q
    .selectFrom('check_in_due')
    .selectAll()
    .where('council_id', '=', plan.councilId)
    .where('plan_id', '=', plan.id)
    .where('id', '=', owedId)
    .executeTakeFirst();
  return row ? repo.owedOf(row) : null;
}

// Records the check-in in one statement if it is still owed (not received, not dropped); the
// row's lock then holds until the transaction ends, as the sweep's does.
async function markReceived(trx: Kysely<Database>, plan: repo.Plan, receipt: Receipt) {
  const row = await trx
    .updateTable('check_in_due')
    .set({ received_at: receipt.at, received_by: receipt.by, channel: receipt.channel, next_alert_at: null })
    .where('council_id', '=', plan.councilId)
    .where('plan_id', '=', plan.id)
    .where('id', '=', receipt.owedId)
    .where('received_at', 'is', null)
    .where('cancelled_at', 'is', null)
    .returningAll()
    .executeTakeFirst();
  return row ? repo.owedOf(row) : null;
}

// Why a check-in was not recorded: received already (a second tap, which changes nothing), dropped
// with its visit, or not one of this plan's.
async function whyNotReceived(
  trx: Kysely<Database>,
  plan: repo.Plan,
  owedId: string,
): Promise<CheckInResult> {
  const owed = await owedOne(trx, plan, owedId);
  if (!owed) throw new NotFound('No such check-in');
  if (owed.receivedAt) return { receivedAt: owed.receivedAt, already: true };
  throw refuse('form', 'That visit was dropped from the plan: it needs no check-in');
}

// Marks the alerts raised for the check-in resolved; answers their levels. The sweep raises an
// alert and counts it in level_raised in one transaction, so none was raised while it is 0.
async function resolveAlerts(trx: Kysely<Database>, plan: repo.Plan, owed: repo.Owed, at: Date) {
  if (owed.levelRaised === 0) return [];
  const resolved = await trx
    .updateTable('visit_alert')
    .set({ resolved_at: at })
    .where('council_id', '=', plan.councilId)
    .where('cause_id', '=', owed.id)
    .where('resolved_at', 'is', null)
    .returning('level')
    .execute();
  return resolved.map((alert) => alert.level);
}

// Who to tell to stand down, read before the transaction (on the embedded database a read outside
// a transaction waits for it), whenever an alert for this check-in may have been raised: from a
// minute before its first alert time, so that a sweep in another process is never missed.
async function standDownContext(deps: VisitsDeps, plan: repo.Plan, owedId: string, now: Date) {
  const owed = await owedOne(deps.db, plan, owedId);
  if (!owed || owed.receivedAt) return null;
  const [first] = escalationMinutes(await deps.organisation.policy(plan.councilId));
  if (now.getTime() < owed.dueAt.getTime() + (first - 1) * 60_000) return null;
  return (await alertContexts(deps, plan.councilId, [plan.id])).get(plan.id) ?? null;
}

// Records the check-in once: a second tap, or a call recorded twice, changes nothing.
async function receive(
  deps: VisitsDeps,
  principal: Principal,
  plan: repo.Plan,
  receipt: Receipt,
  requestId?: string,
) {
  const now = deps.clock.now();
  const context = await standDownContext(deps, plan, receipt.owedId, now);
  return deps.db.transaction().execute(async (trx): Promise<CheckInResult> => {
    const owed = await markReceived(trx, plan, receipt);
    if (!owed) return whyNotReceived(trx, plan, receipt.owedId);
    const levels = await resolveAlerts(trx, plan, owed, receipt.at);
    if (context && levels.length)
      await sendAll(deps, trx, plan.councilId, standDownMessages(levels, context, receipt.at));
    await appendAudit(
      trx,
      actorFor(principal, requestId),
      {
        action: 'visit.check-in',
        recordType: 'check-in',
        recordId: owed.id,
        after: { planId: plan.id, visitId: owed.visitId, at: receipt.at, channel: receipt.channel },
      },
      now,
    );
    return { receivedAt: receipt.at, already: false };
  });
}

export async function checkIn(
  deps: VisitsDeps,
  principal: Principal,
  planId: string,
  owedId: string,
  requestId?: string,
) {
  const plan = await ownPlan(deps, principal, planId);
  if (!plan.sharedAt)
    throw refuse('form', 'Share your plan before you set out: check-ins start once it is shared');
  if (!outOn(plan, deps.clock.now()))
    throw refuse('form', 'Check-ins are for the plan you are out on: this plan is for another day');
  const receipt = { owedId, at: deps.clock.now(), by: principal.personId, channel: 'app' as const };
  return receive(deps, principal, plan, receipt, requestId);
}

// A check-in received by telephone, at the time of the call (HH:MM on the plan's day).
export async function recordCall(
  deps: VisitsDeps,
  principal: Principal,
  planId: string,
  call: { owedId: string; calledAt: string },
  requestId?: string,
) {
  const { plan } = await planFor(deps, principal, planId, 'take-call');
  if (!plan.sharedAt) throw refuse('form', 'The plan is not shared yet: check-ins start once it is');
  const now = deps.clock.now();
  if (plan.planDate > londonDate(now)) throw refuse('calledAt', 'This plan is for a day to come');
  const at = londonInstant(plan.planDate, call.calledAt);
  if (at > now) throw refuse('calledAt', 'The time of the call must not be in the future');
  if (plan.sharedAt && at < new Date(plan.sharedAt.getTime() - 60_000))
    throw refuse('calledAt', 'The time of the call must be after the plan was shared');
  return receive(
    deps,
    principal,
    plan,
    { owedId: call.owedId, at, by: principal.personId, channel: 'phone' },
    requestId,
  );
}
