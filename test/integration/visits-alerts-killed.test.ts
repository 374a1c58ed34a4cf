// The timers of missed check-ins live in the database: a process killed while one is pending
// loses nothing, and the next process raises the alert once.
import { describe, expect, it } from 'vitest';
import {
  alertRows,
  duplicates,
  exitOf,
  expected,
  freePort,
  kill,
  lateMail,
  overdueWithRelay,
  places,
  removedAfterAll,
  startProbityProcess,
  waitForLateMail,
} from '../support/alert-processes.ts';

describe.each(Object.entries(places))('missed check-in alerts when Probity is killed, on %s', (_, make) => {
  const cleanUps = removedAfterAll();

  it('raises every pending alert once after the process is killed, twice over', async () => {
    const { place, smtp, env } = await overdueWithRelay(make, cleanUps);
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
