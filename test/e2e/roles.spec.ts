import { expect, test } from '@playwright/test';
import { demoSignIns } from '../../src/modules/organisation/councils/demo.ts';
import { ProbityPage } from './pages/probity-page.ts';
import { SignInPage, signIn } from './pages/sign-in.ts';

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
  // The monitoring officer reads the audit trail as well.
  'monitoring-officer': [...seniorManagers.slice(0, -1), 'Audit trail', 'API tokens'],
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
  'field-officer': [
    'Home',
    'Gifts and hospitality',
    'Interests',
    'Customers',
    'Field visits',
    'My enforcement cases',
    'API tokens',
  ],
  'responsible-officer': [
    'Home',
    'Gifts and hospitality',
    'Interests',
    'Customers',
    'Officers out',
    'Risk register',
    'API tokens',
  ],
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
    'Gazetteer',
    'API tokens',
  ],
};

for (const account of demoSignIns()) {
  test(`${account.roleName} (${account.email}) sees only what the role allows`, async ({ page }) => {
    const home = new ProbityPage(page);
    await signIn(page, account.email);
    await home.checkAccessible();
    const links = await home.navigationLinks();
    const expected = expectedNavigation[account.role];
    if (expected) expect(links).toEqual(expected);
    else expect(links.filter((link) => !managers.includes(link))).toEqual([]);
    if (!links.includes('Audit trail')) {
      const response = await home.goto('/audit');
      expect(response?.status()).toBe(403);
      await expect(home.heading).toHaveText('You do not have permission to see this page');
      await home.checkAccessible();
    }
    await home.goto('/');
    await home.signOut();
  });
}

test('a wrong password shows an accessible error that says what to do', async ({ page }) => {
  const signInPage = new SignInPage(page);
  await signInPage.open();
  await signInPage.submit('someone@demo.probity.test', 'not the password');
  await expect(signInPage.alert).toContainText('There is a problem');
  await expect(signInPage.alert).toContainText('Enter a correct email address and password');
  // GOV.UK Frontend's script moves focus to the summary, so a screen reader announces it.
  await expect(signInPage.errorSummary).toBeFocused();
  await expect(page).toHaveTitle(/^Error: /);
  await signInPage.checkAccessible();
});

test('a page that does not exist gives a GOV.UK 404 page', async ({ page }) => {
  const missing = new ProbityPage(page);
  const response = await missing.goto('/no-such-page');
  expect(response?.status()).toBe(404);
  await missing.expectPage('Page not found');
});
