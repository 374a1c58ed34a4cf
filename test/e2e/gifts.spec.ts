import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { reviewPeriodOf } from '../../src/modules/gifts/rules.ts';
import { demoCouncil } from '../../src/modules/organisation/councils/demo-council.ts';
import { daysFromToday, inPreviousQuarter, londonToday } from './london-dates.ts';
import { GiftOfferPages, type Offer } from './pages/gift-offer.ts';
import { GiftsRegisterPages } from './pages/gifts-register.ts';
import { signIn } from './pages/sign-in.ts';
import { demoAccount, demoPerson, run } from './support.ts';

// The gifts and hospitality register, end to end: each journey uses its own officer,
// service and offeror, so that one journey's entries do not change another's verdicts or reviews.

// The head of service who approves an officer's hospitality and reviews their service's register.
function headOfServiceOf(name: string) {
  const { service } = demoPerson(name);
  const head = demoCouncil.people.find((p) => p.service === service && p.roles.includes('head-of-service'));
  if (!head) throw new Error(`${service} has no head of service`);
  return head;
}

test('an officer records a declined offer from a bidder and copies the refusal wording', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const officer = demoPerson('Liam Barker');
  const today = londonToday();
  const offer: Offer = {
    kind: 'A gift',
    person: 'Dominic Vale',
    organisation: 'Acme Supplies Ltd',
    relationship: 'A bidder in a live tender',
    nature: 'Wine, spirits or a hamper',
    description: `a case of wine (${run})`,
    value: '120',
    offeredOn: today.parts,
    decision: 'I declined it',
    reason: 'They are bidding for the stationery contract',
    outcome: 'Returned by courier',
  };
  const record = new GiftOfferPages(page);
  await signIn(page, officer.email);

  await record.answerQuestions(offer, async () => {
    // Bad input first: nothing described, no value and a date in the future.
    const nextYear = String(Number(today.parts.year) + 1);
    await record.fillDetails({ ...offer, description: '' }, { ...today.parts, year: nextYear }, '');
    await record.press('Continue');
    await expect(record.alert).toContainText('There is a problem');
    await expect(record.alert).toContainText('Describe what was offered');
    await expect(record.alert).toContainText('Enter the estimated value in pounds');
    await expect(record.alert).toContainText('Date offered must be today or in the past');
    await expect(record.errorSummary).toBeFocused();
    await expect(page).toHaveTitle(/^Error: /);
    await expect(page.locator('#value-error')).toContainText('Enter the estimated value in pounds');
    // What was typed is kept.
    await expect(record.group(/When were you offered it\?/).getByLabel('Year')).toHaveValue(nextYear);
    await record.checkAccessible();
  });

  await expect(page.getByText('You must decline this offer')).toBeVisible();
  await expect(record.mustDeclineReasons).toContainText(
    'Substantial gifts, such as bottles or cases of wine or hampers, must not be accepted under any circumstances. (Officers’ Code of Conduct, paragraph 61)',
  );
  await expect(record.mustDeclineReasons).toContainText(
    'A gift must not be accepted from a person or organisation that has, or is seeking, business with the council',
  );
  await expect(record.mustDeclineReasons).toContainText('(Officers’ Code of Conduct, paragraph 59)');

  await expect(record.refusalWording).toContainText(`Thank you for your kind offer of ${offer.description}.`);
  await record.press('Copy the wording');
  await expect(record.button('Copied')).toBeVisible();
  const copied = await page.evaluate<string>('navigator.clipboard.readText()');
  expect(copied).toContain('Thank you for your kind offer of');
  expect(copied).toContain(offer.description);
  expect(copied).toBe((await record.refusalWording.innerText()).trim());
  await record.checkAccessible();

  await record.press('Record the offer');
  await expect(record.heading).toHaveText('Gift from Acme Supplies Ltd');
  await expect(record.state).toHaveText('Declined');
  const reference = await record.referenceOf(today.parts.year);
  await expect(record.success).toContainText(`Offer recorded as ${reference}`);
  await expect(record.summaryList).toContainText(offer.description);
  await record.checkAccessible();

  // The register lists it.
  await record.follow('Back to the register');
  const row = record.row(reference);
  await expect(row).toContainText('Acme Supplies Ltd');
  await expect(row).toContainText('Declined');
  await record.checkAccessible();
});

