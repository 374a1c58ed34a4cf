import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { exitOf, freePort, startProbityProcess } from '../support/process.ts';

describe('shutting down on SIGTERM', () => {
  let dataDir = '';
  afterAll(async () => {
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('finishes the request in flight, then exits cleanly', async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'probity-shutdown-'));
    const port = await freePort();
    const { child: server } = await startProbityProcess(dataDir, port);
    const base = `http://127.0.0.1:${port}`;
    const page = await fetch(`${base}/sign-in`);
    const cookie = (page.headers.getSetCookie() ?? []).map((c) => c.split(';')[0]).join('; ');
    const csrf = /name="_csrf" value="([^"]+)"/.exec(await page.text())?.[1] ?? '';
    const attempt = () =>
      fetch(`${base}/sign-in`, {
        method: 'POST',
        headers: { cookie, 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
        body: new URLSearchParams({ _csrf: csrf, email: 'nobody@probity.test', password: 'wrong' }),
      });
    // Repeated failures are answered slowly (1 s for the fourth), which gives a request in flight.
    for (let i = 0; i < 3; i++) await attempt();
    const inFlight = attempt();
    await new Promise((resolve) => setTimeout(resolve, 300));
    server.kill('SIGTERM');
    const response = await inFlight;
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('Enter a correct email address and password');
    expect(await exitOf(server)).toBe(0);
  });
});
