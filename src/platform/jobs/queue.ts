import { CompiledQuery, type Kysely } from 'kysely';
import { type ConstructorOptions, type Db, PgBoss, type Queue } from 'pg-boss';
import type { DatabaseHandle } from '../db/connection.ts';
import type { Database } from '../db/schema.ts';

// Durable jobs kept in the database (pg-boss, in its own schema `pgboss`): a job is written in the
// transaction of the change that causes it, claimed by one process at a time (SKIP LOCKED),
// retried with back-off when it fails, and taken up again after a process dies while running it.
export type JobQueue = { boss: PgBoss; stop(): Promise<void> };

export type QueueDefinition = { name: string } & Omit<Queue, 'name'>;

export async function openJobQueue(
  database: DatabaseHandle,
  queues: readonly QueueDefinition[],
  // The process that serves runs the queue's upkeep: expiring jobs whose process died, retention.
  options: { upkeep: boolean; onError(error: Error): void },
): Promise<JobQueue> {
  const boss = new PgBoss({
    ...connectionFor(database),
    supervise: options.upkeep,
    schedule: false,
    // Jobs whose process died are looked for every five seconds.
    superviseIntervalSeconds: 5,
    monitorIntervalSeconds: 5,
  });
  boss.on('error', options.onError);
  await boss.start();
  try {
    for (const { name, ...settings } of queues) {
      await boss.createQueue(name, settings);
      // A queue made by an earlier version takes today's settings.
      if (Object.keys(settings).length) await boss.updateQueue(name, settings);
    }
  } catch (error) {
    await boss.stop({ graceful: false, close: true });
    throw error;
  }
  return {
    boss,
    async stop() {
      await boss.stop({ graceful: true, timeout: 10_000, close: true });
    },
  };
}

// On PostgreSQL the queue has a small pool of its own. PGlite is one session, so the queue shares
// the application's pool of that one connection and never interleaves with a transaction.
function connectionFor(database: DatabaseHandle): ConstructorOptions {
  if (database.kind === 'postgres') return { connectionString: database.url, max: 3 };
  return { db: statementsOn(database.db), backend: 'pglite' };
}

// Runs pg-boss's statements through Kysely: parameterised ones as they are, and parameterless
// blocks of several statements through the simple protocol, whose rows the PGlite pool returns
// for every statement in the block.
function statementsOn(db: Kysely<Database>): Db {
  return {
    async executeSql(text: string, values?: unknown[]) {
      const result = await db.executeQuery(CompiledQuery.raw(text, values ?? []));
      return { rows: [...result.rows] };
    },
  };
}
