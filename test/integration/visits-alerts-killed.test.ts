// The timers of missed check-ins live in the database: a process killed while one is pending
// loses nothing, and the next process raises the alert once.
import { afterAll, describe, expect, it } from 'vitest';
import {
  alertRows,
  duplicates,
  embedded,
  exitOf,
  expected,
  freePort,
  kill,
  lateMail,
  overdue,
  server,
  startProbityProcess,
  startSmtpServer,
  waitForLateMail,
} from '../support/alert-processes.ts';

const places = process.env.DATABASE_URL ? { embedded, postgres: server } : { embedded };

describe.each(Object.entries(places))('missed check-in alerts when Probity is killed, on %s', (_, make) => {
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
});
