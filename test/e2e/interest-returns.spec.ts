import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { AdministrationPages } from './pages/administration.ts';
import { RelatedPartyReturnPages } from './pages/interests.ts';
import { ProbityPage } from './pages/probity-page.ts';
import { signIn } from './pages/sign-in.ts';
import { demoAccount } from './support.ts';

// The related party transactions return and the published register of senior officers'
// interests, in the browser.

test('a head of service makes a nil related party return, and an auditor sees it in the collated return', async ({
  page,
}) => {
  const returns = new RelatedPartyReturnPages(page);
  // A head of service with nothing declared.
  await signIn(page, 'fiona.mcleod@demo.probity.test');
  await returns.open();
  await returns.expectPage('Related party transactions return');
  await returns.press('Submit my return');
  await expect(returns.alert).toContainText('Describe the transactions');
  await returns.checkAccessible();
  await returns.press('I have no related party interests to declare');
  await expect(page.getByText('Your related party transactions return has been submitted')).toBeVisible();
  await expect(page.getByText('a nil return')).toBeVisible();
  await returns.checkAccessible();
  await returns.signOut();

  await signIn(page, demoAccount('audit').email);
  await returns.openCollated();
  await expect(returns.heading).toHaveText('Related party transactions returns');
  await expect(returns.row('Fiona McLeod')).toContainText('Nil return');
  await returns.checkAccessible();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    returns.follow(/Download the collated return/),
  ]);
  expect(download.suggestedFilename()).toMatch(/^related-party-returns-\d{4}-\d{4}\.csv$/);
  const csv = await readFile(await download.path(), 'utf8');
  expect(csv.split('\r\n').find((line) => line.includes('Fiona McLeod'))).toContain(',Yes,');
  await returns.showYear('next year');
  await expect(returns.alert).toContainText('Financial year must be the year it starts');
  await returns.checkAccessible();
});

test('an administrator publishes the register of senior officers’ interests, and anyone can see it', async ({
  page,
  browser,
}) => {
  const visitor = new ProbityPage(await (await browser.newContext()).newPage());
  expect((await visitor.goto('/public/demo/interests'))?.status()).toBe(404);
  await visitor.expectPage('Register of senior officers’ interests');
  await expect(visitor.page.locator('#not-published')).toContainText(
    'does not publish its register of senior officers’ interests online',
  );

  const settings = new AdministrationPages(page);
  await signIn(page, demoAccount('system-administrator').email);
  await settings.menuLink('Policy settings').click();
  await settings.group('Publish the register of senior officers’ interests').getByLabel('Yes').check();
  await settings.savePolicySettings();
  await expect(page.getByText('Policy settings saved')).toBeVisible();

  await visitor.goto('/public/demo/interests');
  await visitor.expectPage('Register of senior officers’ interests');
});
