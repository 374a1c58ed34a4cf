import { expect } from 'vitest';
import type { TestApp } from './app.ts';

const day = 24 * 60 * 60 * 1000;

// Runs the job that forgets old messages as a month ends: the message it finds is kept on its
// 29th day and gone on its 31st.
export async function expectForgottenAfterAMonth(t: TestApp, found: () => Promise<unknown[]>) {
  const job = t.jobs.find((candidate) => candidate.name === 'old emails and texts');
  t.clock.advance(29 * day);
  await job?.run();
  expect(await found()).toHaveLength(1);
  t.clock.advance(2 * day);
  await job?.run();
  expect(await found()).toHaveLength(0);
}
