import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  return typeof address === 'object' && address ? address.port : 0;
}

// Probity in a process of its own, as `node src/main.ts serve` runs it (on the embedded database in
// dataDir unless env sets DATABASE_URL), once readyPath answers 200.
export async function startProbityProcess(
  dataDir: string,
  port: number,
  env: Record<string, string> = {},
  readyPath = '/health/ready',
): Promise<{ child: ChildProcess; readyMs: number }> {
  const started = performance.now();
  const child = spawn(process.execPath, ['src/main.ts', 'serve'], {
    env: {
      ...process.env,
      DATABASE_URL: '',
      BASE_URL: `http://127.0.0.1:${port}`,
      DATA_DIR: dataDir,
      PORT: String(port),
      LOG_LEVEL: 'error',
      EMAIL_TRANSPORT: 'folder',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`Probity exited with ${child.exitCode} while starting`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}${readyPath}`)).status === 200) {
        return { child, readyMs: performance.now() - started };
      }
    } catch {}
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  child.kill('SIGKILL');
  throw new Error('Probity did not become ready');
}

export function exitOf(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) resolve(child.exitCode);
    else child.once('exit', (code) => resolve(code));
  });
}

// A command of `node src/main.ts` run to its end on the embedded database in dataDir.
export async function runProbityCommand(
  dataDir: string,
  args: string[],
  env: Record<string, string> = {},
): Promise<{ code: number | null; stdout: string }> {
  const child = spawn(process.execPath, ['src/main.ts', ...args], {
    // Vitest sets BASE_URL to '/' for its own use.
    env: { ...process.env, BASE_URL: '', DATABASE_URL: '', DATA_DIR: dataDir, LOG_LEVEL: 'error', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let stdout = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
  });
  return { code: await exitOf(child), stdout };
}
