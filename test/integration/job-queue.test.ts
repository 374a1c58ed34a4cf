import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type DatabaseHandle, type DatabaseKind, openDatabase } from '../../src/platform/db/connection.ts';
import { migrateToLatest } from '../../src/platform/db/migrator.ts';
import { openJobQueue } from '../../src/platform/jobs/queue.ts';
import { databaseKinds, freshDatabase } from '../support/databases.ts';

const due = { name: 'due-at-a-time' };

// A database that outlives the process using it: a folder for the embedded one, a server's database.
async function lasting(kind: DatabaseKind) {
  if (kind === 'postgres') {
    const handle = await freshDatabase('postgres');
    const reopen = async (): Promise<DatabaseHandle> => ({ ...handle, close: async () => {} });
    return { reopen, cleanUp: () => handle.close() };
  }
  const dataDir = await mkdtemp(join(tmpdir(), 'probity-queue-'));
  const reopen = async () => {
    const handle = await openDatabase({ dataDir });
    await migrateToLatest(handle.db);
    return handle;
  };
  return { reopen, cleanUp: () => rm(dataDir, { recursive: true, force: true }) };
}

// The queue the safety timers will use: a job due at a time is run within seconds of it, by a
// process started after the one that scheduled it had stopped.
describe.each(databaseKinds)('the durable job queue on %s', (kind) => {
  const cleanUps: (() => Promise<unknown>)[] = [];
  afterAll(async () => {
    for (const cleanUp of cleanUps) await cleanUp();
  });

  it('runs a job at its due time after a restart, once', async () => {
    const place = await lasting(kind);
    cleanUps.push(place.cleanUp);
    const fail = (error: Error) => {
      throw error;
    };

    const first = await place.reopen();
    const scheduling = await openJobQueue(first, [due], { upkeep: true, onError: fail });
    const dueAt = new Date(Date.now() + 4_000);
    await scheduling.boss.send(due.name, { alarm: 'check-in missed' }, { startAfter: dueAt });
    await scheduling.stop();
    await first.close();

    const second = await place.reopen();
    const running = await openJobQueue(second, [due], { upkeep: true, onError: fail });
    try {
      const ran: { at: number; data: unknown }[] = [];
      await running.boss.work(due.name, { pollingIntervalSeconds: 0.5 }, async ([job]) => {
        ran.push({ at: Date.now(), data: job?.data });
      });
      await expect.poll(() => ran.length, { timeout: 15_000, interval: 100 }).toBe(1);
      const lateMs = (ran[0]?.at ?? 0) - dueAt.getTime();
      console.log(`job queue on ${kind}: a job due after a restart ran ${lateMs} ms after its time`);
      expect(ran[0]?.data).toEqual({ alarm: 'check-in missed' });
      expect(lateMs).toBeGreaterThanOrEqual(0);
      expect(lateMs).toBeLessThan(3_000);
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      expect(ran).toHaveLength(1);
    } finally {
      await running.stop();
      await second.close();
    }
  }, 60_000);
});
