import { expect, test } from '@playwright/test';
import { expectAccessible, signIn } from './support.ts';

// Declaring an interest, end to end: the acceptance criterion "an officer declares
// secondary employment that breaches 48 hours and sees the warning".

// Words unique to this run, so that a re-run against the same data finds its own declaration.
const run = Date.now().toString(36);

test('an officer declares secondary employment past 48 hours a week and is warned before making it', async ({
  page,
}) => {
  const employer = `Kerr Legal Tutoring ${run}`;
  await signIn(page, 'daniel.kerr@demo.probity.test');

  await page.goto('/interests/new');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('What do you want to declare?');
  await expectAccessible(page);
  // Nothing chosen is an error, not a new declaration.
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('alert')).toContainText('Select what you are declaring');
  await expectAccessible(page);
  await page.getByRole('radio', { name: 'Secondary employment' }).check();
  await page.getByRole('button', { name: 'Continue' }).click();

  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Secondary employment');
  await expectAccessible(page);
  await page.getByLabel('Employer or business name').fill(employer);
  await page.getByLabel('Job title or role').fill('Evening tutor');
  await page.getByLabel('Hours a week in this job').fill('twelve');
  await page.getByLabel('Your contracted hours a week with the council').fill('37');
  await page.getByRole('group', { name: 'Is it paid?' }).getByRole('radio', { name: 'Yes' }).check();
  await page.getByRole('button', { name: 'Continue' }).click();

  const summary = page.getByRole('alert');
  await expect(summary).toContainText('There is a problem');
  await expect(summary).toContainText('“Hours a week in this job” must be a number of hours, like 16 or 7.5');
  await expect(page).toHaveTitle(/^Error: /);
  await expect(page.getByLabel('Employer or business name')).toHaveValue(employer);
  await expectAccessible(page);
  await page.getByLabel('Hours a week in this job').fill('12');
  await page.getByRole('button', { name: 'Continue' }).click();

  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Check your answers before making your declaration',
  );
  const warning = page.locator('#hours-warning');
  await expect(warning).toContainText(
    /Your contracted and declared hours come to \d+ a week, more than the average of 48/,
  );
  await expect(warning).toContainText('ask your manager for advice');
  await expect(page.locator('#reviewer')).toContainText('Your declaration goes to Rajesh Patel to review');
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Make declaration' }).click();

  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    `Evening tutor, ${employer}, 12 hours a week`,
  );
  const banner = page.getByRole('alert', { name: 'Success' });
  await expect(banner).toContainText(/Declaration made\. Your reference is DOI-\d{4}-\d{4}/);
  const reference = (await page.locator('.govuk-caption-l').innerText()).trim();
  expect(reference).toMatch(/^DOI-\d{4}-\d{4}$/);
  await expect(banner).toContainText(reference);
  await expect(page.locator('#declaration-status')).toHaveText('Awaiting review');
  await expectAccessible(page);
});
