import { expect, type Page, test } from '@playwright/test';
import { demoCouncil } from '../../src/modules/organisation/councils/demo-council.ts';
import { expectAccessible, menuLink, signIn, signOut } from './support.ts';

// Unreasonable behaviour end to end: the complaints manager records a customer's
// contacts, warns them, marks them pre-vexatious and then vexatious with a no-phone restriction;
// a Customer Services adviser logging that customer's call then sees the warning and the named
// contact before going on. The customer's name is unique to the run.

function person(name: string) {
  const found = demoCouncil.people.find((p) => p.name === name);
  if (!found) throw new Error(`The demo council has no ${name}`);
  return found;
}

const run = Date.now().toString(36);
const customerName = `Vernon Vexley ${run}`;

async function logContact(page: Page, summary: string, minutes: string) {
  await page.getByRole('button', { name: 'Log a contact' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Log a contact');
  await expectAccessible(page);
  await page.getByRole('radio', { name: 'Phone call' }).check();
  await page.getByLabel('Officer time taken, in minutes').fill(minutes);
  await page.getByLabel('What was it about?').fill(summary);
  await page.getByLabel('Outcome (optional)').fill('Told them the matter is closed');
  await page.getByRole('button', { name: 'Log contact' }).click();
  await expect(page.locator('.govuk-notification-banner--success')).toContainText('Contact logged');
}

async function decide(page: Page, link: string, heading: string) {
  await page.getByRole('link', { name: link }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
  await expectAccessible(page);
  await page
    .getByLabel('What is the behaviour, and why is it unreasonable?')
    .fill('You have phoned many times about a parking fine already answered, and used abusive language.');
  await page
    .getByLabel('Evidence gathered')
    .fill('The calls on the timeline, with the officer time they took.');
  await page.getByLabel('Equality Act check').fill('No disability or other need known; asked, none given.');
}

test('the complaints manager restricts a vexatious customer, and an adviser sees it before taking their call', async ({
  page,
}) => {
  test.slow(); // fifteen pages, each checked with axe
  const manager = person('Lucy Adeyemi');
  const adviser = person('Chloe Roberts');

  await signIn(page, manager.email);
  await menuLink(page, 'Customers').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Customers');
  await expectAccessible(page);
  await page.getByRole('link', { name: 'Add a customer' }).click();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Add customer' }).click();
  await expect(page.locator('.govuk-error-summary')).toContainText('Enter the customer’s name');
  await expectAccessible(page);
  await page.getByLabel('Full name').fill(customerName);
  await page.getByLabel('Email address (optional)').fill(`vernon.${run}@example.com`);
  await page.getByRole('button', { name: 'Add customer' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(customerName);
  await expectAccessible(page);

  await logContact(page, 'Shouted at the adviser about the parking fine', '20');
  await logContact(page, 'Called again about the same fine, abusive', '35');
  await expect(page.locator('#timeline')).toContainText('2 contacts, 55 minutes of officer time');
  await expectAccessible(page);

  await decide(page, 'Send a warning', 'Send a warning');
  await page.getByRole('button', { name: 'Send a warning' }).click();
  await expect(page.locator('.govuk-notification-banner--success')).toContainText('Warning recorded');
  await expect(page.locator('#contact-warning')).toContainText('Warned about their behaviour');

  await decide(page, 'Mark as pre-vexatious (final warning)', 'Mark as pre-vexatious');
  await page
    .getByLabel('Single point of contact')
    .selectOption({ label: `${manager.name}, ${manager.jobTitle}` });
  await page.getByRole('button', { name: 'Mark as pre-vexatious' }).click();
  await expect(page.locator('.govuk-notification-banner--success')).toContainText('final warning letter');

  await decide(page, 'Mark as vexatious', 'Mark as vexatious');
  await page.getByRole('checkbox', { name: 'No phone calls' }).check();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Mark as vexatious' }).click();
  await expect(page.locator('.govuk-notification-banner--success')).toContainText(
    'Customer marked vexatious',
  );
  await expect(page.locator('#contact-warning')).toContainText(
    'Do not accept phone calls from this person or from anyone calling for them.',
  );
  await expect(page.getByRole('heading', { name: 'Letters' })).toBeVisible();
  await expect(page.getByRole('link', { name: /Your contact with .*: restrictions/ })).toBeVisible();
  await expectAccessible(page);
  // The pages the manager uses next: more restrictions, the review, the reviews due.
  await page.getByRole('link', { name: 'Restrict their contact' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Restrict their contact');
  await expectAccessible(page);
  await page.getByRole('link', { name: /^Back to / }).click();
  await page.getByRole('link', { name: 'Review their category and restrictions' }).click();
  await expect(page.getByRole('group', { name: 'Your decision' })).toBeVisible();
  await expectAccessible(page);
  await page.goto('/customers/reviews');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Customer reviews due');
  await expectAccessible(page);
  await signOut(page);

  // The point of contact (003 vexatious procedure §5.2, §6): before the adviser fills anything in.
  await signIn(page, adviser.email);
  await menuLink(page, 'Customers').click();
  await page.getByLabel('Name, email address or phone number').fill(customerName);
  await page.getByRole('button', { name: 'Search' }).click();
  await expectAccessible(page);
  await page
    .getByRole('row')
    .filter({ hasText: customerName })
    .getByRole('link', { name: /Log a contact/ })
    .click();
  const warning = page.locator('#contact-warning');
  await expect(warning).toContainText(`Before you go on: contact with ${customerName} is managed`);
  await expect(warning).toContainText(
    'Do not accept phone calls from this person or from anyone calling for them.',
  );
  await expect(warning).toContainText(`Single point of contact: ${manager.name}.`);
  const warningBox = await warning.boundingBox();
  const firstQuestion = await page.getByRole('group', { name: 'How did they make contact?' }).boundingBox();
  expect(warningBox && firstQuestion && warningBox.y < firstQuestion.y).toBe(true);
  await expectAccessible(page);
  await page.getByRole('radio', { name: 'Phone call' }).check();
  await page.getByLabel('Officer time taken, in minutes').fill('3');
  await page
    .getByLabel('What was it about?')
    .fill('Called; told them we cannot take their calls and to contact Lucy Adeyemi');
  await page.getByRole('button', { name: 'Log contact' }).click();
  await expect(page.getByRole('heading', { name: 'Contacts you logged' })).toBeVisible();
  await expect(page.getByText('Shouted at the adviser')).toHaveCount(0);
  await expectAccessible(page);
});
