import { describe, expect, it } from 'vitest';
import { emailQueue, smsQueue } from './outbox.ts';

// A safety alert caught by an outage of the mail relay or of Notify goes within a minute of its
// return, however long the outage, for a day: the gap between tries never passes a minute, and the
// tries last at least a day.
describe('how long a message waits for an outage to end', () => {
  it.each([emailQueue, smsQueue])('$name', (queue) => {
    expect(queue.retryDelayMax).toBeLessThanOrEqual(60);
    expect((queue.retryLimit ?? 0) * (queue.retryDelayMax ?? 0)).toBeGreaterThanOrEqual(24 * 60 * 60);
  });
});
