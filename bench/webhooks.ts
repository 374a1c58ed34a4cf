import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { seedDemoCouncil } from '../src/modules/organisation/councils/demo.ts';
import { systemClock } from '../src/platform/clock.ts';
import { type DatabaseKind, openDatabase } from '../src/platform/db/connection.ts';
import { migrateToLatest } from '../src/platform/db/migrator.ts';
import { webhookDelivery } from '../src/platform/webhooks/delivery.ts';
import { emitWebhook } from '../src/platform/webhooks/emit.ts';
import { createEndpoint } from '../src/platform/webhooks/endpoints.ts';
import { webhookEventTypes } from '../src/platform/webhooks/rules.ts';
import { scratchServerDatabase } from './support.ts';

// 2,000 webhook events posted by two workers at once to a receiver on loopback (targets: every
// event once, and the queue drained in under 60 s), and the cost of a sweep with nothing due
// (target: under 5 ms at the median, as every process pays it every five seconds per council).

const events = 2_000;
const idleSweeps = 200;

async function receiver() {
  const ids: string[] = [];
  const server = createServer((request, response) => {
    ids.push(String(request.headers['webhook-id']));
    request.resume();
    request.on('end', () => response.end());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`;
  return { ids, url, close: () => new Promise((resolve) => server.close(resolve)) };
}

async function opened(kind: DatabaseKind) {
  const server = kind === 'postgres' ? await scratchServerDatabase(process.env.DATABASE_URL ?? '') : null;
  const database = await openDatabase(server ? { url: server.url } : { memory: true });
  await migrateToLatest(database.db);
  return {
    database,
    async close() {
      await database.close();
      await server?.drop();
    },
  };
}

export async function webhookDeliveries(kind: DatabaseKind) {
  const { database, close } = await opened(kind);
  const { db } = database;
  const listening = await receiver();
  try {
    const { councilId } = await seedDemoCouncil(db, systemClock);
    const actor = { councilId, personId: null, label: 'Bench' };
    const input = { url: listening.url, description: '', events: webhookEventTypes };
    await createEndpoint(db, actor, input, systemClock.now());
    for (let n = 0; n < events; n++)
      await db
        .transaction()
        .execute((trx) =>
          emitWebhook(trx, councilId, { type: 'complaint.received', data: { n } }, systemClock.now()),
        );
    const workers = [1, 2].map(() => webhookDelivery({ db, clock: systemClock, allowLoopback: true }));
    const started = performance.now();
    await Promise.all(workers.map((worker) => worker.deliverDue(councilId)));
    const drainMs = performance.now() - started;
    const sweeps: number[] = [];
    for (let n = 0; n < idleSweeps; n++) {
      const at = performance.now();
      await workers[0]?.deliverDue(councilId);
      sweeps.push(performance.now() - at);
    }
    sweeps.sort((a, b) => a - b);
    const once = new Set(listening.ids).size === events && listening.ids.length === events;
    console.log(`\nWebhook deliveries, ${events.toLocaleString('en-GB')} events, two workers, on ${kind}`);
    console.log(
      `  drained in ${(drainMs / 1000).toFixed(1)} s (${Math.round(events / (drainMs / 1000))} a second; target under 60 s); each once: ${once ? 'yes' : `NO (${listening.ids.length} posts)`}`,
    );
    console.log(
      `  sweep with nothing due: median ${sweeps[idleSweeps / 2]?.toFixed(2)} ms, p99 ${sweeps[Math.floor(idleSweeps * 0.99)]?.toFixed(2)} ms (target median under 5 ms)`,
    );
  } finally {
    await listening.close();
    await close();
  }
}
