import { AxeBuilder } from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

export const demoPassword = 'probity demo 2026';

type AxeViolation = Awaited<ReturnType<AxeBuilder['analyze']>>['violations'][number];

// GOV.UK Frontend sets aria-expanded on a radio or checkbox that reveals a follow-up question.
// ARIA does not list it for those roles, but screen readers announce it, and GOV.UK keeps it on
// purpose (alphagov/govuk-frontend#979, a documented known issue): that one finding is not a failure.
function isGovukConditionalReveal(violation: AxeViolation, node: AxeViolation['nodes'][number]): boolean {
  return (
    violation.id === 'aria-allowed-attr' &&
    /class="govuk-(radios|checkboxes)__input"/.test(node.html) &&
    node.any.every((check) =>
      ([check.data].flat() as unknown[]).every((attribute) =>
        /^aria-expanded="(true|false)"$/.test(String(attribute)),
      ),
    )
  );
}

// Every page a journey visits is checked against WCAG 2.2 AA; any violation fails the test.
export async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  const summary = results.violations
    .map((v) => ({ ...v, nodes: v.nodes.filter((n) => !isGovukConditionalReveal(v, n)) }))
    .filter((v) => v.nodes.length > 0)
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
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
