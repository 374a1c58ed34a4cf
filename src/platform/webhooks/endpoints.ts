import type { Kysely } from 'kysely';
import { type Actor, appendAudit } from '../audit/audit-trail.ts';
import { uuidv7 } from '../db/ids.ts';
import type { Database } from '../db/schema.ts';
import { InvalidInput } from '../errors.ts';
import { newSigningSecret, type WebhookEventType } from './rules.ts';

export type WebhookEndpoint = {
  id: string;
  url: string;
  description: string;
  events: WebhookEventType[];
  enabled: boolean;
  secretVersion: number;
  createdAt: Date;
  updatedAt: Date;
};

export type EndpointInput = { url: string; description: string; events: WebhookEventType[] };

const columns = [
  'id',
  'url',
  'description',
  'events',
  'enabled',
  'secret_version',
  'created_at',
  'updated_at',
] as const;

function endpointOf(row: {
  id: string;
  url: string;
  description: string;
  events: string[];
  enabled: boolean;
  secret_version: number;
  created_at: Date;
  updated_at: Date;
}): WebhookEndpoint {
  return {
    id: row.id,
    url: row.url,
    description: row.description,
    events: row.events as WebhookEventType[],
    enabled: row.enabled,
    secretVersion: row.secret_version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

// The council's endpoints, oldest first. The secrets never leave the database but in a delivery's
// signature and the one answer that makes or rotates them.
export async function listEndpoints(db: Kysely<Database>, councilId: string): Promise<WebhookEndpoint[]> {
  const rows = await db
    .selectFrom('webhook_endpoint')
    .select(columns)
    .where('council_id', '=', councilId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map(endpointOf);
}

export async function findEndpoint(db: Kysely<Database>, councilId: string, id: string) {
  const row = await db
    .selectFrom('webhook_endpoint')
    .select(columns)
    .where('council_id', '=', councilId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? endpointOf(row) : null;
}

// One endpoint for an address in a council: a second would be sent every event again. (Two made at
// the same moment meet the unique index webhook_endpoint_address.)
async function refuseTakenAddress(
  trx: Kysely<Database>,
  councilId: string,
  url: string,
  except: string | null,
) {
  let query = trx
    .selectFrom('webhook_endpoint')
    .select('id')
    .where('council_id', '=', councilId)
    .where('url', '=', url);
  if (except) query = query.where('id', '<>', except);
  if (await query.executeTakeFirst())
    throw new InvalidInput([{ key: 'url', message: 'An endpoint for this address is already registered' }]);
}

// Registers an endpoint; its signing secret is in this answer only.
export async function createEndpoint(
  db: Kysely<Database>,
  actor: Actor,
  input: EndpointInput,
  now: Date,
): Promise<{ id: string; secret: string }> {
  const id = uuidv7(now.getTime());
  const secret = newSigningSecret();
  await db.transaction().execute(async (trx) => {
    await refuseTakenAddress(trx, actor.councilId, input.url, null);
    await trx
      .insertInto('webhook_endpoint')
      .values({ council_id: actor.councilId, id, ...input, secret, created_at: now, updated_at: now })
      .execute();
    const after = { ...input, enabled: true };
    await appendAudit(
      trx,
      actor,
      { action: 'webhook.created', recordType: 'webhook', recordId: id, after },
      now,
    );
  });
  return { id, secret };
}

// Changes an endpoint's address, events or whether it is enabled; null when there is none.
export async function updateEndpoint(
  db: Kysely<Database>,
  actor: Actor,
  id: string,
  input: EndpointInput & { enabled: boolean },
  now: Date,
): Promise<WebhookEndpoint | null> {
  return db.transaction().execute(async (trx) => {
    const before = await findEndpoint(trx, actor.councilId, id);
    if (!before) return null;
    await refuseTakenAddress(trx, actor.councilId, input.url, id);
    await trx
      .updateTable('webhook_endpoint')
      .set({ ...input, updated_at: now })
      .where('council_id', '=', actor.councilId)
      .where('id', '=', id)
      .execute();
    const was = {
      url: before.url,
      description: before.description,
      events: before.events,
      enabled: before.enabled,
    };
    await appendAudit(
      trx,
      actor,
      { action: 'webhook.changed', recordType: 'webhook', recordId: id, before: was, after: input },
      now,
    );
    return { ...before, ...input, updatedAt: now };
  });
}

export const secretChanged =
  'The secret was replaced, or the endpoint changed, at the same moment: the secret shown then is the one in use';

// Replaces an endpoint's signing secret at once; the new one is in this answer only. Given the
// version of the secret the page showed (`replacing`), it replaces only that one: of two clicks at
// once the second is refused ('changed'), since the secret it would show would be out of use.
export async function rotateSecret(
  db: Kysely<Database>,
  actor: Actor,
  id: string,
  now: Date,
  replacing?: number,
): Promise<string | 'changed' | null> {
  const secret = newSigningSecret();
  return db.transaction().execute(async (trx) => {
    let update = trx
      .updateTable('webhook_endpoint')
      .set((eb) => ({ secret, secret_version: eb('secret_version', '+', 1), updated_at: now }))
      .where('council_id', '=', actor.councilId)
      .where('id', '=', id);
    if (replacing !== undefined) update = update.where('secret_version', '=', replacing);
    const rotated = await update.returning(['url']).executeTakeFirst();
    if (!rotated) return (await findEndpoint(trx, actor.councilId, id)) ? 'changed' : null;
    const after = { url: rotated.url };
    await appendAudit(
      trx,
      actor,
      { action: 'webhook.secret-rotated', recordType: 'webhook', recordId: id, after },
      now,
    );
    return secret;
  });
}
