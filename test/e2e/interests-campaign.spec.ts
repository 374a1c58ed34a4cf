import { expect, type Page, test } from '@playwright/test';
import { demoCouncil } from '../../src/modules/organisation/councils/demo-council.ts';
import { expectAccessible, menuLink, signIn, signOut } from './support.ts';

// The annual declaration campaign: HR opens one for Environmental Health and Licensing,
// whose three members make nil returns (the field officer also signs the accounts declaration),
// and HR sees the service at 100%. No other journey declares an interest for these people or adds
// anyone to their service.

const service = 'Environmental Health and Licensing';
const members = demoCouncil.people.filter((person) => person.service === service);
const hr = demoCouncil.people.find((person) => person.name === 'Emma Clarke');

async function makeNilReturn(page: Page, email: string, fieldOfficer: boolean) {
  await signIn(page, email);
  await menuLink(page, 'Interests').click();
  await expect(page.locator('.govuk-notification-banner')).toContainText(
    'You have an annual declaration to make by',
  );
  await expectAccessible(page);
  await page.getByRole('link', { name: /^Make your declaration for / }).click();
  await expect(page.locator('#current-declarations')).toHaveText('You have no current declarations.');
  await expectAccessible(page);
  await page.getByRole('radio', { name: 'I have nothing to declare' }).check();
  if (fieldOfficer) {
    // Refused without the field officers' declaration, then sent with it.
    await page.getByRole('button', { name: 'Send your declaration' }).click();
    await expect(page.getByRole('alert')).toBeVisible();
    await expectAccessible(page);
    await page.getByRole('group', { name: 'Field officers’ declaration' }).getByRole('checkbox').check();
  }
  await page.getByRole('button', { name: 'Send your declaration' }).click();
  await expect(page.getByText('Your annual declaration has been recorded')).toBeVisible();
  await expect(page.locator('#your-response')).toContainText('Nil return');
  await expectAccessible(page);
  await signOut(page);
}

test('HR opens a campaign, everyone in a service makes a nil return, and HR sees 100%', async ({ page }) => {
  expect(members.map((person) => person.name).sort()).toEqual([
    'Fiona McLeod',
    'Joanna Wright',
    'Peter Green',
  ]);
  if (!hr) throw new Error('The demo council has no Emma Clarke');
  const year = new Date().getFullYear() + 1;

  await signIn(page, hr.email);
  await menuLink(page, 'Interests').click();
  await page.getByRole('link', { name: 'Annual declaration campaigns' }).click();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Open a campaign' }).click();
  await expectAccessible(page);
  await page.getByLabel('Name').fill(`${service} ${year}`);
  const due = page.getByRole('group', { name: 'When are declarations due?' });
  await due.getByLabel('Day').fill('30');
  await due.getByLabel('Month').fill('4');
  await due.getByLabel('Year').fill(String(year));
  await page.getByRole('radio', { name: 'People in chosen services' }).check();
  await page.getByRole('checkbox', { name: service }).check();
  await page.getByRole('button', { name: 'Open the campaign and email everyone' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Completion by service');
  const row = page.getByRole('row').filter({ hasText: service });
  await expect(row).toContainText('0%');
  await expectAccessible(page);
  const dashboard = page.url();
  await signOut(page);

  for (const member of members) {
    await makeNilReturn(page, member.email, member.roles.includes('field-officer'));
  }

  await signIn(page, hr.email);
  await page.goto(dashboard);
  await expect(page.getByRole('row').filter({ hasText: service })).toContainText('100%');
  await expect(page.locator('#campaign-summary')).toContainText('100% (3 of 3, of whom 3 made a nil return)');
  await expectAccessible(page);
});
