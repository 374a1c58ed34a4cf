import { expect, test } from '@playwright/test';
import { demoSignIns } from '../../src/modules/organisation/councils/demo.ts';
import { expectAccessible, navigationLinks, signIn, signOut } from './support.ts';

const everyone = ['Home', 'Gifts and hospitality', 'Interests', 'Customers', 'API tokens'];
const managers = ['Home', 'My team', 'Gifts and hospitality', 'Interests', 'Customers', 'API tokens'];
const seniorManagers = [
  'Home',
  'My team',
  'Gifts and hospitality',
  'Interests',
  'Complaint reports',
  'Customers',
  'API tokens',
];
// What each role's demo account should find in the navigation, and nothing more.
const expectedNavigation: Record<string, string[]> = {
  officer: everyone,
  'line-manager': managers,
  'head-of-service': managers,
  director: seniorManagers,
  'chief-executive': seniorManagers,
  'monitoring-officer': seniorManagers,
  hr: ['Home', 'Gifts and hospitality', 'Interests', 'Customers', 'People', 'API tokens'],
  audit: [
    'Home',
    'Gifts and hospitality',
    'Interests',
    'Complaint reports',
    'Customers',
    'Audit trail',
    'API tokens',
  ],
  'complaints-officer': [
    'Home',
    'Gifts and hospitality',
    'Interests',
    'Complaints',
    'Complaint reports',
    'Customers',
    'API tokens',
  ],
  'complaints-manager': [
    'Home',
    'My team',
    'Gifts and hospitality',
    'Interests',
    'Complaints',
    'Complaint reports',
    'Customers',
    'API tokens',
  ],
  'committee-member': ['Home', 'Complaint reports', 'API tokens'],
  'system-administrator': [
    'Home',
    'Gifts and hospitality',
    'Interests',
    'Customers',
    'People',
    'Audit trail',
    'Policy settings',
    'Calendar',
    'Emails',
    'API tokens',
  ],
};

for (const account of demoSignIns()) {
  test(`${account.roleName} (${account.email}) sees only what the role allows`, async ({ page }) => {
    await signIn(page, account.email);
    await expectAccessible(page);
    const links = await navigationLinks(page);
    const expected = expectedNavigation[account.role];
    if (expected) expect(links).toEqual(expected);
    else expect(links.filter((link) => !managers.includes(link))).toEqual([]);
    if (!links.includes('Audit trail')) {
      const response = await page.goto('/audit');
      expect(response?.status()).toBe(403);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(
        'You do not have permission to see this page',
      );
      await expectAccessible(page);
    }
    await page.goto('/');
    await signOut(page);
  });
}

test('a wrong password shows an accessible error that says what to do', async ({ page }) => {
  await page.goto('/sign-in');
  await page.getByLabel('Email address').fill('someone@demo.probity.test');
  await page.getByLabel('Password', { exact: true }).fill('not the password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  const summary = page.getByRole('alert');
  await expect(summary).toContainText('There is a problem');
  await expect(summary).toContainText('Enter a correct email address and password');
  // GOV.UK Frontend's script moves focus to the summary, so a screen reader announces it.
  await expect(page.locator('.govuk-error-summary')).toBeFocused();
  await expect(page).toHaveTitle(/^Error: /);
  await expectAccessible(page);
});

test('a page that does not exist gives a GOV.UK 404 page', async ({ page }) => {
  const response = await page.goto('/no-such-page');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
  await expectAccessible(page);
});
