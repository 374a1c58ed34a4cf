import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { seedDemoCouncil } from '../src/modules/organisation/councils/demo.ts';
import { systemClock } from '../src/platform/clock.ts';
import { type DatabaseHandle, type DatabaseKind, openDatabase } from '../src/platform/db/connection.ts';
import { migrateToLatest } from '../src/platform/db/migrator.ts';
import { freePort, startProbityProcess } from '../test/support/process.ts';

// Probity as it runs for real: its own process, started by main.ts. BENCH_CPU_PROF_DIR profiles
// it (--cpu-prof) into that folder.
// BENCH_ON=postgres measures on the PostgreSQL server only.
export const onPglite = process.env.BENCH_ON !== 'postgres';

export async function startProbity(env: Record<string, string>, readyPath = '/health/ready') {
  const port = await freePort();
  const profileDir = process.env.BENCH_CPU_PROF_DIR;
  const profiling: Record<string, string> = profileDir
    ? { NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${profileDir}` }
    : {};
  const { child, readyMs } = await startProbityProcess(
    env.DATA_DIR ?? '',
    port,
    { ...env, ...profiling },
    readyPath,
  );
  measured = {
    pid: child.pid ?? 0,
    database: env.DATABASE_URL ? new URL(env.DATABASE_URL).pathname.slice(1) : null,
  };
  return { child, port, readyMs };
}

export function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

// Resident memory high-water mark of a process, from Linux's /proc.
export function peakMemoryMb(pid: number | undefined): number | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1]);
    return Number.isFinite(kb) ? Math.round(kb / 1024) : null;
  } catch {
    return null;
  }
}

export type Load = {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
  // CPU milliseconds a request cost the server: Probity's process and its PostgreSQL backends. On a
  // machine shared with other work this says more than latency does.
  cpuMs: { probity: number; postgres: number };
};

// The server being measured (the last one started): its process, and its database on a PostgreSQL
// server, whose backends are found by the database's name in their process titles.
let measured: { pid: number; database: string | null } = { pid: 0, database: null };

// Clock ticks (of 1/100 s) a process has run, user and system, from Linux's /proc; 0 once it is gone.
function ticksOf(pid: string | number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return 0;
  }
}

function backendsOf(database: string | null): string[] {
  if (!database) return [];
  return readdirSync('/proc').filter((pid) => {
    if (!/^\d+$/.test(pid)) return false;
    try {
      return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(`: postgres ${database} `);
    } catch {
      return false;
    }
  });
}

function serverTicks() {
  const backends = backendsOf(measured.database);
  return {
    probity: ticksOf(measured.pid),
    postgres: new Map(backends.map((pid) => [pid, ticksOf(pid)])),
  };
}

function cpuPerRequest(before: ReturnType<typeof serverTicks>, requests: number) {
  const after = serverTicks();
  let postgres = 0;
  for (const [pid, ticks] of after.postgres) postgres += ticks - (before.postgres.get(pid) ?? 0);
  const perRequest = (ticks: number) => Math.round((ticks * 10 * 100) / Math.max(requests, 1)) / 100;
  return { probity: perRequest(after.probity - before.probity), postgres: perRequest(postgres) };
}

// Load on url under `connections` connections; with paths, each connection asks for them in turn,
// starting at a different one, as people working independently would.
export async function load(
  url: string,
  headers: Record<string, string>,
  seconds: number,
  connections = 32,
  paths: readonly string[] = [],
): Promise<Load> {
  const requests = paths.map((path) => ({ method: 'GET' as const, path }));
  let clients = 0;
  const inTurn = (client: autocannon.Client) => {
    const at = Math.floor((clients++ * requests.length) / connections) % requests.length;
    client.setRequests([...requests.slice(at), ...requests.slice(0, at)]);
  };
  const before = serverTicks();
  const result = await autocannon({
    url,
    headers,
    connections,
    duration: seconds,
    ...(paths.length ? { requests, setupClient: inTurn } : {}),
  });
  return {
    requestsPerSecond: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    cpuMs: cpuPerRequest(before, result.requests.total),
  };
}

// The figures of a load, as a line of a benchmark's report.
export function loadFigures(result: Load): string {
  const cpu = `CPU a request: Probity ${result.cpuMs.probity} ms, PostgreSQL ${result.cpuMs.postgres} ms`;
  return `${result.requestsPerSecond} req/s, p50 ${result.p50} ms, p99 ${result.p99} ms, errors ${result.errors}, non-2xx ${result.non2xx}; ${cpu}`;
}

// A database of its own on the PostgreSQL server, dropped afterwards.
export async function scratchServerDatabase(serverUrl: string) {
  const name = `probity_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}

// A signed-in browser's first visit to a page: the headers to load it with from then on (the
// session and the cookies the page set, sent back as a browser would), its status and its body.
export async function firstVisit(url: string, session: string) {
  const signedIn = { cookie: `probity_session=${session}`, accept: 'text/html' };
  const response = await fetch(url, { headers: signedIn });
  const given = response.headers.getSetCookie().map((setCookie) => setCookie.split(';')[0]);
  const headers = { ...signedIn, cookie: [signedIn.cookie, ...given].join('; ') };
  return { headers, status: response.status, body: await response.text() };
}

// A migrated database with the demo council, embedded in a temporary folder or a scratch database
// on the PostgreSQL server, removed after `run`.
export async function withDemoDatabase<T>(
  kind: DatabaseKind,
  run: (db: DatabaseHandle['db'], councilId: string) => Promise<T>,
): Promise<T> {
  const dataDir = await mkdtemp(join(tmpdir(), 'probity-bench-'));
  const server =
    kind === 'postgres' && process.env.DATABASE_URL
      ? await scratchServerDatabase(process.env.DATABASE_URL)
      : null;
  const database = await openDatabase(server ? { url: server.url } : { dataDir: join(dataDir, 'db') });
  try {
    await migrateToLatest(database.db);
    const { councilId } = await seedDemoCouncil(database.db, systemClock);
    return await run(database.db, councilId);
  } finally {
    await database.close();
    await server?.drop();
    await rm(dataDir, { recursive: true, force: true });
  }
}
