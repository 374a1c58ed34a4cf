import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { shippedBankHolidays } from '../../src/platform/calendar/working-days.ts';
import { readOutbox } from '../../src/platform/notify/mailer.ts';
import { AdministrationPages } from './pages/administration.ts';
import { signIn } from './pages/sign-in.ts';
import { demoAccount } from './support.ts';

const admin = demoAccount('system-administrator');

test.beforeEach(async ({ page }) => {
  await signIn(page, admin.email);
});

test('an administrator adds a person, who sets a password from the emailed link and signs in', async ({
  page,
  browser,
}) => {
  const people = new AdministrationPages(page);
  await people.menuLink('People').click();
  await people.checkAccessible();
  await people.press('Add a person');
  await people.checkAccessible();

  await people.press('Save');
  await expect(people.alert).toContainText('Enter the person’s full name');
  await people.checkAccessible();

  await people.addPerson({
    name: 'Nadia Newstarter',
    email: 'nadia.newstarter@demo.probity.test',
    jobTitle: 'Housing Officer',
    service: 'Housing (Place)',
  });

  await expect(people.heading).toContainText('Nadia Newstarter');
  await expect(page.getByText('Nadia Newstarter has been added')).toBeVisible();
  await people.checkAccessible();

  // The administrator sees that the email went, never the link in it.
  await expect
    .poll(async () => {
      await people.openEmails();
      return people.sentEmails('Set your password').count();
    })
    .toBeGreaterThan(0);
  await people.checkAccessible();
  await people
    .link(/Set your password/)
    .first()
    .click();
  await expect(people.emailBody).toContainText('link withheld: only the recipient sees it');
  await expect(people.emailBody).not.toContainText('/set-password/');
  await people.checkAccessible();

  // The newcomer's own copy, in their mailbox (the development outbox folder), has it.
  const outbox = join(process.env.E2E_DATA_DIR ?? '', 'outbox');
  const sent = (await readOutbox(outbox, 200)).find((m) => m.to === 'nadia.newstarter@demo.probity.test');
  const link = /http\S+\/set-password\/\S+/.exec(sent?.text ?? '')?.[0];
  expect(link).toBeTruthy();

  const context = await browser.newContext();
  const newcomer = new AdministrationPages(await context.newPage());
  await newcomer.goto(link as string);
  await newcomer.checkAccessible();
  await newcomer.setPassword('password12345');
  await expect(newcomer.alert).toContainText(/too common/i);
  await newcomer.checkAccessible();
  await newcomer.setPassword('meadow kettle lighthouse');
  await signIn(newcomer.page, 'nadia.newstarter@demo.probity.test', 'meadow kettle lighthouse');
  await context.close();
});

test('an administrator edits a policy setting, and the change is in the audit trail', async ({ page }) => {
  const settings = new AdministrationPages(page);
  await settings.menuLink('Policy settings').click();
  await settings.checkAccessible();
  await settings.recordingThreshold.fill('lots');
  await settings.savePolicySettings();
  await expect(settings.alert).toContainText('Recording threshold must be an amount in pounds');
  await settings.checkAccessible();
  await settings.recordingThreshold.fill('20');
  await settings.savePolicySettings();
  await expect(page.getByText('Policy settings saved')).toBeVisible();
  await expect(settings.recordingThreshold).toHaveValue('20.00');

  await settings.menuLink('Audit trail').click();
  await settings.filterAuditTrail('policy');
  await settings.checkAccessible();
  const row = settings.row('Policy settings changed').first();
  await expect(row).toBeVisible();
  await row.locator('.govuk-details__summary').click();
  await expect(row).toContainText('"giftRecordingThresholdPence": 2000');
});

test('a person creates an API token, sees it once, and revokes it', async ({ page }) => {
  const tokens = new AdministrationPages(page);
  // API tokens are in the person's account, from their name by the menu.
  await page.getByRole('link', { name: /^Your account/ }).click();
  await tokens.expectPage('Your account');
  await tokens.checkAccessible();
  await page.getByRole('link', { name: 'API tokens', exact: true }).click();
  await tokens.checkAccessible();
  await tokens.createToken('Browser test token', 'Read only', 'In 30 days');
  const token = await tokens.newToken.innerText();
  expect(token).toMatch(/^pbt_/);
  await tokens.checkAccessible();
  const me = await page.request.get('/api/v1/me', { headers: { authorization: `Bearer ${token}` } });
  expect(me.status()).toBe(200);
  await tokens.press('Revoke Browser test token');
  await expect(tokens.row('Browser test token')).toContainText('Revoked');
  const after = await page.request.get('/api/v1/me', {
    headers: { authorization: `Bearer ${token}`, cookie: '' },
  });
  expect(after.status()).toBe(401);
});

test('an administrator refreshes GOV.UK’s bank holiday list from its downloaded file', async ({ page }) => {
  const calendar = new AdministrationPages(page);
  await calendar.openCalendar();
  await calendar.checkAccessible();
  await calendar.uploadBankHolidays('not the file');
  await expect(calendar.errorSummary).toContainText('this file is not JSON');
  await calendar.checkAccessible();
  await calendar.uploadBankHolidays(JSON.stringify(shippedBankHolidays));
  await expect(calendar.page.getByText('Calendar saved')).toBeVisible();
  await expect(calendar.bankHolidayList).toContainText('uploaded by');
  await calendar.checkAccessible();
});

test('pages work without JavaScript', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const calendar = new AdministrationPages(await context.newPage());
  // axe needs JavaScript in the page, so this journey checks behaviour only; the others check accessibility.
  await signIn(calendar.page, admin.email, undefined, { checkAccessibility: false });
  await calendar.openCalendar();
  await calendar.addClosure({ day: '27', month: '12', year: '2027' }, 'Christmas closure');
  await expect(calendar.page.getByText('Calendar saved')).toBeVisible();
  await expect(calendar.row('Christmas closure')).toContainText('27 December 2027');
  await context.close();
});
