import { expect, test } from '@playwright/test';
import { demoSignIns } from '../../src/modules/organisation/councils/demo.ts';
import { ProbityPage } from './pages/probity-page.ts';
import { SignInPage, signIn } from './pages/sign-in.ts';

const everyone = ['Home', 'Gifts and hospitality', 'Interests'];
const managers = ['Home', 'My team', 'Gifts and hospitality', 'Interests'];
const seniorManagers = ['Home', 'My team', 'Gifts and hospitality', 'Interests', 'Complaint reports'];
// What each role's demo account should find in the navigation, and nothing more: a person's own
// account (API tokens, their details) is by their name, not in the menu, and Customers is for
// those who act on customers' records (the complaints team and heads of service).
const raise = 'Raise a concern';
const expectedNavigation: Record<string, string[]> = {
  officer: [...everyone, raise],
  'line-manager': [...managers, raise],
  'head-of-service': [...managers, 'Customers', raise],
  director: [...seniorManagers, raise],
  'chief-executive': [...seniorManagers, raise],
  // The demo's monitoring officer is also a head of service, reads the audit trail, works
  // complaints about councillors and prepares the standards committee's packs; the monitoring
  // officer, HR and audit look into the concerns assigned to them.
  'monitoring-officer': [
    ...seniorManagers,
    'Committee packs',
    'Councillor conduct',
    'Customers',
    'Concerns',
    raise,
    'Audit trail',
    'Subject access',
  ],
  hr: [...everyone, 'Concerns', raise, 'People'],
  audit: [...everyone, 'Complaint reports', 'Committee packs', 'Concerns', raise, 'Audit trail'],
  'complaints-officer': [...everyone, 'Complaints', 'Complaint reports', 'Customers', raise],
  'complaints-manager': [...managers, 'Complaints', 'Complaint reports', 'Customers', raise],
  'data-protection-officer': [...everyone, raise, 'Subject access', 'Retention'],
  'committee-member': ['Home', 'Complaint reports', 'Committee packs'],
  'field-officer': [...everyone, 'Field visits', 'My enforcement cases', raise],
  'responsible-officer': [...everyone, 'Officers out', 'Risk register', raise],
  'system-administrator': [
    ...everyone,
    raise,
    'People',
    'Audit trail',
    'Retention',
    'Policy settings',
    'Calendar',
    'Emails',
    'Webhooks',
    'Gazetteer',
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
