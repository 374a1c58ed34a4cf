import { expect, test } from '@playwright/test';
import { ConcernPages } from './pages/concerns.ts';
import { signIn } from './pages/sign-in.ts';
import { demoPerson, run } from './support.ts';

// Someone who works for the council raises a concern anonymously on its public page and keeps
// the receipt code; the monitoring officer, to whom a breach of the code goes, asks a question;
// the reporter reads it with the code, no account, and answers; the investigator reads the answer.

test('an anonymous concern followed up by receipt code', async ({ page, browser }) => {
  const reporter = new ConcernPages(page);
  const what = `Payments to a friend's firm were split to stay under the limit (${run})`;
  const { code, reference } = await reporter.raiseAnonymously(
    'demo',
    'Another breach of the code of conduct',
    what,
  );

  // The receipt code fits the narrowest phone without scrolling sideways.
  await page.setViewportSize({ width: 320, height: 640 });
  expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(320);

  const context = await browser.newContext();
  const investigator = new ConcernPages(await context.newPage());
  await signIn(investigator.page, demoPerson('Rajesh Patel').email);
  await investigator.openAssigned(reference);
  await expect(investigator.page.getByText(what)).toBeVisible();
  await investigator.ask('Which payments, and in which months?');

  await reporter.followUp('demo', code.toLowerCase(), reference);
  await expect(reporter.messages.filter({ hasText: 'Which payments, and in which months?' })).toBeVisible();
  await reporter.reply(`Three payments in October (${run})`);
  await expect(reporter.messages.filter({ hasText: `Three payments in October (${run})` })).toBeVisible();

  await investigator.page.reload();
  await expect(investigator.messages.filter({ hasText: `Three payments in October (${run})` })).toBeVisible();
  await context.close();
});
