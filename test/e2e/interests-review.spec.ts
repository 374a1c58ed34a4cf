import { expect, test } from '@playwright/test';
import { demoCouncil } from '../../src/modules/organisation/councils/demo-council.ts';
import { expectAccessible, menuLink, signIn, signOut } from './support.ts';

// The line manager's review of a declaration, end to end: the acceptance criterion
// "manager records a managed conflict", and the officer then sees the outcome. Ellie Watson and
// her manager Nia Evans are in no other journey; the contractor's name is unique to the run.

function person(name: string) {
  const found = demoCouncil.people.find((p) => p.name === name);
  if (!found) throw new Error(`The demo council has no ${name}`);
  return found;
}

const run = Date.now().toString(36);

test('a line manager records a managed conflict, and the officer sees what is being done', async ({
  page,
}) => {
  const officer = person('Ellie Watson');
  const manager = person('Nia Evans');
  expect(manager.key).toBe(officer.manager);
  const contractor = `Watson Lettings ${run} Ltd`;
  const action = `Ellie takes no part in allocating repairs to ${contractor}`;
  const reviewYear = String(new Date().getFullYear() + 1);

  await signIn(page, officer.email);
  await menuLink(page, 'Interests').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Register of interests');
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Declare an interest' }).click();
  await page.getByRole('radio', { name: 'Relationship with a contractor' }).check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByLabel('Name of the contractor').fill(contractor);
  await page.getByRole('radio', { name: 'Business', exact: true }).check();
  await page
    .getByRole('group', { name: 'Do you engage or supervise this contractor in your job?' })
    .getByRole('radio', { name: 'Yes' })
    .check();
  await page.getByLabel('Tell us more').fill('My brother owns it and it repairs council homes');
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('button', { name: 'Make declaration' }).click();
  const reference = (await page.locator('.govuk-caption-l').innerText()).trim();
  expect(reference).toMatch(/^DOI-\d{4}-\d{4}$/);
  await signOut(page);

  await signIn(page, manager.email);
  await menuLink(page, 'Interests').click();
  await expectAccessible(page);
  await page.getByRole('link', { name: /^Declarations to review \(\d+\)$/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Declarations to review');
  await expectAccessible(page);
  const task = page.getByRole('row').filter({ hasText: contractor });
  await expect(task).toContainText('Relationship with a contractor');
  await task.getByRole('link', { name: new RegExp(`^${officer.name}\\W+review ${reference}$`) }).click();

  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Review ${officer.name}’s declaration`);
  await expect(page.locator('.govuk-summary-list')).toContainText([contractor]);
  await expect(page.getByText(`Contractor: ${contractor}`)).toBeVisible();
  await expectAccessible(page);
  // No decision is an error that saves nothing.
  await page.getByRole('button', { name: 'Record the review' }).click();
  await expect(page.getByRole('alert')).toContainText('Select the outcome of your review');
  await expect(page).toHaveTitle(/^Error: /);
  await expectAccessible(page);

  await page.getByRole('radio', { name: 'Conflict managed' }).check();
  await page.getByLabel('What is being done to manage it?').fill(action);
  const date = page.getByRole('group', { name: 'When will you review the arrangement?' });
  await date.getByLabel('Day').fill('1');
  await date.getByLabel('Month').fill('6');
  await date.getByLabel('Year').fill(reviewYear);
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Record the review' }).click();

  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Declarations to review');
  await expect(page.getByRole('alert', { name: 'Success' })).toContainText(
    `Review recorded for ${officer.name}’s declaration ${reference}`,
  );
  await expect(page.getByRole('row').filter({ hasText: contractor })).toHaveCount(0);
  await expectAccessible(page);
  await signOut(page);

  await signIn(page, officer.email, undefined, { checkAccessibility: false });
  await menuLink(page, 'Interests').click();
  const entry = page.getByRole('row').filter({ hasText: reference });
  await expect(entry.locator('.govuk-tag')).toHaveText('Conflict managed');
  await expectAccessible(page);
  await entry.getByRole('link', { name: reference }).click();
  await expect(page.locator('#review')).toContainText('Conflict managed');
  await expect(page.locator('#review')).toContainText(action);
  await expect(page.locator('#review')).toContainText(`1 June ${reviewYear}`);
  await expectAccessible(page);
});
