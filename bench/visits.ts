import type { ChildProcess } from 'node:child_process';
import { sql } from 'kysely';
import { seedDemoCouncil } from '../src/modules/organisation/councils/demo.ts';
import { startSession } from '../src/platform/auth/sessions.ts';
import { systemClock } from '../src/platform/clock.ts';
import { openDatabase } from '../src/platform/db/connection.ts';
import { migrateToLatest } from '../src/platform/db/migrator.ts';
import {
  firstVisit,
  load,
  loadFigures,
  peakMemoryMb,
  scratchServerDatabase,
  startProbity,
  stop,
} from './support.ts';
import { addFieldTeams, fillVisitDay, uuidOf } from './visits-data.ts';

// Field visits on PostgreSQL: the responsible officer's console with 300 officers out and 3,000
// visits today (target: p99 under 100 ms at 32 connections), then check-ins tapped by those
// officers (target: p99 under 50 ms, first taps at 2 connections; 8 and 32 shown as stress figures).

const officers = 300;
const visitsEach = 10;

type Tap = { url: string; headers: Record<string, string>; body: string };

const percentile = (sorted: readonly number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;

export function summary(values: readonly number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p99: percentile(sorted, 99), max: sorted.at(-1) ?? Number.NaN };
}

const ms = (value: number) => `${value.toFixed(1)} ms`;

// Each tap once, `connections` at a time: the latency of each, and what the server answered.
async function tapAll(taps: readonly Tap[], connections = 32) {
  const latencies: number[] = [];
  const outcomes = new Map<string, number>();
  let next = 0;
  const worker = async () => {
    while (next < taps.length) {
      const tap = taps[next++] as Tap;
      const started = performance.now();
      const response = await fetch(tap.url, {
        method: 'POST',
        headers: tap.headers,
        body: tap.body,
        redirect: 'manual',
      });
      await response.arrayBuffer();
      latencies.push(performance.now() - started);
      const done = /done=([a-z-]+)/.exec(response.headers.get('location') ?? '')?.[1];
      const outcome = done ?? `status ${response.status}`;
      outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: connections }, worker));
  const perSecond = Math.round(taps.length / ((performance.now() - started) / 1000));
  return {
    ...summary(latencies),
    perSecond,
    outcomes: [...outcomes].map(([k, n]) => `${k} ${n}`).join(', '),
  };
}

type Day = { councilId: string; url: string; sessions: Map<string, string> };

// Each officer's session, the form token their plan page gives them, and their check-ins: those
// to tap for the first time and those already received (a second tap answers "already").
async function officersTaps(port: number, day: Day, database: Awaited<ReturnType<typeof openDatabase>>) {
  const owed = await database.db
    .selectFrom('check_in_due')
    .select(['id', 'plan_id', 'received_at'])
    .where('council_id', '=', day.councilId)
    .where('plan_id', 'in', [...day.sessions.keys()])
    .where('cancelled_at', 'is', null)
    .orderBy('due_at')
    .execute();
  const forms = new Map<string, Omit<Tap, 'url'>>();
  for (const [planId, session] of day.sessions) {
    const plan = await firstVisit(`http://127.0.0.1:${port}/visits/plans/${planId}`, session);
    const token = /name="_csrf" value="([^"]+)"/.exec(plan.body)?.[1];
    if (plan.status !== 200 || !token) throw new Error(`The plan page answered ${plan.status}`);
    const headers = { ...plan.headers, 'content-type': 'application/x-www-form-urlencoded' };
    forms.set(planId, { headers, body: new URLSearchParams({ _csrf: token }).toString() });
  }
  const tapOf = (row: (typeof owed)[number]) => ({
    ...(forms.get(row.plan_id) as Omit<Tap, 'url'>),
    url: `http://127.0.0.1:${port}/visits/plans/${row.plan_id}/check-ins/${row.id}`,
  });
  return {
    first: owed.filter((row) => !row.received_at).map(tapOf),
    again: owed.filter((row) => row.received_at).map(tapOf),
  };
}

