// The webhook outbox's delivery: retried with the same event id after a server error, given up
// after about a day of a receiver being down (time moved on the app's clock), sent again by hand,
// posted once however many processes sweep at once, and not lost when a process dies.
import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/platform/audit/audit-trail.ts';
import { emitWebhook } from '../../src/platform/webhooks/emit.ts';
import { createEndpoint, updateEndpoint } from '../../src/platform/webhooks/endpoints.ts';
import { webhookEventTypes } from '../../src/platform/webhooks/rules.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { demoClients, demoPersonId } from '../support/clients.ts';
import { databaseKinds } from '../support/databases.ts';
import { deadAddress, signatureVerifies, startWebhookReceiver } from '../support/webhook-receiver.ts';
import { worker } from '../support/webhooks.ts';

const minute = 60_000;
const hour = 60 * minute;

describe.each(databaseKinds)('webhook delivery on %s', (kind) => {
  let t: TestApp;
  let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
  let endpoint: { id: string; secret: string };
  let actor: Actor;
  const client = demoClients(() => t);

  beforeAll(async () => {
    t = await startTestApp(kind);
    receiver = await startWebhookReceiver();
    actor = {
      councilId: t.councilId,
      personId: await demoPersonId(t, 'chris.taylor'),
      label: 'Chris Taylor',
    };
    const input = { url: receiver.url, description: 'Housing CRM', events: webhookEventTypes };
    endpoint = await createEndpoint(t.db, actor, input, t.clock.now());
  });
  afterAll(async () => {
    await receiver.close();
    await t.close();
  });
  beforeEach(() => {
    receiver.received.length = 0;
  });

  // An event committed as a module commits it, in its own transaction.
  const emit = (reference: string) =>
    t.db
      .transaction()
      .execute((trx) =>
        emitWebhook(trx, t.councilId, { type: 'complaint.received', data: { reference } }, t.clock.now()),
      );
  const delivery = (reference: string) =>
    t.db
      .selectFrom('webhook_delivery as d')
      .innerJoin('webhook_event as v', (join) => join.onRef('v.id', '=', 'd.event_id'))
      .select(['d.id', 'd.state', 'd.attempts', 'd.next_attempt_at', 'v.id as event_id'])
      .where(sql<boolean>`v.data->>'reference' = ${reference}`)
      .executeTakeFirstOrThrow();
  const pointAt = (url: string) =>
    updateEndpoint(
      t.db,
      actor,
      endpoint.id,
      { url, description: 'Housing CRM', events: webhookEventTypes, enabled: true },
      t.clock.now(),
    );

  it('tries again after a 500 with the same webhook-id, and the log shows both attempts', async () => {
    receiver.answers.push(500);
    await emit('R-500');
    expect(await worker(t).deliverDue(t.councilId)).toBe(1);
    expect(await delivery('R-500')).toMatchObject({ state: 'retrying', attempts: 1 });
    // Not before its time (30 s, ±20 %).
    t.clock.advance(20_000);
    expect(await worker(t).deliverDue(t.councilId)).toBe(0);
    t.clock.advance(20_000);
    expect(await worker(t).deliverDue(t.councilId)).toBe(1);
    const [first, second] = receiver.received;
    expect(second?.headers['webhook-id']).toBe(first?.headers['webhook-id']);
    expect(second?.headers['webhook-timestamp']).not.toBe(first?.headers['webhook-timestamp']);
    expect(receiver.received.every((r) => signatureVerifies(endpoint.secret, r))).toBe(true);
    expect(await delivery('R-500')).toMatchObject({ state: 'delivered', attempts: 2, next_attempt_at: null });
    const log = (await (await client('chris.taylor')).get(`/admin/webhooks/${endpoint.id}/deliveries`)).body;
    expect(log).toContain('HTTP 500');
    expect(log).toContain('HTTP 200');
  });

  it('takes a 429 as "later" but a 410 as final', async () => {
    receiver.answers.push(429);
    await emit('R-429');
    await worker(t).deliverDue(t.councilId);
    expect((await delivery('R-429')).state).toBe('retrying');
    t.clock.advance(minute);
    await worker(t).deliverDue(t.councilId);
    expect((await delivery('R-429')).state).toBe('delivered');
    receiver.answers.push(410);
    await emit('R-410');
    await worker(t).deliverDue(t.councilId);
    expect(await delivery('R-410')).toMatchObject({ state: 'failed', attempts: 1 });
  });

  it('gives up on a receiver that is down after about a day, and sends again by hand', async () => {
    await pointAt(await deadAddress());
    await emit('R-down');
    const started = t.clock.now().getTime();
    let attempts = 0;
    for (let tries = 0; tries < 20 && (await delivery('R-down')).state !== 'failed'; tries++) {
      attempts += await worker(t).deliverDue(t.councilId);
      const next = (await delivery('R-down')).next_attempt_at;
      if (next) t.clock.advance(next.getTime() - t.clock.now().getTime());
    }
    const failed = await delivery('R-down');
    expect(failed).toMatchObject({ state: 'failed', attempts: 9, next_attempt_at: null });
    expect(attempts).toBe(9);
    const hours = (t.clock.now().getTime() - started) / hour;
    expect(hours).toBeGreaterThan(20);
    expect(hours).toBeLessThan(25);
    const tried = await t.db
      .selectFrom('webhook_attempt')
      .selectAll()
      .where('delivery_id', '=', failed.id)
      .execute();
    expect(tried.every((a) => a.status_code === null && a.error)).toBe(true);

    // The receiver is back; the administrator sends the failed event again, with the same id.
    await pointAt(receiver.url);
    client.forget(); // a day has passed: the administrator signs in again
    const admin = await client('chris.taylor');
    const log = await admin.get(`/admin/webhooks/${endpoint.id}/deliveries`);
    expect(log.body).toContain('Send again');
    const again = await admin.post(`/admin/webhooks/${endpoint.id}/deliveries/${failed.id}/send-again`);
    expect(again.statusCode).toBe(303);
    expect(await worker(t).deliverDue(t.councilId)).toBe(1);
    expect(receiver.received.map((r) => r.headers['webhook-id'])).toEqual([failed.event_id]);
    expect(await delivery('R-down')).toMatchObject({ state: 'delivered', attempts: 10 });
    // Sending again what was delivered does nothing.
    await admin.post(`/admin/webhooks/${endpoint.id}/deliveries/${failed.id}/send-again`);
    expect(await worker(t).deliverDue(t.councilId)).toBe(0);
  });

  it('posts each event once when two processes sweep at once', async () => {
    const references = Array.from({ length: 45 }, (_, n) => `R-both-${n}`);
    for (const reference of references) await emit(reference);
    const [one, two] = await Promise.all([
      worker(t).deliverDue(t.councilId),
      worker(t).deliverDue(t.councilId),
    ]);
    expect(one + two).toBe(45);
    const ids = receiver.received.map((r) => r.headers['webhook-id']);
    expect(ids).toHaveLength(45);
    expect(new Set(ids).size).toBe(45);
    expect(new Set(receiver.events().map((e) => e.data.reference))).toEqual(new Set(references));
  });

  it('delivers after a restart what was committed before the process died', async () => {
    // Committed, and the process killed before any worker ran: the next process's sweep sends it.
    await emit('R-killed');
    expect(await worker(t).deliverDue(t.councilId)).toBe(1);
    expect(receiver.events().map((e) => e.data.reference)).toEqual(['R-killed']);

    // Claimed by a process that died while posting: its claim holds for a minute, then another
    // process takes it, with the same id.
    receiver.received.length = 0;
    await emit('R-claimed');
    const claimed = await delivery('R-claimed');
    await t.db
      .updateTable('webhook_delivery')
      .set({ attempts: 1, next_attempt_at: new Date(t.clock.now().getTime() + minute) })
      .where('id', '=', claimed.id)
      .execute();
    expect(await worker(t).deliverDue(t.councilId)).toBe(0);
    t.clock.advance(minute);
    const job = t.jobs.find((j) => j.name === 'webhook deliveries');
    await job?.run();
    expect(receiver.received.map((r) => r.headers['webhook-id'])).toEqual([claimed.event_id]);
    expect(await delivery('R-claimed')).toMatchObject({ state: 'delivered', attempts: 2 });
  });
});
