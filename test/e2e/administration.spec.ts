import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { demoSignIns } from '../../src/modules/organisation/councils/demo.ts';
import { readOutbox } from '../../src/platform/notify/mailer.ts';
import { expectAccessible, menuLink, signIn } from './support.ts';

const admin = demoSignIns().find((account) => account.role === 'system-administrator');

test.beforeEach(async ({ page }) => {
  if (!admin) throw new Error('The demo council has no system administrator');
  await signIn(page, admin.email);
});

test('an administrator adds a person, who sets a password from the emailed link and signs in', async ({
  page,
  browser,
}) => {
  await menuLink(page, 'People').click();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Add a person' }).click();
  await expectAccessible(page);

  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('alert')).toContainText('Enter the person’s full name');
  await expectAccessible(page);

  await page.getByLabel('Full name').fill('Nadia Newstarter');
  await page.getByLabel('Email address').fill('nadia.newstarter@demo.probity.test');
  await page.getByLabel('Job title').fill('Housing Officer');
  await page.getByLabel('Service', { exact: true }).selectOption({ label: 'Housing (Place)' });
  await page.getByRole('group', { name: 'Employment type' }).getByLabel('Employee').check();
  await page.getByRole('group', { name: 'Is this a politically restricted post?' }).getByLabel('No').check();
  await page.getByRole('checkbox', { name: 'Field officer' }).check();
  await page.getByLabel('Email them a link to set their password').check();
  await page.getByRole('button', { name: 'Save' }).click();

  await expect(page.getByRole('heading', { level: 1 })).toContainText('Nadia Newstarter');
  await expect(page.getByText('Nadia Newstarter has been added')).toBeVisible();
  await expectAccessible(page);

  // The administrator sees that the email went, never the link in it.
  await expect
    .poll(async () => {
      await page.goto('/admin/emails');
      return page.getByRole('row', { name: /Set your password.*Sent/ }).count();
    })
    .toBeGreaterThan(0);
  await expectAccessible(page);
  await page
    .getByRole('link', { name: /Set your password/ })
    .first()
    .click();
  await expect(page.locator('#email-body')).toContainText('link withheld: only the recipient sees it');
  await expect(page.locator('#email-body')).not.toContainText('/set-password/');
  await expectAccessible(page);

  // The newcomer's own copy, in their mailbox (the development outbox folder), has it.
  const outbox = join(process.env.E2E_DATA_DIR ?? '', 'outbox');
  const sent = (await readOutbox(outbox, 200)).find((m) => m.to === 'nadia.newstarter@demo.probity.test');
  const link = /http\S+\/set-password\/\S+/.exec(sent?.text ?? '')?.[0];
  expect(link).toBeTruthy();

  const context = await browser.newContext();
  const newcomer = await context.newPage();
  await newcomer.goto(link as string);
  await expectAccessible(newcomer);
  await newcomer.getByLabel('Password', { exact: true }).fill('password12345');
  await newcomer.getByLabel('Confirm password').fill('password12345');
  await newcomer.getByRole('button', { name: 'Set password' }).click();
  await expect(newcomer.getByRole('alert')).toContainText(/too common/i);
  await expectAccessible(newcomer);
  await newcomer.getByLabel('Password', { exact: true }).fill('meadow kettle lighthouse');
  await newcomer.getByLabel('Confirm password').fill('meadow kettle lighthouse');
  await newcomer.getByRole('button', { name: 'Set password' }).click();
  await signIn(newcomer, 'nadia.newstarter@demo.probity.test', 'meadow kettle lighthouse');
  await context.close();
});

test('an administrator edits a policy setting, and the change is in the audit trail', async ({ page }) => {
  await menuLink(page, 'Policy settings').click();
  await expectAccessible(page);
  const threshold = page.getByLabel('Recording threshold');
  await threshold.fill('lots');
  await page.getByRole('button', { name: 'Save policy settings' }).click();
  await expect(page.getByRole('alert')).toContainText('Recording threshold must be an amount in pounds');
  await expectAccessible(page);
  await page.getByLabel('Recording threshold').fill('20');
  await page.getByRole('button', { name: 'Save policy settings' }).click();
  await expect(page.getByText('Policy settings saved')).toBeVisible();
  await expect(page.getByLabel('Recording threshold')).toHaveValue('20.00');

  await menuLink(page, 'Audit trail').click();
  await page.getByLabel('Record type').selectOption('policy');
  await page.getByRole('button', { name: 'Filter' }).click();
  await expectAccessible(page);
  const row = page.getByRole('row').filter({ hasText: 'policy.updated' }).first();
  await expect(row).toBeVisible();
  await row.locator('.govuk-details__summary').click();
  await expect(row).toContainText('"giftRecordingThresholdPence": 2000');
});

test('a person creates an API token, sees it once, and revokes it', async ({ page }) => {
  await menuLink(page, 'API tokens').click();
  await expectAccessible(page);
  await page.getByLabel('Name').fill('Browser test token');
  await page.getByLabel('Read only').check();
  await page.getByLabel('In 30 days').check();
  await page.getByRole('button', { name: 'Create token' }).click();
  const token = await page.locator('#new-token').innerText();
  expect(token).toMatch(/^pbt_/);
  await expectAccessible(page);
  const me = await page.request.get('/api/v1/me', { headers: { authorization: `Bearer ${token}` } });
  expect(me.status()).toBe(200);
  await page.getByRole('button', { name: 'Revoke Browser test token' }).click();
  await expect(page.getByRole('row').filter({ hasText: 'Browser test token' })).toContainText('Revoked');
  const after = await page.request.get('/api/v1/me', {
    headers: { authorization: `Bearer ${token}`, cookie: '' },
  });
  expect(after.status()).toBe(401);
});

test('pages work without JavaScript', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  if (!admin) throw new Error('no admin');
  // axe needs JavaScript in the page, so this journey checks behaviour only; the others check accessibility.
  await signIn(page, admin.email, undefined, { checkAccessibility: false });
  await page.goto('/admin/calendar');
  await page.getByLabel('Day', { exact: true }).fill('27');
  await page.getByLabel('Month', { exact: true }).fill('12');
  await page.getByLabel('Year', { exact: true }).fill('2027');
  await page.getByLabel('Closed (not a working day)').check();
  await page.getByLabel('Description').fill('Christmas closure');
  await page.getByRole('button', { name: 'Add change' }).click();
  await expect(page.getByText('Calendar saved')).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: 'Christmas closure' })).toContainText(
    '27 December 2027',
  );
  await context.close();
});
