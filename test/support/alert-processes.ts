import type { ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect } from 'vitest';
import { seedDemoCouncil } from '../../src/modules/organisation/councils/demo.ts';
import { systemClock } from '../../src/platform/clock.ts';
import { type DatabaseHandle, openDatabase } from '../../src/platform/db/connection.ts';
import { migrateToLatest } from '../../src/platform/db/migrator.ts';
import { freshDatabase } from './databases.ts';
import { personIdByEmail } from './people.ts';
import { type ReceivedEmail, startSmtpServer } from './smtp.ts';
import { overdueCheckIns } from './visit-plans.ts';

// Probity in processes of its own over a database with missed check-ins pending, for the tests of
// alerts across killed processes, two processes and a mail relay outage.

const officers = ['kelly.morgan', 'bethany.cole', 'imran.siddiqui', 'owen.rees'];
const visitsEach = 3;
export const expected = officers.length * visitsEach;

export const kill = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null) resolve();
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });

export type Place = {
  env: Record<string, string>;
  dataDir: string;
  open(): Promise<DatabaseHandle>;
  cleanUp(): Promise<void>;
};

export async function embedded(): Promise<Place> {
  const dataDir = await mkdtemp(join(tmpdir(), 'probity-alerts-'));
  return {
    env: {},
    dataDir,
    open: () => openDatabase({ dataDir: join(dataDir, 'db') }),
    cleanUp: () => rm(dataDir, { recursive: true, force: true }),
  };
}

export async function server(): Promise<Place> {
  const handle = await freshDatabase('postgres', { migrate: false });
  if (handle.kind !== 'postgres') throw new Error('expected PostgreSQL');
  const dataDir = await mkdtemp(join(tmpdir(), 'probity-alerts-'));
  return {
    env: { DATABASE_URL: handle.url },
    dataDir,
    open: async () => handle,
    cleanUp: async () => {
      await handle.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

// The demo council with four officers' check-ins overdue: twelve first-level alerts pending.
export async function overdue(place: Place) {
  const database = await place.open();
  await migrateToLatest(database.db);
  const { councilId } = await seedDemoCouncil(database.db, systemClock);
  const email = (name: string) => `${name}@demo.probity.test`;
  const officerIds = await Promise.all(officers.map((name) => personIdByEmail(database.db, email(name))));
  const responsibleOfficerId = await personIdByEmail(database.db, email('dean.walsh'));
  await overdueCheckIns(database.db, councilId, {
    officerIds,
    responsibleOfficerId,
    visitsEach,
    now: new Date(),
  });
  if (database.kind === 'pglite') await database.close();
  return { councilId, database };
}

export const lateMail = (received: readonly ReceivedEmail[]) =>
  received.filter((mail) => mail.subject.startsWith('Late check-in:'));
export const duplicates = (received: readonly ReceivedEmail[]) =>
  received.length - new Set(received.map((mail) => mail.messageId)).size;

export async function alertRows(place: Place) {
  const database = await place.open();
  try {
    return await database.db.selectFrom('visit_alert').select(['cause_id', 'level']).execute();
  } finally {
    if (database.kind === 'pglite') await database.close();
  }
}

export async function waitForLateMail(received: readonly ReceivedEmail[], count: number, timeout = 60_000) {
  await expect
    .poll(() => lateMail(received).length, { timeout, interval: 250 })
    .toBeGreaterThanOrEqual(count);
}

export { exitOf, freePort, startProbityProcess } from './process.ts';
export { startSmtpServer } from './smtp.ts';

// What a file's tests made, removed after them, the last made first.
export function removedAfterAll(): (() => Promise<void>)[] {
  const cleanUps: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const cleanUp of cleanUps.reverse()) await cleanUp();
  });
  return cleanUps;
}

// A database with missed check-ins pending and a mail relay on loopback, for Probity processes.
export async function overdueWithRelay(make: () => Promise<Place>, cleanUps: (() => Promise<void>)[]) {
  const place = await make();
  cleanUps.push(place.cleanUp);
  const smtp = await startSmtpServer();
  cleanUps.push(smtp.close);
  await overdue(place);
  return { place, smtp, env: { ...place.env, EMAIL_TRANSPORT: 'smtp', SMTP_URL: smtp.url } };
}

export const places = process.env.DATABASE_URL ? { embedded, postgres: server } : { embedded };