test('an officer asks for approval of hospitality, their head of service approves it, and the officer sees it approved', async ({
  page,
}) => {
  const officer = demoPerson('Joanna Wright');
  const head = headOfServiceOf(officer.name);
  const today = londonToday();
  const event = daysFromToday(10);
  const offer: Offer = {
    kind: 'Hospitality, such as a meal, an event or travel',
    person: 'Priya Shah',
    organisation: 'Northgate Pest Control',
    relationship: 'A contractor working for the council',
    nature: 'A meal or drinks',
    description: `dinner at The Swan after the contract review (${run})`,
    value: '85',
    offeredOn: today.parts,
    eventOn: event.parts,
    decision: 'I accepted it, or I would like to',
    reason: 'To continue the contract review discussion',
  };
  const record = new GiftOfferPages(page);
  const register = new GiftsRegisterPages(page);

  await signIn(page, officer.email);
  await record.answerQuestions(offer);
  await expect(record.verdict).toContainText(`${head.name} must approve this before you accept it.`);
  await expect(record.verdict).toContainText(
    'Hospitality other than of a minor nature must be authorised in advance by the head of service. (Officers’ Code of Conduct, paragraph 69)',
  );
  await expect(page.getByText(`When you submit, we will ask ${head.name}`)).toBeVisible();
  await record.press('Ask for approval');

  await expect(record.state).toHaveText('Awaiting approval');
  const reference = await record.referenceOf(today.parts.year);
  await expect(record.success).toContainText('We have asked for approval');
  await record.checkAccessible();
  await record.signOut();

  await signIn(page, head.email);
  await register.open();
  await register.checkAccessible();
  await register.follow(/waiting for your approval/);
  await register.expectPage('Offers waiting for your approval');
  await register.approvalTask(officer.name, reference).click();
  await expect(register.heading).toHaveText(`Approve hospitality offered to ${officer.name}`);
  await expect(register.summaryList).toContainText(offer.description);
  await expect(register.summaryRow('Date of the event')).toContainText(event.long);
  await register.checkAccessible();
  await register.press('Send decision');
  await expect(register.alert).toContainText('Select whether you approve it');
  await register.checkAccessible();
  await register.decide('Yes, they may accept it', 'Fine: the review is council business');
  await expect(register.success).toContainText('Decision sent');
  await expect(register.link(new RegExp(reference))).toHaveCount(0);
  await register.checkAccessible();
  await register.signOut();

  await signIn(page, officer.email);
  await register.open();
  await register.follow(reference);
  await expect(record.state).toHaveText('Accepted');
  const approval = register.summaryRow('Approval');
  await expect(approval).toContainText(`Approved by ${head.name}`);
  await expect(approval).toContainText('Fine: the review is council business');
  await register.checkAccessible();
});

test('a head of service signs off their service’s register for the quarter just ended', async ({ page }) => {
  const officer = demoPerson('Michael Bennett');
  const head = headOfServiceOf(officer.name);
  const lastQuarter = inPreviousQuarter();
  const offer: Offer = {
    kind: 'A gift',
    person: 'Mrs Doreen Ellis',
    organisation: '',
    relationship: 'A service user or resident',
    nature: 'Another gift',
    description: `a tin of biscuits for the team (${run})`,
    value: '60',
    offeredOn: lastQuarter.parts,
    decision: 'I accepted it, or I would like to',
    reason: 'A thank-you after her rehousing; shared with the team',
    outcome: 'Shared with the team',
  };
  const register = new GiftsRegisterPages(page);
  await signIn(page, officer.email);
  const reference = await new GiftOfferPages(page).record(offer, 'Accepted', lastQuarter.parts.year);
  await register.signOut();

  await signIn(page, head.email);
  await register.open();
  await register.follow('Your register reviews');
  await register.expectPage('Your register reviews');
  const label = reviewPeriodOf(lastQuarter.quarterStart, 3).label;
  const task = register.reviewTask(head.service, label);
  await expect(task).toHaveCount(1);
  await expect(task).not.toContainText('Signed off');
  await register.reviewLink(task, head.service, label).click();

  await expect(register.heading).toHaveText(head.service);
  await expect(register.caption).toHaveText(label);
  const entry = register.reviewEntry(reference);
  await expect(entry).toContainText(officer.name);
  await expect(entry).toContainText(offer.description);
  await register.checkAccessible();
  await register.fill('Comment (optional)', 'Checked with the team; nothing of concern');
  await register.press('Sign off this register');

  await expect(register.success).toContainText(`You have signed off this register for ${label}`);
  await expect(register.signOffRow('Signed off by')).toContainText(head.name);
  await expect(register.signOffRow('Signed off on')).toContainText(`${londonToday().long} at `);
  await expect(register.signOff).toContainText('Checked with the team; nothing of concern');
  await expect(register.button('Sign off this register')).toHaveCount(0);
  await register.checkAccessible();

  await register.follow('Back to your register reviews');
  await expect(task).toContainText(`Signed off ${londonToday().long} by ${head.name}`);
  await register.checkAccessible();
  await register.signOut();

  // HR see the quarter's sign-off in the dashboard's chart, which tables its counts beside it.
  await signIn(page, demoPerson('Emma Clarke').email);
  await register.open();
  await register.follow('Review dashboard');
  await register.expectPage('Register review dashboard');
  const chart = register.chart('reviews-by-period');
  await expect(chart.drawing).toHaveAccessibleName(/^Register reviews by period/);
  await expect(chart.drawing).toBeVisible();
  const periods = await chart.rows();
  expect(await chart.values()).toEqual(
    periods.flatMap(([, signed, due, overdue]) => [
      `${signed} signed off`,
      `${due} due`,
      `${overdue} overdue`,
    ]),
  );
  const quarter = periods.find((row) => row[0] === label);
  expect(Number(quarter?.[1])).toBeGreaterThanOrEqual(1); // signed off
});

