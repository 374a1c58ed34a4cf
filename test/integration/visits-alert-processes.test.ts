import type { ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { seedDemoCouncil } from '../../src/modules/organisation/councils/demo.ts';
import { systemClock } from '../../src/platform/clock.ts';
import { type DatabaseHandle, openDatabase } from '../../src/platform/db/connection.ts';
import { migrateToLatest } from '../../src/platform/db/migrator.ts';
import { freshDatabase } from '../support/databases.ts';
import { personIdByEmail } from '../support/people.ts';
import { exitOf, freePort, startProbityProcess } from '../support/process.ts';
import { type ReceivedEmail, startSmtpServer } from '../support/smtp.ts';
import { overdueCheckIns } from '../support/visit-plans.ts';

// The timers of missed check-ins live in the database: a process killed while one is pending
// loses nothing, the next process raises the alert once; two processes raise each alert once;
// a mail relay that is down delays the alerts, which all go when it returns.

const officers = ['kelly.morgan', 'bethany.cole', 'imran.siddiqui', 'owen.rees'];
const visitsEach = 3;
const expected = officers.length * visitsEach;

const kill = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null) resolve();
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });

type Place = {
  env: Record<string, string>;
  dataDir: string;
  open(): Promise<DatabaseHandle>;
  cleanUp(): Promise<void>;
};

async function embedded(): Promise<Place> {
  const dataDir = await mkdtemp(join(tmpdir(), 'probity-alerts-'));
  return {
    env: {},
    dataDir,
    open: () => openDatabase({ dataDir: join(dataDir, 'db') }),
    cleanUp: () => rm(dataDir, { recursive: true, force: true }),
  };
}

async function server(): Promise<Place> {
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
async function overdue(place: Place) {
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

const lateMail = (received: readonly ReceivedEmail[]) =>
  received.filter((mail) => mail.subject.startsWith('Late check-in:'));
const duplicates = (received: readonly ReceivedEmail[]) =>
  received.length - new Set(received.map((mail) => mail.messageId)).size;

async function alertRows(place: Place) {
  const database = await place.open();
  try {
    return await database.db.selectFrom('visit_alert').select(['cause_id', 'level']).execute();
  } finally {
    if (database.kind === 'pglite') await database.close();
  }
}

async function waitForLateMail(received: readonly ReceivedEmail[], count: number, timeout = 60_000) {
  await expect
    .poll(() => lateMail(received).length, { timeout, interval: 250 })
    .toBeGreaterThanOrEqual(count);
}

const places = process.env.DATABASE_URL ? { embedded, postgres: server } : { embedded };

describe.each(Object.entries(places))('missed check-in alerts across processes, on %s', (_, make) => {
  const cleanUps: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const cleanUp of cleanUps.reverse()) await cleanUp();
  });

  it('raises every pending alert once after the process is killed, twice over', async () => {
    const place = await make();
    cleanUps.push(place.cleanUp);
    const smtp = await startSmtpServer();
    cleanUps.push(smtp.close);
    await overdue(place);
    const env = { ...place.env, EMAIL_TRANSPORT: 'smtp', SMTP_URL: smtp.url };
    const port = await freePort();
    // Killed at random moments around the first sweep (five seconds after start).
    for (let round = 0; round < 2; round++) {
      const { child } = await startProbityProcess(place.dataDir, port, env);
      await new Promise((resolve) => setTimeout(resolve, 3_500 + Math.random() * 3_000));
      await kill(child);
    }
    const { child } = await startProbityProcess(place.dataDir, port, env);
    try {
      await waitForLateMail(smtp.received, expected);
      await new Promise((resolve) => setTimeout(resolve, 6_000));
    } finally {
      child.kill('SIGTERM');
      expect(await exitOf(child)).toBe(0);
    }
    const alerts = await alertRows(place);
    expect(alerts).toHaveLength(expected);
    expect(new Set(alerts.map((alert) => alert.cause_id)).size).toBe(expected);
    expect(alerts.every((alert) => alert.level === 'responsible')).toBe(true);
    // Each alert reached the relay; a message is sent twice only if a process died between the relay
    // taking it and Probity recording that (at most the batch in hand, per kill).
    expect(new Set(lateMail(smtp.received).map((mail) => mail.messageId)).size).toBe(expected);
    expect(duplicates(lateMail(smtp.received))).toBeLessThanOrEqual(2 * 10);
  }, 180_000);

  it('delivers every alert once the mail relay comes back', async () => {
    const place = await make();
    cleanUps.push(place.cleanUp);
    const smtpPort = await freePort();
    await overdue(place);
    const env = { ...place.env, EMAIL_TRANSPORT: 'smtp', SMTP_URL: `smtp://127.0.0.1:${smtpPort}` };
    const { child } = await startProbityProcess(place.dataDir, await freePort(), env);
    let smtp: Awaited<ReturnType<typeof startSmtpServer>> | null = null;
    try {
      // The relay is down while the alerts are raised (the first sweep runs five seconds after the
      // start) and their first attempts fail.
      await new Promise((resolve) => setTimeout(resolve, 20_000));
      smtp = await startSmtpServer(smtpPort);
      await waitForLateMail(smtp.received, expected, 90_000);
    } finally {
      child.kill('SIGTERM');
      expect(await exitOf(child)).toBe(0);
      await smtp?.close();
    }
    expect(smtp && duplicates(lateMail(smtp.received))).toBe(0);
    expect(await alertRows(place)).toHaveLength(expected);
  }, 180_000);
});

// Two processes can share only a server database: the embedded one belongs to one process.
const shared = process.env.DATABASE_URL ? ['postgres'] : [];

describe.each(shared)('missed check-in alerts with two processes on one %s database', () => {
  const cleanUps: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const cleanUp of cleanUps.reverse()) await cleanUp();
  });

  it('raises and sends each alert exactly once', async () => {
    const place = await server();
    cleanUps.push(place.cleanUp);
    const smtp = await startSmtpServer();
    cleanUps.push(smtp.close);
    await overdue(place);
    const env = { ...place.env, EMAIL_TRANSPORT: 'smtp', SMTP_URL: smtp.url };
    const ports = [await freePort(), await freePort()];
    const processes = await Promise.all(ports.map((port) => startProbityProcess(place.dataDir, port, env)));
    try {
      await waitForLateMail(smtp.received, expected);
      // Both sweep every five seconds: give either the chance to raise or send anything twice.
      await new Promise((resolve) => setTimeout(resolve, 11_000));
    } finally {
      for (const { child } of processes) child.kill('SIGTERM');
      for (const { child } of processes) expect(await exitOf(child)).toBe(0);
    }
    expect(await alertRows(place)).toHaveLength(expected);
    expect(lateMail(smtp.received)).toHaveLength(expected);
    expect(duplicates(smtp.received)).toBe(0);
  }, 120_000);
});
