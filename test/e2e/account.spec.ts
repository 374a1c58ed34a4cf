import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { readOutbox } from '../../src/platform/notify/mailer.ts';
import { ProbityPage } from './pages/probity-page.ts';
import { signIn } from './pages/sign-in.ts';
import { demoAccount, demoPassword } from './support.ts';

const officer = demoAccount('officer');
const admin = demoAccount('system-administrator');

test('a resident finds the council’s accessibility statement, privacy notice, cookies and contact page from the footer', async ({
  page,
}) => {
  const pages = new ProbityPage(page);
  await pages.goto('/public/demo/complaints/new');
  const footer = page.locator('footer');
  await expect(footer.getByRole('link', { name: 'API documentation' })).toHaveCount(0);
  for (const [link, heading] of [
    ['Accessibility statement', 'Accessibility statement'],
    ['Privacy notice', 'Privacy notice'],
    ['Cookies', 'Cookies'],
    ['Contact', 'Contact'],
  ] as const) {
    await footer.getByRole('link', { name: link, exact: true }).click();
    await pages.expectPage(heading);
    await expect(pages.caption).toHaveText('Demo District Council');
  }
});

test('the system administrator words the accessibility statement', async ({ page }) => {
  await signIn(page, admin.email);
  const pages = new ProbityPage(page);
  await pages.goto('/admin/pages');
  await pages.expectPage('Public pages');
  await pages.follow('Edit the accessibility statement');
  await pages.expectPage('Edit the accessibility statement');
  await pages.fill('Wording', 'Our statement.\n\n## Known problems\n\n- none yet');
  await pages.press('Save page');
  await expect(pages.successBanner).toContainText('The page has been saved');
  await pages.checkAccessible();
  await pages.goto('/public/demo/accessibility');
  await expect(page.getByRole('heading', { name: 'Known problems' })).toBeVisible();
  await pages.checkAccessible();
  await pages.goto('/admin/pages/accessibility');
  await pages.fill('Wording', '');
  await pages.press('Save page');
  await expect(pages.successBanner).toContainText('default wording');
});

test('an officer resets a forgotten password by email, then changes it back when signed in', async ({
  page,
}) => {
  const pages = new ProbityPage(page);
  await pages.goto('/sign-in');
  await pages.follow('Forgotten your password?');
  await pages.expectPage('Reset your password');
  await pages.fill('Email address', officer.email);
  await pages.press('Send reset link');
  await pages.expectPage('Check your email');

  const outbox = join(process.env.E2E_DATA_DIR ?? '', 'outbox');
  let link = '';
  await expect
    .poll(async () => {
      const sent = (await readOutbox(outbox, 200)).find(
        (mail) => mail.to === officer.email && mail.subject.startsWith('Reset your Probity password'),
      );
      link = /http\S+\/password-reset\/\S+/.exec(sent?.text ?? '')?.[0] ?? '';
      return link;
    })
    .not.toBe('');
  await pages.goto(link);
  await pages.expectPage('Reset your password');
  await pages.fill('Password', 'orchard lantern biscuit', true);
  await pages.fill('Confirm password', 'orchard lantern biscuit');
  await pages.press('Reset password');
  await expect(pages.successBanner).toContainText('Your password has been reset');
  await pages.checkAccessible();
  await pages.goto(link);
  await pages.expectPage('This link has expired or has already been used');

  await signIn(page, officer.email, 'orchard lantern biscuit');
  await page.locator('footer').getByRole('link', { name: 'Change your password' }).click();
  await pages.expectPage('Change your password');
  await pages.fill('Current password', 'not the password');
  await pages.fill('New password', demoPassword, true);
  await pages.fill('Confirm new password', demoPassword);
  await pages.press('Change password');
  await expect(pages.errorSummary).toContainText('Your current password is not correct');
  await pages.checkAccessible();
  await pages.fill('Current password', 'orchard lantern biscuit');
  await pages.fill('New password', demoPassword, true);
  await pages.fill('Confirm new password', demoPassword);
  await pages.press('Change password');
  await expect(pages.successBanner).toContainText('Your password has been changed');
});
