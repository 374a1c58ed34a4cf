import { join } from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { startOidcProvider, type TestOidcProvider } from '../support/oidc-provider.ts';
import { secretFile } from '../support/single-sign-on.ts';
import { ProbityPage } from './pages/probity-page.ts';
import { demoAccount, demoPassword } from './support.ts';

const admin = demoAccount('system-administrator');
const officer = demoAccount('complaints-manager');
const port = Number(process.env.E2E_PORT ?? 3100);
const probity = `http://localhost:${port}`;

let idp: TestOidcProvider;

// The demo council signs in with its provider only during this journey: the provider runs inside
// the test, and the other journeys sign in with passwords.
test.beforeAll(async () => {
  idp = await startOidcProvider({
    redirectUris: [`${probity}/sign-in/sso/demo/callback`],
    postLogoutUris: [`${probity}/sign-in?signed-out=1`],
  });
  idp.accounts.set('sub-officer', { sub: 'sub-officer', email: officer.email, email_verified: true });
  idp.accounts.set('sub-unverified', { sub: 'sub-unverified', email: officer.email, email_verified: false });
});

test.afterAll(async ({ browser }) => {
  const page = await browser.newPage();
  await signInWithPassword(page, admin.email);
  await page.goto('/admin/sign-in');
  const remove = page.getByRole('button', { name: 'Remove single sign-on' });
  if (await remove.count()) await remove.click();
  await page.close();
  await idp.close();
});

// The password form, named exactly: the provider's button also starts with "Sign in".
async function signInWithPassword(page: Page, email: string) {
  await page.goto('/sign-in');
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(demoPassword);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Welcome');
}

test('the system administrator sets up single sign-on and an officer signs in and out with it', async ({
  page,
}) => {
  const pages = new ProbityPage(page);
  await signInWithPassword(page, admin.email);
  await pages.goto('/admin/sign-in');
  await pages.expectPage('Single sign-on');
  await expect(page.locator('#redirect-uri')).toHaveText(`${probity}/sign-in/sso/demo/callback`);
  await pages.fill('Name of the sign-in service', 'Demo ID');
  await pages.fill('Issuer', idp.issuer);
  await pages.fill('Client ID', idp.clientId);
  await pages.choose('In a file');
  await pages.fill('Name of the environment variable, or full path of the file', '/nowhere/secret');
  await pages.fill('Email domains that may sign in', 'demo.probity.test');
  await pages.choose('Yes');
  await pages.press('Save');
  await expect(pages.errorSummary).toContainText('Probity cannot read the secret');
  await pages.checkAccessible();
  await pages.fill(
    'Name of the environment variable, or full path of the file',
    secretFile(join(process.env.E2E_DATA_DIR ?? '', 'oidc-secrets'), 'demo', idp.clientSecret),
  );
  await pages.press('Save');
  await expect(pages.successBanner).toContainText('The sign-in service has been saved');
  await pages.checkAccessible();
  await pages.signOut();

  await pages.checkAccessible();
  idp.signsInNext('sub-officer');
  await page.getByRole('button', { name: 'Sign in with Demo ID' }).click();
  await expect(pages.heading).toContainText('Welcome');
  await expect(page.locator('body')).toContainText(officer.name);
  await pages.checkAccessible();

  await pages.signOut();
  await pages.checkAccessible();
  await pages.follow('Sign out of Demo ID too');
  // The provider's own page asks whether to sign out there too; it is not Probity's to check.
  await expect(page).toHaveURL(new RegExp(`^${idp.issuer}/session/end`));
  await page.getByRole('button', { name: /sign me out/i }).click();
  await expect(page).toHaveURL(`${probity}/sign-in?signed-out=1`);
  await expect(pages.banner).toContainText('You have signed out.');
});

test('an officer whose address the provider has not verified is told why they cannot sign in', async ({
  page,
}) => {
  const pages = new ProbityPage(page);
  await pages.goto('/sign-in');
  idp.signsInNext('sub-unverified');
  await page.getByRole('button', { name: 'Sign in with Demo ID' }).click();
  await pages.expectPage('You cannot sign in to Probity');
  await expect(page.locator('main')).toContainText('has not verified your email address');
});
