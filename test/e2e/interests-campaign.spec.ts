import { expect, type Page, test } from '@playwright/test';
import { demoCouncil } from '../../src/modules/organisation/councils/demo-council.ts';
import { CampaignPages } from './pages/interests.ts';
import { signIn } from './pages/sign-in.ts';
import { demoPerson } from './support.ts';

// The annual declaration campaign: HR opens one for Environmental Health and Licensing,
// whose three members make nil returns (the field officer also signs the accounts declaration),
// and HR sees the service at 100%. No other journey declares an interest for these people or adds
// anyone to their service.

const service = 'Environmental Health and Licensing';
const members = demoCouncil.people.filter((person) => person.service === service);

async function makeNilReturn(page: Page, email: string, fieldOfficer: boolean) {
  const annual = new CampaignPages(page);
  await signIn(page, email);
  await annual.menuLink('Interests').click();
  await expect(annual.banner).toContainText('You have an annual declaration to make by');
  await annual.checkAccessible();
  await annual.follow(/^Make your declaration for /);
  await expect(annual.currentDeclarations).toHaveText('You have no current declarations.');
  await annual.checkAccessible();
  await annual.choose('I have nothing to declare');
  if (fieldOfficer) {
    // Refused without the field officers' declaration, then sent with it.
    await annual.sendDeclaration();
    await expect(annual.alert).toBeVisible();
    await annual.checkAccessible();
    await annual.signFieldOfficersDeclaration();
  }
  await annual.sendDeclaration();
  await expect(page.getByText('Your annual declaration has been recorded')).toBeVisible();
  await expect(annual.yourResponse).toContainText('Nil return');
  await annual.checkAccessible();
  await annual.signOut();
}

test('HR opens a campaign, everyone in a service makes a nil return, and HR sees 100%', async ({ page }) => {
  expect(members.map((person) => person.name).sort()).toEqual([
    'Fiona McLeod',
    'Joanna Wright',
    'Peter Green',
  ]);
  const hr = demoPerson('Emma Clarke');
  const year = new Date().getFullYear() + 1;
  const campaigns = new CampaignPages(page);

  await signIn(page, hr.email);
  await campaigns.menuLink('Interests').click();
  await campaigns.follow('Annual declaration campaigns');
  await campaigns.checkAccessible();
  await campaigns.press('Open a campaign');
  await campaigns.checkAccessible();
  await campaigns.openCampaign(`${service} ${year}`, { day: '30', month: '4', year: String(year) }, service);
  await expect(campaigns.heading).toHaveText('Completion by service');
  await expect(campaigns.row(service)).toContainText('0%');
  const completion = campaigns.chart('completion-chart');
  await expect(completion.drawing).toHaveAccessibleName(/^Share responded, by service/);
  expect(await completion.values()).toEqual(['0% (0 of 3)']);
  await campaigns.checkAccessible();
  const dashboard = page.url();
  await campaigns.signOut();

  for (const member of members) {
    await makeNilReturn(page, member.email, member.roles.includes('field-officer'));
  }

  await signIn(page, hr.email);
  await campaigns.goto(dashboard);
  await expect(campaigns.row(service)).toContainText('100%');
  await expect(campaigns.summary).toContainText('100% (3 of 3, of whom 3 made a nil return)');
  // The chart's bar and the table beside it say the same.
  await expect(completion.drawing).toBeVisible();
  expect(await completion.values()).toEqual(['100% (3 of 3)']);
  expect(await completion.rows()).toEqual([[service, '3', '3', '3', '0', '100%']]);
  await campaigns.checkAccessible();
});
