import type { Kysely } from 'kysely';
import { type Actor, appendAudit } from '../audit/audit-trail.ts';
import { sameCouncil } from '../db/same-council.ts';
import type { Database } from '../db/schema.ts';
import type { DeliveryState } from './tables.ts';

export type DeliveryAttempt = {
  attempt: number;
  startedAt: Date;
  durationMs: number;
  statusCode: number | null;
  error: string | null;
};

export type WebhookDelivery = {
  id: string;
  eventId: string;
  type: string;
  occurredAt: Date;
  state: DeliveryState;
  nextAttemptAt: Date | null;
  deliveredAt: Date | null;
  attempts: DeliveryAttempt[];
};

// An endpoint's deliveries, newest first, each with its attempts in order: the delivery log.
export async function listDeliveries(
  db: Kysely<Database>,
  councilId: string,
  endpointId: string,
  limit: number,
): Promise<WebhookDelivery[]> {
  const rows = await db
    .selectFrom('webhook_delivery as d')
    .innerJoin('webhook_event as v', sameCouncil('v.id', 'd.event_id'))
    .select([
      'd.id',
      'd.event_id',
      'v.type',
      'v.occurred_at',
      'd.state',
      'd.next_attempt_at',
      'd.delivered_at',
    ])
    .where('d.council_id', '=', councilId)
    .where('d.endpoint_id', '=', endpointId)
    .orderBy('d.created_at', 'desc')
    .orderBy('d.id', 'desc')
    .limit(limit)
    .execute();
  const ids = rows.map((row) => row.id);
  const attempts = ids.length
    ? await db
        .selectFrom('webhook_attempt')
        .selectAll()
        .where('council_id', '=', councilId)
        .where('delivery_id', 'in', ids)
        .orderBy('attempt')
        .execute()
    : [];
  return rows.map((row) => ({
    id: row.id,
    eventId: row.event_id,
    type: row.type,
    occurredAt: row.occurred_at,
    state: row.state,
    nextAttemptAt: row.next_attempt_at,
    deliveredAt: row.delivered_at,
    attempts: attempts
      .filter((a) => a.delivery_id === row.id)
      .map((a) => ({
        attempt: a.attempt,
        startedAt: a.started_at,
        durationMs: a.duration_ms,
        statusCode: a.status_code,
        error: a.error,
      })),
  }));
}

// Sends a failed delivery again, with the same event id, at the next sweep and with a new round of
// retries; false when it is not a failed delivery of this endpoint.
export async function sendAgain(
  db: Kysely<Database>,
  actor: Actor,
  ids: { endpointId: string; deliveryId: string },
  now: Date,
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const again = await trx
      .updateTable('webhook_delivery')
      .set((eb) => ({ state: 'pending', next_attempt_at: now, round_from: eb.ref('attempts') }))
      .where('council_id', '=', actor.councilId)
      .where('endpoint_id', '=', ids.endpointId)
      .where('id', '=', ids.deliveryId)
      .where('state', '=', 'failed')
      .returning(['event_id'])
      .executeTakeFirst();
    if (!again) return false;
    await appendAudit(
      trx,
      actor,
      {
        action: 'webhook.delivery-sent-again',
        recordType: 'webhook',
        recordId: ids.endpointId,
        after: { deliveryId: ids.deliveryId, eventId: again.event_id },
      },
      now,
    );
    return true;
  });
}

// The log keeps a delivery this long after its event: long enough to answer "did it arrive?".
export const deliveryLogDays = 30;

// Removes events, with their deliveries and attempts, older than the log keeps, once none of their
// deliveries is still to be tried; returns how many events.
export async function removeOldWebhookEvents(db: Kysely<Database>, now: Date): Promise<number> {
  const before = new Date(now.getTime() - deliveryLogDays * 24 * 60 * 60 * 1000);
  const result = await db
    .deleteFrom('webhook_event as v')
    .where('v.occurred_at', '<', before)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('webhook_delivery as d')
            .select('d.id')
            .whereRef('d.council_id', '=', 'v.council_id')
            .whereRef('d.event_id', '=', 'v.id')
            .where('d.state', 'in', ['pending', 'retrying']),
        ),
      ),
    )
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
