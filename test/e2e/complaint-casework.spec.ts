import { expect, type Page, test } from '@playwright/test';
import { demoCouncil } from '../../src/modules/organisation/councils/demo-council.ts';
import { expectAccessible, signIn, signOut } from './support.ts';

// Staff casework on a complaint made online: the complaints manager triages,
// allocates, extends and responds at stage 1; the person checks progress with the reference and
// email and escalates; stage 2 goes to a different officer, is answered and closed. The
// complaint is about Finance and Revenues, which no other journey complains about; the
// complainant's name and email are unique to the run.

const run = Date.now().toString(36);
const email = `casework.${run}@example.test`;

function person(name: string) {
  const found = demoCouncil.people.find((p) => p.name === name);
  if (!found) throw new Error(`The demo council has no ${name}`);
  return found;
}

async function heading(page: Page, text: string | RegExp) {
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(text);
  await expectAccessible(page);
}

async function makeComplaint(page: Page): Promise<string> {
  await page.goto('/public/demo/complaints/new');
  await page.getByRole('radio', { name: /Something a council service did or failed to do/ }).check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('radio', { name: 'Myself' }).check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByLabel('Full name').fill(`Sam Casework ${run}`);
  await page.getByLabel('Email address').fill(email);
  await page.getByRole('radio', { name: 'Email' }).check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('radio', { name: 'Finance and Revenues' }).check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page
    .getByLabel('Tell us what happened')
    .fill(`My council tax refund has not arrived after three months (${run}).`);
  await page.getByLabel('Day').fill('2');
  await page.getByLabel('Month').fill('11');
  await page.getByLabel('Year').fill('2026');
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByLabel('What would you like to happen?').fill('Pay the refund.');
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('radio', { name: 'No' }).check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('button', { name: 'Send complaint' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Complaint sent');
  return (await page.locator('#reference').innerText()).trim();
}

async function openCase(page: Page, reference: string) {
  await page.goto('/complaints');
  await heading(page, 'Complaints');
  await page.getByRole('link', { name: reference, exact: true }).first().click();
  await heading(page, `Complaint from Sam Casework ${run}`);
}

async function act(page: Page, link: string, title: string) {
  await page.getByRole('link', { name: link, exact: true }).click();
  await heading(page, title);
}

async function done(page: Page, message: string) {
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Complaint from Sam Casework ${run}`);
  await expect(page.getByText(message)).toBeVisible();
  await expectAccessible(page);
}

test('staff triage, allocate, extend and respond; the person escalates; stage 2 is answered and closed', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const manager = person('Lucy Adeyemi');
  const reference = await makeComplaint(page);
  expect(reference).toMatch(/^CMP-\d{4}-\d{4}$/);

  await signIn(page, manager.email);
  await openCase(page, reference);
  await expect(page.getByText('How the dates were worked out')).toBeVisible();

  // Triage: nothing chosen is said, with the error summary; then accepted.
  await act(page, 'Triage the complaint', 'Triage the complaint');
  await page.getByRole('button', { name: 'Record the decision and send the letter' }).click();
  await expect(page.getByRole('link', { name: 'Select what it is' })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('radio', { name: 'A complaint: accept it at stage 1' }).check();
  await page.getByRole('radio', { name: 'Unreasonable delay' }).check();
  await page
    .getByRole('group', { name: 'Is it about a housing matter?' })
    .getByRole('radio', { name: 'No' })
    .check();
  await page.getByRole('button', { name: 'Record the decision and send the letter' }).click();
  await done(page, 'Triage decision recorded and the letter sent.');

  await act(page, 'Allocate the complaint', 'Allocate the complaint');
  await page.getByRole('radio', { name: 'Hannah Price' }).check();
  await page.getByRole('button', { name: 'Allocate' }).click();
  await done(page, 'Complaint allocated. The officer has been emailed.');

  // Extension: over the limit is refused, then five working days with a reason.
  await act(page, 'Extend the deadline', 'Extend the deadline');
  await page.getByLabel('How many working days?').fill('11');
  await page.getByLabel('Why is more time needed?').fill('Waiting for the bank’s records');
  await page.getByRole('button', { name: 'Extend and send the letter' }).click();
  await expect(
    page.getByRole('link', { name: 'Stage 1 can be extended by at most 10 working days' }),
  ).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel('How many working days?').fill('5');
  await page.getByRole('button', { name: 'Extend and send the letter' }).click();
  await done(page, 'Extension recorded and the letter with the new date sent.');
  await expect(page.locator('#stage-1-due')).toContainText('extended to');

  await act(page, 'Record the response', 'Record the response');
  await page.getByRole('radio', { name: 'Partially upheld' }).check();
  await page.getByLabel('What the investigation found').fill('The refund was approved but not paid.');
  await page.getByRole('button', { name: 'Send the response' }).click();
  await done(page, 'Response recorded and the letter sent.');
  await page.getByRole('link', { name: 'Letters', exact: true }).first().click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Letters');
  await expectAccessible(page);
  await signOut(page);

  // The person checks progress and escalates, giving no reason.
  await page.goto('/public/demo/complaints/progress');
  await heading(page, 'Check the progress of your complaint');
  await page.getByLabel('Complaint reference').fill(reference);
  await page.getByLabel('Email address').fill(email);
  await page.getByRole('button', { name: 'Continue' }).click();
  await heading(page, reference);
  await page.getByRole('button', { name: 'Ask for stage 2' }).click();
  await expect(page.getByText('You have asked for your complaint to go to stage 2')).toBeVisible();
  await expectAccessible(page);

  // Stage 2 must go to someone other than the stage 1 handler.
  await signIn(page, manager.email);
  await openCase(page, reference);
  await expect(page.getByRole('heading', { name: 'Stage 2' })).toBeVisible();
  await act(page, 'Allocate the complaint', 'Allocate the complaint');
  await page.getByRole('radio', { name: 'Hannah Price' }).check();
  await page.getByRole('button', { name: 'Allocate' }).click();
  await expect(
    page.getByRole('link', { name: 'Hannah Price handled stage 1: stage 2 must be handled by someone else' }),
  ).toBeVisible();
  await expectAccessible(page);
  await page
    .getByRole('radio', { name: 'James O’Neill' })
    .or(page.getByRole('radio', { name: "James O'Neill" }))
    .check();
  await page.getByRole('button', { name: 'Allocate' }).click();
  await done(page, 'Complaint allocated. The officer has been emailed.');

  await act(page, 'Record the response', 'Record the response');
  await page.getByRole('radio', { name: 'Not upheld' }).check();
  await page.getByLabel('What the investigation found').fill('The stage 1 response put things right.');
  await page.getByRole('button', { name: 'Send the response' }).click();
  await done(page, 'Response recorded and the letter sent.');

  await act(page, 'Close the complaint', 'Close the complaint');
  await page.getByRole('button', { name: 'Close the complaint' }).click();
  await done(page, 'Complaint closed.');
  await expect(page.locator('.govuk-tag').first()).toHaveText('Closed');

  await page.goto(`/complaints/all?q=${reference}`);
  await heading(page, 'All complaints');
  await expect(page.getByRole('link', { name: reference })).toBeVisible();
});
