// A mail relay that is down delays the alerts, which all go when it returns; two processes raise
// and send each alert once.
import { describe, expect, it } from 'vitest';
import {
  alertRows,
  duplicates,
  exitOf,
  expected,
  freePort,
  lateMail,
  overdue,
  overdueWithRelay,
  places,
  removedAfterAll,
  server,
  startProbityProcess,
  startSmtpServer,
  waitForLateMail,
} from '../support/alert-processes.ts';

describe.each(Object.entries(places))(
  'missed check-in alerts while the mail relay is down, on %s',
  (_, make) => {
    const cleanUps = removedAfterAll();

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
  },
);
// Two processes can share only a server database: the embedded one belongs to one process.
const shared = process.env.DATABASE_URL ? ['postgres'] : [];

describe.each(shared)('missed check-in alerts with two processes on one %s database', () => {
  const cleanUps = removedAfterAll();

  it('raises and sends each alert exactly once', async () => {
    const { place, smtp, env } = await overdueWithRelay(server, cleanUps);
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
