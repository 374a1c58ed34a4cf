import { AxeBuilder } from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

export const demoPassword = 'probity demo 2026';

// Every page a journey visits is checked against WCAG 2.2 AA; any violation fails the test.
export async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  const summary = results.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
  );
  expect(summary, `accessibility violations on ${page.url()}`).toEqual([]);
}

export async function signIn(
  page: Page,
  email: string,
  password = demoPassword,
  options = { checkAccessibility: true },
) {
  await page.goto('/sign-in');
  if (options.checkAccessibility) await expectAccessible(page);
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Welcome');
}

export async function signOut(page: Page) {
  await page.getByRole('button', { name: /Sign out/ }).click();
  await expect(page.getByRole('heading', { name: 'Sign in to Probity' })).toBeVisible();
}

export async function navigationLinks(page: Page): Promise<string[]> {
  return page.locator('.govuk-service-navigation__list a.govuk-service-navigation__link').allInnerTexts();
}

export function menuLink(page: Page, name: string) {
  return page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name, exact: true });
}
