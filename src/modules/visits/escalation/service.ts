import type { Kysely } from 'kysely';
import { appendAudit } from '../../../platform/audit/audit-trail.ts';
import { uuidv7 } from '../../../platform/db/ids.ts';
import type { Database } from '../../../platform/db/schema.ts';
import type { EmailMessage } from '../../../platform/notify/mailer.ts';
import { systemActor } from '../access.ts';
import type { VisitsDeps } from '../context.ts';
import * as repo from '../repository.ts';
import type { AlertKind, AlertLevel } from '../tables.ts';
import { alertContexts, missedOf } from './context.ts';
import { type AlertContext, alertMessages, type Text } from './messages.ts';
import { escalationAt, escalationMinutes } from './rules.ts';

// The escalation of missed check-ins. Each check-in owed is its own durable timer (next_alert_at);
// every process sweeps for those due, and claims them with FOR UPDATE SKIP LOCKED, so that a level
// is raised once whichever process gets there, and one unique row per check-in and level is the
// last guard. Alerts go out through the outbox in the transaction that raises them: a process
// killed before it commits raises nothing, and the next sweep raises it again; one killed after
// has already handed the messages to the durable queue.

// How many check-ins one transaction of a sweep claims.
export const sweepBatch = 100;

export type Raised = { alertId: string; planId: string; kind: AlertKind; level: AlertLevel };

type Outgoing = { emails: EmailMessage[]; texts: Text[] };

// Inserts the alert unless it was raised already; answers whether this call raised it.
export async function raiseAlert(
  trx: Kysely<Database>,
  councilId: string,
  alert: { planId: string; causeId: string; kind: AlertKind; level: AlertLevel },
  now: Date,
): Promise<string | null> {
  const id = uuidv7(now.getTime());
  const inserted = await trx
    .insertInto('visit_alert')
    .values({
      council_id: councilId,
      id,
      plan_id: alert.planId,
      cause_id: alert.causeId,
      kind: alert.kind,
      level: alert.level,
      raised_at: now,
    })
    .onConflict((conflict) => conflict.columns(['council_id', 'cause_id', 'level']).doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!inserted) return null;
  await appendAudit(
    trx,
    systemActor(councilId),
    { action: 'visit-alert.raise', recordType: 'visit-alert', recordId: id, after: alert },
    now,
  );
  return id;
}

export async function sendAll(
  deps: VisitsDeps,
  trx: Kysely<Database>,
  councilId: string,
  outgoing: Outgoing,
) {
  await deps.outbox.enqueue(trx, councilId, ...outgoing.emails);
  await deps.outbox.enqueueSms(trx, councilId, ...outgoing.texts);
}

const alertLink = (deps: VisitsDeps, alertId: string) => `${deps.baseUrl}/visits/alerts/${alertId}`;

type Sweep = {
  councilId: string;
  minutes: ReturnType<typeof escalationMinutes>;
  // Check-ins whose alert someone has acknowledged: the next level is not raised.
  acknowledged: ReadonlySet<string>;
  now: Date;
};

// Raises the levels now due for one check-in owed, and moves its timer to the next level.
async function escalateOne(
  deps: VisitsDeps,
  trx: Kysely<Database>,
  owed: repo.Owed,
  context: AlertContext & { visits: repo.Visit[] },
  sweep: Sweep,
  outgoing: Outgoing,
) {
  const { councilId, now } = sweep;
  const stopped = sweep.acknowledged.has(owed.id);
  const { raise, nextAlertAt } = stopped
    ? { raise: [], nextAlertAt: null }
    : escalationAt(owed.dueAt, owed.levelRaised, now, sweep.minutes);
  const raised: Raised[] = [];
  for (const level of raise) {
    const cause = { planId: owed.planId, causeId: owed.id, kind: 'missed-check-in' as const, level };
    const alertId = await raiseAlert(trx, councilId, cause, now);
    if (!alertId) continue;
    raised.push({ alertId, planId: owed.planId, kind: 'missed-check-in', level });
    const messages = alertMessages(
      'missed-check-in',
      level,
      { ...context, missed: missedOf(owed, context.visits) },
      alertLink(deps, alertId),
    );
    outgoing.emails.push(...messages.emails);
    outgoing.texts.push(...messages.texts);
  }
  await trx
    .updateTable('check_in_due')
    .set({ level_raised: owed.levelRaised + raise.length, next_alert_at: nextAlertAt })
    .where('council_id', '=', councilId)
    .where('id', '=', owed.id)
    .execute();
  return raised;
}

async function acknowledgedCauses(trx: Kysely<Database>, councilId: string, causeIds: readonly string[]) {
  if (!causeIds.length) return new Set<string>();
  const rows = await trx
    .selectFrom('visit_alert')
    .select('cause_id')
    .where('council_id', '=', councilId)
    .where('cause_id', 'in', causeIds)
    .where('acknowledged_at', 'is not', null)
    .execute();
  return new Set(rows.map((row) => row.cause_id));
}

// Claims the check-ins owed whose next alert is due, still unclaimed, unanswered and not dropped.
async function claimDue(trx: Kysely<Database>, councilId: string, ids: readonly string[], now: Date) {
  const rows = await trx
    .selectFrom('check_in_due')
    .selectAll()
    .where('council_id', '=', councilId)
    .where('id', 'in', ids)
    .where('next_alert_at', '<=', now)
    .where('received_at', 'is', null)
    .where('cancelled_at', 'is', null)
    .forUpdate()
    .skipLocked()
    .execute();
  return rows.map(repo.owedOf);
}

// One batch: the earliest check-ins due, claimed and escalated in one transaction. Answers the
// alerts raised, and whether there may be more due (a full batch, of which some were escalated).
async function sweepOnce(deps: VisitsDeps, councilId: string): Promise<{ raised: Raised[]; more: boolean }> {
  const now = deps.clock.now();
  const due = await deps.db
    .selectFrom('check_in_due')
    .select(['id', 'plan_id'])
    .where('council_id', '=', councilId)
    .where('next_alert_at', '<=', now)
    .orderBy('next_alert_at')
    .limit(sweepBatch)
    .execute();
  if (!due.length) return { raised: [], more: false };
  const minutes = escalationMinutes(await deps.organisation.policy(councilId));
  const contexts = await alertContexts(deps, councilId, [...new Set(due.map((row) => row.plan_id))]);
  return deps.db.transaction().execute(async (trx) => {
    const claimed = await claimDue(
      trx,
      councilId,
      due.map((row) => row.id),
      now,
    );
    const acknowledged = await acknowledgedCauses(
      trx,
      councilId,
      claimed.map((owed) => owed.id),
    );
    const outgoing: Outgoing = { emails: [], texts: [] };
    const raised: Raised[] = [];
    let escalated = 0;
    for (const owed of claimed) {
      const context = contexts.get(owed.planId);
      if (!context) continue;
      const sweep = { councilId, minutes, acknowledged, now };
      raised.push(...(await escalateOne(deps, trx, owed, context, sweep, outgoing)));
      escalated += 1;
    }
    await sendAll(deps, trx, councilId, outgoing);
    return { raised, more: due.length === sweepBatch && escalated > 0 };
  });
}

// One sweep of a council's check-in timers: batch after batch until none is left due (or another
// process holds those left), so that a burst of timers falling due together is not left waiting
// for later sweeps. Answers the alerts it raised.
export async function sweep(deps: VisitsDeps, councilId: string): Promise<Raised[]> {
  const raised: Raised[] = [];
  for (;;) {
    const batch = await sweepOnce(deps, councilId);
    raised.push(...batch.raised);
    if (!batch.more) return raised;
  }
}
