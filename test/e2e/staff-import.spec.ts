import { expect, test } from '@playwright/test';
import { ProbityPage } from './pages/probity-page.ts';
import { signIn } from './pages/sign-in.ts';
import { demoPerson, run } from './support.ts';

// HR bring the staff file from the HR system (DOMAIN.md "People, organisation and roles"): a file
// with a bad row is shown with its line and cannot be applied; a good one adds a starter and makes
// a leaver, who can no longer sign in; the leaver's declarations awaiting review move to another
// line manager from the leavers page, and the home page says so until they have.

const heading =
  'Staff Number,Name,Email,Job Title,Service,Line Manager,Start Date,Leaving Date,Contract Type';
const grace = demoPerson('Grace Whitmore');
const rows = {
  starter: `N${run},"Starter, Sam ${run}",sam.starter.${run}@demo.probity.test,Revenues Officer,Finance and Revenues,${grace.email},2026-04-01,,agency`,
  leaver: `G100,Grace Whitmore,${grace.email},Revenues Team Leader,Finance and Revenues,,2015-06-01,2026-01-31,employee`,
  bad: `B${run},Bad Date,bad.${run}@demo.probity.test,Officer,,,31/02/2026,,employee`,
};

class StaffPages extends ProbityPage {
  async upload(csv: string) {
    await this.goto('/people/import');
    await this.expectPage('Import staff from the HR system');
    await this.field('Staff file (CSV)').setInputFiles({
      name: 'staff.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv),
    });
    await this.press('Preview');
  }
}

test('HR preview and apply the staff file, then move a leaver’s work to another manager', async ({
  page,
}) => {
  await signIn(page, demoPerson('Emma Clarke').email);
  const staff = new StaffPages(page);
  await staff.menuLink('People').click();
  await staff.follow('Import staff from the HR system');
  await staff.expectPage('Import staff from the HR system');

  await staff.upload(`\uFEFF${[heading, rows.starter, rows.bad].join('\r\n')}`);
  await staff.expectPage('Check the staff file before applying it');
  await expect(page.getByRole('table', { name: 'Rows with problems' })).toContainText(
    'The start date “31/02/2026” is not a date',
  );
  await expect(staff.row('The start date')).toContainText('3');
  await expect(staff.button('Apply the staff file')).toHaveCount(0);

  await staff.upload([heading, rows.starter, rows.leaver].join('\n'));
  await staff.expectPage('Check the staff file before applying it');
  await expect(page.getByRole('table', { name: 'People to add' })).toContainText(`Starter, Sam ${run}`);
  await expect(page.locator('main')).toContainText('Line 3: Grace Whitmore (G100), left 31 January 2026');
  await staff.press('Apply the staff file');
  await expect(staff.successBanner).toContainText('The staff file has been applied');
  await staff.expectPage('Staff file applied');
  const applied = (label: string) => page.locator('.govuk-summary-list__row').filter({ hasText: label });
  await expect(applied('People added')).toContainText('1');
  await expect(applied('People who became leavers')).toContainText('1');

  await staff.goto('/');
  await expect(page.locator('#tasks')).toContainText('Leavers still holding work');
  await staff.follow('Leavers still holding work');
  await staff.expectPage('Leavers still holding work');
  await staff.follow('Grace Whitmore');
  await staff.expectPage('Grace Whitmore’s work');
  await staff.press(/^Move \d+ to this person$/);
  await expect(staff.errorSummary).toContainText('Choose who takes this on');
  await staff.checkAccessible();
  const robert = page.getByRole('option', { name: /^Robert Ashworth,/ });
  await staff.field('Move to').selectOption((await robert.getAttribute('value')) ?? '');
  await staff.press(/^Move \d+ to this person$/);
  await expect(staff.successBanner).toContainText(
    'Declarations awaiting their review moved to Robert Ashworth',
  );
  await staff.expectPage('Grace Whitmore’s work');
});
