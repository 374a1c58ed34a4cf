import type { Kysely } from 'kysely';
import { uuidv7 } from '../db/ids.ts';
import type { Database } from '../db/schema.ts';
import type { WebhookEventType } from './rules.ts';

// What an event carries: references and ids, never what a person wrote (no complaint text, no
// reasons), so a receiver reads the details it needs through the API with its own access.
export type WebhookData = Readonly<Record<string, string | number | boolean | null>>;

// Puts an event in the webhook outbox within the caller's transaction: one delivery for each of
// the council's enabled endpoints that takes events of this type. It is delivered once the
// transaction commits, and never if it rolls back. A council with no such endpoint stores nothing.
export async function emitWebhook(
  trx: Kysely<Database>,
  councilId: string,
  event: { type: WebhookEventType; data: WebhookData },
  now: Date,
): Promise<void> {
  const endpoints = await trx
    .selectFrom('webhook_endpoint')
    .select(['id', 'events'])
    .where('council_id', '=', councilId)
    .where('enabled', '=', true)
    .execute();
  const subscribed = endpoints.filter((endpoint) => endpoint.events.includes(event.type));
  if (subscribed.length === 0) return;
  const id = uuidv7(now.getTime());
  await trx
    .insertInto('webhook_event')
    .values({
      council_id: councilId,
      id,
      type: event.type,
      occurred_at: now,
      data: JSON.stringify(event.data),
    })
    .execute();
  await trx
    .insertInto('webhook_delivery')
    .values(
      subscribed.map((endpoint) => ({
        council_id: councilId,
        id: uuidv7(now.getTime()),
        endpoint_id: endpoint.id,
        event_id: id,
        next_attempt_at: now,
        created_at: now,
      })),
    )
    .execute();
}
