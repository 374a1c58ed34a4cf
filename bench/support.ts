import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';
import pg from 'pg';
import { freePort, startProbityProcess } from '../test/support/process.ts';

// Probity as it runs for real: its own process, started by main.ts. BENCH_CPU_PROF_DIR profiles
// it (--cpu-prof) into that folder.
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

export type Load = { requestsPerSecond: number; p50: number; p99: number; errors: number; non2xx: number };

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
  };
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
