import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { demoSignIns } from '../../src/modules/organisation/councils/demo.ts';
import { expectAccessible, menuLink, signIn, signOut } from './support.ts';

// The related party transactions return and the published register of senior officers'
// interests, in the browser.

function account(role: string) {
  const found = demoSignIns().find((signIn) => signIn.role === role);
  if (!found) throw new Error(`The demo council has no ${role}`);
  return found;
}

test('a head of service makes a nil related party return, and an auditor sees it in the collated return', async ({
  page,
}) => {
  // A head of service with nothing declared.
  await signIn(page, 'fiona.mcleod@demo.probity.test');
  await page.goto('/interests/related-party-return');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Related party transactions return');
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Submit my return' }).click();
  await expect(page.getByRole('alert')).toContainText('Describe the transactions');
  await expectAccessible(page);
  await page.getByRole('button', { name: 'I have no related party interests to declare' }).click();
  await expect(page.getByText('Your related party transactions return has been submitted')).toBeVisible();
  await expect(page.getByText('a nil return')).toBeVisible();
  await expectAccessible(page);
  await signOut(page);

  await signIn(page, account('audit').email);
  await page.goto('/interests/related-party-returns');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Related party transactions returns');
  await expect(page.getByRole('row').filter({ hasText: 'Fiona McLeod' })).toContainText('Nil return');
  await expectAccessible(page);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: /Download the collated return/ }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^related-party-returns-\d{4}-\d{4}\.csv$/);
  const csv = await readFile(await download.path(), 'utf8');
  expect(csv.split('\r\n').find((line) => line.includes('Fiona McLeod'))).toContain(',Yes,');
  await page.getByLabel('Financial year').fill('next year');
  await page.getByRole('button', { name: 'Show returns' }).click();
  await expect(page.getByRole('alert')).toContainText('Financial year must be the year it starts');
  await expectAccessible(page);
});

test('an administrator publishes the register of senior officers’ interests, and anyone can see it', async ({
  page,
  browser,
}) => {
  const visitor = await (await browser.newContext()).newPage();
  expect((await visitor.goto('/public/demo/interests'))?.status()).toBe(404);

  await signIn(page, account('system-administrator').email);
  await menuLink(page, 'Policy settings').click();
  await page
    .getByRole('group', { name: 'Publish the register of senior officers’ interests' })
    .getByLabel('Yes')
    .check();
  await page.getByRole('button', { name: 'Save policy settings' }).click();
  await expect(page.getByText('Policy settings saved')).toBeVisible();

  await visitor.goto('/public/demo/interests');
  await expect(visitor.getByRole('heading', { level: 1 })).toHaveText(
    'Register of senior officers’ interests',
  );
  await expectAccessible(visitor);
});