async function measureConsole(port: number, session: string, seconds: number) {
  const pageUrl = `http://127.0.0.1:${port}/visits/console`;
  const { headers, status, body } = await firstVisit(pageUrl, session);
  if (status !== 200) throw new Error(`The console answered ${status}`);
  const rows = (body.match(/<tr class="govuk-table__row">/g) ?? []).length;
  console.log(`  console page: ${rows} table rows, ${(body.length / 1024).toFixed(0)} KB`);
  for (const path of ['/visits/console', '/visits/console/board']) {
    await load(`http://127.0.0.1:${port}${path}`, headers, 2);
    const page = await load(`http://127.0.0.1:${port}${path}`, headers, seconds);
    console.log(
      `  GET ${path}, 32 connections, ${seconds} s: ${loadFigures(page)}; p99 target < 100 ms: ${page.p99 < 100 ? 'met' : 'MISSED'}`,
    );
  }
}

// First taps at 2 connections (a council's check-ins come a few a minute: 300 officers out, each
// calling in every half hour or so) for the target, and at 8 and 32 as stress figures.
async function measureCheckIns(port: number, day: Day, database: Awaited<ReturnType<typeof openDatabase>>) {
  const taps = await officersTaps(port, day, database);
  const warm = await tapAll(taps.again);
  const third = Math.floor(taps.first.length / 3);
  console.log(
    `  POST check-ins, first taps (${taps.first.length} check-ins owed by ${officers} officers, each once):`,
  );
  for (const [index, connections] of [2, 8, 32].entries()) {
    const tapped = await tapAll(taps.first.slice(index * third, (index + 1) * third), connections);
    const target = connections === 2 ? `; p99 target < 50 ms: ${tapped.p99 < 50 ? 'met' : 'MISSED'}` : '';
    console.log(
      `    ${connections} connections: ${tapped.perSecond} req/s, p50 ${ms(tapped.p50)}, p99 ${ms(tapped.p99)}, max ${ms(tapped.max)} (${tapped.outcomes})${target}`,
    );
  }
  console.log(
    `  repeated taps (${taps.again.length} already received): ${warm.perSecond} req/s, p50 ${ms(warm.p50)}, p99 ${ms(warm.p99)} (${warm.outcomes})`,
  );
}

export async function visitsConsole(seconds: number) {
  const server = await scratchServerDatabase(process.env.DATABASE_URL ?? '');
  let child: ChildProcess | undefined;
  try {
    const database = await openDatabase({ url: server.url });
    await migrateToLatest(database.db);
    const { councilId } = await seedDemoCouncil(database.db, systemClock);
    const filling = performance.now();
    const { officerIds, responsibleId } = await addFieldTeams(database.db, councilId, officers);
    await fillVisitDay(database.db, councilId, { officers, visits: visitsEach, now: new Date() });
    const fillMs = performance.now() - filling;
    const now = new Date();
    const responsible = await startSession(database.db, { councilId, personId: responsibleId }, now);
    const sessions = new Map<string, string>();
    for (const [index, personId] of officerIds.entries())
      sessions.set(uuidOf('8d00', index + 1), await startSession(database.db, { councilId, personId }, now));
    const mix = await sql<{ status: string; n: number }>`
      select case when received_at is not null then 'received' when due_at > now() then 'to come'
        else 'missed, alerted ' || level_raised end as status, count(*)::int as n
      from check_in_due group by 1 order by 1`.execute(database.db);
    const started = await startProbity({ DATABASE_URL: server.url });
    child = started.child;
    console.log(
      `\nVisits console and check-ins, ${officers} officers out, ${(officers * visitsEach).toLocaleString('en-GB')} visits today, on PostgreSQL`,
    );
    console.log(
      `  (filled the tables in ${(fillMs / 1000).toFixed(1)} s; check-ins owed: ${mix.rows.map((r) => `${r.status} ${r.n}`).join(', ')})`,
    );
    await measureConsole(started.port, responsible, seconds);
    await measureCheckIns(started.port, { councilId, url: server.url, sessions }, database);
    console.log(`  peak memory ${peakMemoryMb(child.pid) ?? '?'} MB`);
    await database.close();
  } finally {
    if (child) await stop(child);
    await server.drop();
  }
}
