import type { ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { seedDemoCouncil } from '../src/modules/organisation/councils/demo.ts';
import { systemClock } from '../src/platform/clock.ts';
import { openDatabase } from '../src/platform/db/connection.ts';
import { migrateToLatest } from '../src/platform/db/migrator.ts';
import { startSmtpServer } from '../test/support/smtp.ts';
import { scratchServerDatabase, startProbity, stop } from './support.ts';
import { summary } from './visits.ts';
import { addFieldTeams, fillPendingTimers, uuidOf } from './visits-data.ts';

// 10,000 check-ins owed whose first alerts fall due over one minute on the real clock, swept by
// two Probity processes as they run for real (`node src/main.ts serve`, their jobs on their
// timers), alert emails going to an SMTP server on loopback. Target: each alert raised within
// 30 s of its time at p99, and raised once.

const timers = 10_000;
const officers = 2_000;
const windowMs = 60_000;
const responsibleMinutes = 15;
const processes = 2;
// The bench's own plans (the demo council has a day of its own under way).
const planIds = Array.from({ length: officers }, (_, index) => uuidOf('8d00', index + 1));

type Arrivals = { byAlert: Map<string, number>; stop(): void };

// When each alert's email reached the SMTP server, by the alert's id in the link it carries.
function watchArrivals(smtp: Awaited<ReturnType<typeof startSmtpServer>>): Arrivals {
  const byAlert = new Map<string, number>();
  let seen = 0;
  const timer = setInterval(() => {
    const now = Date.now();
    for (const mail of smtp.received.slice(seen)) {
      const alertId = /\/visits\/alerts\/([0-9a-f-]{36})/.exec(mail.text)?.[1];
      if (alertId && !byAlert.has(alertId)) byAlert.set(alertId, now);
    }
    seen = smtp.received.length;
  }, 50);
  return { byAlert, stop: () => clearInterval(timer) };
}

type Database = Awaited<ReturnType<typeof openDatabase>>;

async function alertsRaised(database: Database) {
  const { rows } = await sql<{ id: string; late_ms: number; due_ms: number }>`
    select a.id, extract(epoch from a.raised_at - c.due_at - ${`${responsibleMinutes} minutes`}::interval) * 1000 as late_ms,
      extract(epoch from c.due_at + ${`${responsibleMinutes} minutes`}::interval) * 1000 as due_ms
    from visit_alert a join check_in_due c on c.council_id = a.council_id and c.id = a.cause_id
    where a.kind = 'missed-check-in' and a.level = 'responsible' and c.visit_id is not null
      and c.plan_id = any(${planIds}::uuid[])`.execute(database.db);
  return rows.map((row) => ({ id: row.id, lateMs: Number(row.late_ms), dueMs: Number(row.due_ms) }));
}

// Waits until every alert is raised and its email has arrived, or two minutes past the window.
async function awaitAlerts(database: Database, arrivals: Arrivals, until: number) {
  let raised = await alertsRaised(database);
  while (Date.now() < until && (raised.length < timers || arrivals.byAlert.size < timers)) {
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    raised = await alertsRaised(database);
  }
  return raised;
}

async function duplicates(database: Database) {
  const { rows } = await sql<{ alerts: number; emails: number }>`
    select (select count(*)::int from (select 1 from visit_alert group by council_id, cause_id, level
              having count(*) > 1) d) as alerts,
      (select count(*)::int from (select 1 from outbound_email where subject like 'Late check-in:%'
              group by body having count(*) > 1) e) as emails`.execute(database.db);
  return rows[0] ?? { alerts: Number.NaN, emails: Number.NaN };
}

function report(
  raised: Awaited<ReturnType<typeof alertsRaised>>,
  arrivals: Arrivals,
  dupes: { alerts: number; emails: number },
) {
  const late = summary(raised.map((alert) => alert.lateMs / 1000));
  const mailed = raised.flatMap((alert) => {
    const at = arrivals.byAlert.get(alert.id);
    return at === undefined ? [] : [(at - alert.dueMs) / 1000];
  });
  const email = summary(mailed);
  const s = (value: number) => `${value.toFixed(1)} s`;
  console.log(
    `  alerts raised: ${raised.length.toLocaleString('en-GB')} of ${timers.toLocaleString('en-GB')}; raised twice: ${dupes.alerts}; emails sent twice: ${dupes.emails}`,
  );
  console.log(
    `  raised after its time: p50 ${s(late.p50)}, p99 ${s(late.p99)}, max ${s(late.max)}; p99 target < 30 s: ${late.p99 < 30 && raised.length === timers ? 'met' : 'MISSED'}`,
  );
  console.log(
    `  email at the SMTP server after the alert's time (${mailed.length.toLocaleString('en-GB')} arrived): p50 ${s(email.p50)}, p99 ${s(email.p99)}, max ${s(email.max)}`,
  );
}

export async function visitTimers() {
  const server = await scratchServerDatabase(process.env.DATABASE_URL ?? '');
  const smtp = await startSmtpServer();
  const dataDir = await mkdtemp(join(tmpdir(), 'probity-bench-timers-'));
  const children: ChildProcess[] = [];
  const arrivals = watchArrivals(smtp);
  try {
    const database = await openDatabase({ url: server.url });
    await migrateToLatest(database.db);
    const { councilId } = await seedDemoCouncil(database.db, systemClock);
    await addFieldTeams(database.db, councilId, officers);
    // Due from 30 s on: after the processes have started and swept once.
    const from = new Date(Date.now() + 30_000);
    await fillPendingTimers(database.db, councilId, { officers, timers, from, windowMs, responsibleMinutes });
    const env = { DATABASE_URL: server.url, EMAIL_TRANSPORT: 'smtp', SMTP_URL: smtp.url, DATA_DIR: dataDir };
    for (let n = 0; n < processes; n++) children.push((await startProbity(env)).child);
    console.log(
      `\nMissed check-in timers, ${timers.toLocaleString('en-GB')} falling due over ${windowMs / 1000} s, ${processes} Probity processes sweeping, on PostgreSQL`,
    );
    const raised = await awaitAlerts(database, arrivals, from.getTime() + windowMs + 120_000);
    report(raised, arrivals, await duplicates(database));
    await database.close();
  } finally {
    arrivals.stop();
    for (const child of children) await stop(child);
    await smtp.close();
    await server.drop();
    await rm(dataDir, { recursive: true, force: true });
  }
}