test('an auditor downloads the register as CSV, and the public page shows only the published fields', async ({
  page,
  browser,
}) => {
  const officer = demoPerson('Chloe Roberts');
  const auditor = demoAccount('audit');
  const today = londonToday();
  const offeror = `Riverside Print Co ${run}`;
  const offer: Offer = {
    kind: 'A gift',
    person: '',
    organisation: offeror,
    relationship: 'A supplier to the council',
    nature: 'Another gift',
    description: `a leather desk set (${run})`,
    value: '75',
    offeredOn: today.parts,
    decision: 'I declined it',
    reason: 'They supply our printed forms',
    outcome: 'Returned by post',
  };
  const register = new GiftsRegisterPages(page);
  await signIn(page, officer.email);
  const reference = await new GiftOfferPages(page).record(offer, 'Declined', today.parts.year);
  await register.signOut();

  await signIn(page, auditor.email);
  await register.open();
  await expect(register.heading).toHaveText('Gifts and hospitality register');
  await expect(register.row(reference)).toContainText(officer.name);
  await register.checkAccessible();
  const download = await register.downloadCsv();
  expect(download.suggestedFilename()).toBe('gifts-and-hospitality-register.csv');
  const csv = (await readFile(await download.path(), 'utf8')).replace(/^\uFEFF/, '');
  const [header, ...rows] = csv.split('\r\n');
  expect(header).toBe(
    'Reference,Date offered,Officer,Job title,Service,Gift or hospitality,Nature,Description,' +
      'Offered by (person),Offered by (organisation),Relationship with the council,' +
      'Estimated value (£),Decision,Reason,What happened to it,Approval,Recorded at',
  );
  const line = rows.find((row) => row.startsWith(`${reference},`));
  expect(line).toBeTruthy();
  expect(line).toContain(officer.name);
  expect(line).toContain(offeror);
  expect(line).toContain('75.00');
  expect(line).toContain('Declined');

  // Anyone can see the published register, without signing in.
  const publicContext = await browser.newContext();
  const visitor = new GiftsRegisterPages(await publicContext.newPage());
  await visitor.openPublic();
  await expect(visitor.heading).toHaveText('Gifts and hospitality register');
  await visitor.checkAccessible();
  const headings = await visitor.page.getByRole('columnheader').allInnerTexts();
  expect(headings.map((heading) => heading.trim())).toEqual([
    'Job title',
    'Service',
    'Offered by',
    'Nature of the gift or hospitality',
    'Value band',
    'Date offered',
    'Accepted or declined',
  ]);
  const published = visitor.row(offeror);
  await expect(published).toHaveCount(1);
  await expect(published).toContainText(officer.jobTitle);
  await expect(published).toContainText('Customer Services');
  await expect(published).toContainText('Gift: Another gift');
  await expect(published).toContainText('£50 to £99');
  await expect(published).toContainText('Declined');
  // Not published: the names of staff below head of service, the exact value, the description.
  const body = visitor.page.locator('main');
  await expect(body).not.toContainText(officer.name);
  await expect(body).not.toContainText(demoPerson('Liam Barker').name);
  await expect(body).not.toContainText(offer.description);
  await expect(published).not.toContainText('£75');
  await publicContext.close();
});
