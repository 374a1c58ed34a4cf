import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { exitOf, freePort } from '../support/process.ts';

describe('starting on a port another program holds', () => {
  let dataDir = '';
  afterAll(async () => {
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('says so in one line and exits with a failure, before starting the database', async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'probity-port-'));
    const port = await freePort();
    const holder = createServer();
    await new Promise<void>((resolve) => holder.listen(port, '127.0.0.1', resolve));
    try {
      const child = spawn(process.execPath, ['src/main.ts', 'serve', '--demo'], {
        env: {
          ...process.env,
          BASE_URL: '',
          DATABASE_URL: '',
          DATA_DIR: dataDir,
          PORT: String(port),
          HOST: '127.0.0.1',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      for (const stream of [child.stdout, child.stderr])
        stream.setEncoding('utf8').on('data', (chunk: string) => {
          output += chunk;
        });
      expect(await exitOf(child)).toBe(1);
      expect(output.trim().split('\n')).toEqual([
        `Port ${port} is in use by another program (perhaps Probity is already running). Stop it, or start on another port: PORT=${port + 1} npm start`,
      ]);
    } finally {
      await new Promise((resolve) => holder.close(resolve));
    }
  }, 30_000);
});
