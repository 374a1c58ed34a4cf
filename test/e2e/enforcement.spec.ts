import { expect, test } from '@playwright/test';
import { londonToday } from './london-dates.ts';
import { EnforcementPages } from './pages/enforcement.ts';
import type { DateParts } from './pages/probity-page.ts';
import { signIn } from './pages/sign-in.ts';
import { demoPerson, run } from './support.ts';

// An enforcement case from the team leader's desk to the revenues system's payments [004; DOMAIN.md
// §5]: Dean Walsh makes a case, records its notice of enforcement and allocates it to Owen Rees;
// Owen finds it among his cases, is refused taking goods into control with only a child present
// (TCG Regs 2013 reg 10), and agrees a payment arrangement instead; Dean imports the payments file,
// refused whole for a bad line, then applied, then sent again to no effect. The case ends paying by
// arrangement, so the route planner's journey (planning.spec.ts) never plans a visit to it.

// A day some days before today, London.
function daysAgo(days: number): DateParts {
  const day = new Date(`${londonToday().iso}T12:00:00Z`);
  day.setUTCDate(day.getUTCDate() - days);
  return {
    day: String(day.getUTCDate()),
    month: String(day.getUTCMonth() + 1),
    year: String(day.getUTCFullYear()),
  };
}

const account = `CT-E2E-${run}`;
const reference = `RV-${run}-1`;

test('a team leader’s new case is worked by its agent and paid by arrangement from the payments file', async ({
  page,
  browser,
}) => {
  test.slow(); // two people, fifteen pages, each checked with axe
  await signIn(page, demoPerson('Dean Walsh').email);
  const dean = new EnforcementPages(page);
  await dean.openFromMenu('Enforcement');
  const caseRef = await dean.createCase({
    accountRef: account,
    debtorName: `Robin Hartley ${run}`,
    address: '9 Wren Close, Demoton',
    postcode: 'DM2 7PL',
    balance: '400.00',
    liabilityOrderOn: daysAgo(60),
    court: 'Demoton Magistrates’ Court',
  });
  await expect(page.locator('#no-notice')).toBeVisible();
  await dean.recordNotice(daysAgo(30));
  await expect(dean.detail('Goods may be taken into control from')).toBeVisible();
  await dean.allocate('Owen Rees');
  await expect(dean.detail('Agent')).toContainText('Owen Rees');

  const context = await browser.newContext();
  const owen = new EnforcementPages(await context.newPage());
  await signIn(owen.page, demoPerson('Owen Rees').email);
  await owen.openFromMenu('My enforcement cases');
  await owen.openCase(caseRef);

  // Only a child at the door: goods are not taken into control.
  await owen.startOutcome('Goods taken into control', ['A child (under 16)']);
  await owen.goods.fill('Television, 250.00');
  await owen.press('Record the outcome');
  await expect(owen.errorSummary).toContainText(
    'Goods cannot be taken into control when the only people present are children or vulnerable people (Taking Control of Goods Regulations 2013 reg 10)',
  );
  await owen.checkAccessible();

  // The debtor comes to the door and agrees to pay: four weekly instalments, as the form offers.
  await owen.choose('Payment arrangement', true);
  await owen.page.getByRole('checkbox', { name: 'A child (under 16)' }).uncheck();
  await owen.page.getByRole('checkbox', { name: 'The debtor' }).check();
  await owen.goods.fill('');
  await expect(owen.instalmentLines).toHaveValue(/^(\d{4}-\d{2}-\d{2}, 100\.00\n?){4}$/);
  await owen.press('Record the outcome');
  await owen.expectPage(`Enforcement case ${caseRef}`);
  await expect(owen.detail('Status')).toContainText('Payment arrangement');
  await expect(owen.instalments.getByRole('row')).toHaveCount(5);
  await expect(owen.outcome('Payment arrangement')).toContainText(/Present\s+The debtor/);
  await context.close();

  // The revenues system's file: a bad line refuses the whole file.
  await dean.goto('/enforcement');
  await dean.openImport();
  const today = londonToday().iso;
  await dean.importPayments(
    'payments-bad.csv',
    `account,date,amount,reference\n${account},${today},10000,${reference}\n${account},${today},ten pounds,RV-${run}-2\n`,
  );
  await expect(dean.errorSummary).toContainText('Line 3: the amount must be a whole number of pence');
  await expect(page.getByRole('heading', { name: 'Nothing in the file was applied' })).toBeVisible();
  await dean.checkAccessible();

  const good = `account,date,amount,reference\n${account},${today},10000,${reference}\n`;
  await dean.importPayments('payments.csv', good);
  await expect(dean.successBanner).toContainText('1 of 1 payments applied');
  await expect(dean.successBanner).not.toContainText('skipped');
  await dean.checkAccessible();
  await dean.importPayments('payments.csv', good);
  await expect(dean.banner).toContainText('This file was already imported on');
  await expect(dean.banner).toContainText('nothing has changed');
  await dean.checkAccessible();

  await dean.goto('/enforcement');
  await dean.openCase(caseRef);
  await expect(dean.payments.getByRole('listitem')).toHaveCount(1);
  await expect(dean.payments).toContainText(`£100.00 (${reference})`);
  await expect(dean.instalments.getByRole('row').nth(1)).toContainText(/£100\.00\s+£100\.00/);
  await expect(dean.instalments.getByRole('row').nth(2)).toContainText(/£100\.00\s+£0\.00/);
  await expect(dean.detail('Balance')).toContainText('£300.00 outstanding');
});
