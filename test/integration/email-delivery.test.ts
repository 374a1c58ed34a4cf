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
import { contractor } from '../support/interests.ts';
import { personIdByEmail, tokenFor } from '../support/people.ts';
import { exitOf, freePort, startProbityProcess } from '../support/process.ts';
import { type ReceivedEmail, startSmtpServer } from '../support/smtp.ts';

const kill = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null) resolve();
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });

// A council whose officer can declare over the API; every declaration emails their reviewer.
async function councilWithToken(database: DatabaseHandle) {
  await migrateToLatest(database.db);
  const { councilId } = await seedDemoCouncil(database.db, systemClock);
  const personId = await personIdByEmail(database.db, 'liam.barker@demo.probity.test');
  return tokenFor(database.db, councilId, personId);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// Declares from three writers while `going()` says so, adding the references of the declarations
// Probity acknowledged to `acknowledged`; a writer stops when Probity no longer answers.
async function declareWhile(port: number, token: string, acknowledged: string[], going: () => boolean) {
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const writers = Array.from({ length: 3 }, async () => {
    while (going()) {
      try {
        const response = await fetch(`http://127.0.0.1:${port}/api/v1/declarations`, {
          method: 'POST',
          headers,
          body: JSON.stringify(contractor),
        });
        if (response.status === 201)
          acknowledged.push(((await response.json()) as { reference: string }).reference);
      } catch {
        return;
      }
    }
  });
  await Promise.all(writers);
}

// Declares until Probity is killed, at a random moment once this round has had two declarations
// acknowledged, however busy the machine: every round is killed in the middle of the work.
async function declareUntilKilled(port: number, token: string, child: ChildProcess): Promise<string[]> {
  const acknowledged: string[] = [];
  let killedAt = 0;
  const killer = async () => {
    await sleep(300 + Math.random() * 1200);
    const latest = Date.now() + 60_000;
    while (acknowledged.length < 2 && Date.now() < latest) await sleep(20);
    await kill(child);
    killedAt = Date.now();
  };
  await Promise.all([
    declareWhile(port, token, acknowledged, () => !killedAt || Date.now() < killedAt + 200),
    killer(),
  ]);
  return acknowledged;
}

const reviewEmails = (received: readonly ReceivedEmail[], reference: string) =>
  received.filter(
    (mail) =>
      mail.subject.startsWith('Declaration of interest to review') && mail.subject.includes(reference),
  );

async function waitForEmails(received: readonly ReceivedEmail[], references: readonly string[]) {
  await expect
    .poll(() => references.filter((reference) => reviewEmails(received, reference).length === 0), {
      timeout: 90_000,
      interval: 250,
    })
    .toEqual([]);
}

const duplicates = (received: readonly ReceivedEmail[]) => {
  const seen = new Map<string, number>();
  for (const mail of received) seen.set(mail.messageId, (seen.get(mail.messageId) ?? 0) + 1);
  return [...seen.values()].filter((count) => count > 1).length;
};

type Where = { env: Record<string, string>; dataDir: string; database: () => Promise<DatabaseHandle> };

async function embedded(): Promise<Where & { cleanUp(): Promise<void> }> {
  const dataDir = await mkdtemp(join(tmpdir(), 'probity-email-'));
  return {
    env: {},
    dataDir,
    database: () => openDatabase({ dataDir: join(dataDir, 'db') }),
    cleanUp: () => rm(dataDir, { recursive: true, force: true }),
  };
}

async function server(): Promise<Where & { cleanUp(): Promise<void> }> {
  const handle = await freshDatabase('postgres', { migrate: false });
  if (handle.kind !== 'postgres') throw new Error('expected PostgreSQL');
  const dataDir = await mkdtemp(join(tmpdir(), 'probity-email-'));
  return {
    env: { DATABASE_URL: handle.url },
    dataDir,
    database: async () => handle,
    cleanUp: async () => {
      await handle.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

const places = process.env.DATABASE_URL ? { embedded, postgres: server } : { embedded };
const rounds = 3;

describe.each(Object.entries(places))('email when Probity is killed, on %s', (_, place) => {
  const cleanUps: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const cleanUp of cleanUps) await cleanUp();
  });

  it(`sends the email of every acknowledged change, ${rounds} kills over`, async () => {
    const where = await place();
    cleanUps.push(where.cleanUp);
    const smtp = await startSmtpServer();
    cleanUps.push(smtp.close);
    const setUp = await where.database();
    const token = await councilWithToken(setUp);
    if (!('url' in setUp)) await setUp.close();
    const env = { ...where.env, EMAIL_TRANSPORT: 'smtp', SMTP_URL: smtp.url, API_RATE_LIMIT: '100000' };
    const port = await freePort();

    const acknowledged: string[] = [];
    for (let round = 1; round <= rounds; round++) {
      const { child } = await startProbityProcess(where.dataDir, port, env);
      acknowledged.push(...(await declareUntilKilled(port, token, child)));
    }
    expect(acknowledged.length).toBeGreaterThan(rounds);

    const { child } = await startProbityProcess(where.dataDir, port, env);
    try {
      await waitForEmails(smtp.received, acknowledged);
    } finally {
      child.kill('SIGTERM');
      expect(await exitOf(child)).toBe(0);
    }
    // A message is sent twice only if a process dies between the relay taking it and Probity
    // recording that; each kill can catch at most the two messages a process sends at once.
    expect(duplicates(smtp.received)).toBeLessThanOrEqual(rounds * 2);
  }, 240_000);
});

// Two processes can share only a server database: the embedded one belongs to one process.
const shared = process.env.DATABASE_URL ? ['postgres'] : [];

describe.each(shared)('email with two processes on one %s database', () => {
  const cleanUps: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const cleanUp of cleanUps) await cleanUp();
  });

  it('sends each message exactly once', async () => {
    const where = await server();
    cleanUps.push(where.cleanUp);
    const smtp = await startSmtpServer();
    cleanUps.push(smtp.close);
    const token = await councilWithToken(await where.database());
    const env = { ...where.env, EMAIL_TRANSPORT: 'smtp', SMTP_URL: smtp.url, API_RATE_LIMIT: '100000' };
    const ports = [await freePort(), await freePort()];
    const processes = await Promise.all(ports.map((port) => startProbityProcess(where.dataDir, port, env)));
    try {
      // Two seconds of declarations, and at least five, however busy the machine.
      const made: string[] = [];
      const until = Date.now() + 2_000;
      const latest = Date.now() + 60_000;
      const going = () => Date.now() < until || (made.length < 5 && Date.now() < latest);
      await Promise.all(ports.map((port) => declareWhile(port, token, made, going)));
      expect(made.length).toBeGreaterThan(4);
      await waitForEmails(smtp.received, made);
      // Both processes poll every second: give either the chance to send anything twice.
      await sleep(2_500);
      // Every message in the outbox is sent, the scheduled ones (the daily task emails) as well.
      const outboxCount = async () =>
        Number(
          (
            await (
              await where.database()
            ).db
              .selectFrom('outbound_email')
              .select((eb) => eb.fn.countAll<number>().as('count'))
              .executeTakeFirstOrThrow()
          ).count,
        );
      for (let waited = 0; smtp.received.length < (await outboxCount()) && waited < 30_000; waited += 500)
        await sleep(500);
      expect(smtp.received).toHaveLength(await outboxCount());
      expect(duplicates(smtp.received)).toBe(0);
    } finally {
      for (const { child } of processes) child.kill('SIGTERM');
      for (const { child } of processes) expect(await exitOf(child)).toBe(0);
    }
  }, 120_000);
});
