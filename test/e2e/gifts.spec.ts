import { readFile } from 'node:fs/promises';
import { expect, type Page, test } from '@playwright/test';
import { reviewPeriodOf } from '../../src/modules/gifts/rules.ts';
import { demoSignIns } from '../../src/modules/organisation/councils/demo.ts';
import { demoCouncil } from '../../src/modules/organisation/councils/demo-council.ts';
import { expectAccessible, signIn, signOut } from './support.ts';

// The gifts and hospitality register, end to end: each journey uses its own officer,
// service and offeror, so that one journey's entries do not change another's verdicts or reviews.

function person(name: string) {
  const found = demoCouncil.people.find((p) => p.name === name);
  if (!found) throw new Error(`The demo council has no ${name}`);
  return found;
}

// The head of service who approves an officer's hospitality and reviews their service's register.
function headOfServiceOf(name: string) {
  const { service } = person(name);
  const head = demoCouncil.people.find((p) => p.service === service && p.roles.includes('head-of-service'));
  if (!head) throw new Error(`${service} has no head of service`);
  return head;
}

// Words unique to this run, so that a re-run against the same data finds its own entries.
const run = Date.now().toString(36);

type DateParts = { day: string; month: string; year: string };

// Today's date in London, as the server's clock sees it, and as the pages show it.
function londonToday() {
  const now = new Date();
  const format = (options: Intl.DateTimeFormatOptions, locale = 'en-GB') =>
    new Intl.DateTimeFormat(locale, { timeZone: 'Europe/London', ...options }).format(now);
  const iso = format({ year: 'numeric', month: '2-digit', day: '2-digit' }, 'en-CA');
  return {
    iso,
    parts: partsOf(iso),
    long: format({ day: 'numeric', month: 'long', year: 'numeric' }), // 23 November 2026
    short: format({ day: 'numeric', month: 'short', year: 'numeric' }), // 23 Nov 2026
  };
}

function partsOf(iso: string): DateParts {
  const [year, month, day] = iso.split('-');
  return { day: String(Number(day)), month: String(Number(month)), year: String(year) };
}

// The middle of the calendar quarter before today's, and that quarter's first day.
function inPreviousQuarter(): { iso: string; parts: DateParts; quarterStart: string } {
  const { iso: today } = londonToday();
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  const thisQuarterFirstMonth = Math.floor((month - 1) / 3) * 3 + 1;
  const startYear = thisQuarterFirstMonth === 1 ? year - 1 : year;
  const startMonth = thisQuarterFirstMonth === 1 ? 10 : thisQuarterFirstMonth - 3;
  const pad = (n: number) => String(n).padStart(2, '0');
  const iso = `${startYear}-${pad(startMonth + 1)}-15`;
  return { iso, parts: partsOf(iso), quarterStart: `${startYear}-${pad(startMonth)}-01` };
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

type Offer = {
  kind: 'A gift' | 'Hospitality, such as a meal, an event or travel';
  person: string;
  organisation: string;
  relationship: string;
  nature: string;
  description: string;
  value: string;
  offeredOn: DateParts;
  decision: 'I accepted it, or I would like to' | 'I declined it';
  reason: string;
  outcome?: string;
};

async function fillDetails(page: Page, offer: Offer, date: DateParts, value: string) {
  await page.getByRole('radio', { name: offer.nature, exact: true }).check();
  await page.getByLabel('Describe it').fill(offer.description);
  await page.getByLabel('Estimated value').fill(value);
  const when = page.getByRole('group', { name: 'When were you offered it?' });
  await when.getByLabel('Day', { exact: true }).fill(date.day);
  await when.getByLabel('Month', { exact: true }).fill(date.month);
  await when.getByLabel('Year', { exact: true }).fill(date.year);
}

// From the register to the check-your-answers page, answering each question page in turn.
// `details` lets a journey try the details page with bad answers before answering it properly.
async function answerQuestions(
  page: Page,
  offer: Offer,
  details: (page: Page) => Promise<void> = async () => {},
) {
  await page.goto('/gifts');
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Record an offer' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Record a gift or hospitality offer');
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Start now' }).click();

  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Were you offered a gift or hospitality?');
  await expectAccessible(page);
  await page.getByRole('radio', { name: offer.kind }).check();
  await page.getByRole('button', { name: 'Continue' }).click();

  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Who made the offer?');
  await expectAccessible(page);
  await page.getByLabel('Name of the person').fill(offer.person);
  await page.getByLabel('Name of the company or organisation').fill(offer.organisation);
  await page
    .getByRole('group', { name: 'What is their relationship with the council?' })
    .getByRole('radio', { name: offer.relationship })
    .check();
  await page.getByRole('button', { name: 'Continue' }).click();

  await expect(page.getByRole('heading', { level: 1 })).toHaveText('What were you offered?');
  await expectAccessible(page);
  await details(page);
  await fillDetails(page, offer, offer.offeredOn, offer.value);
  await page.getByRole('button', { name: 'Continue' }).click();

  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Did you accept or decline it?');
  await expectAccessible(page);
  await page.getByRole('radio', { name: offer.decision }).check();
  await page.getByLabel('Why?').fill(offer.reason);
  if (offer.outcome) await page.getByLabel('What happened to it (optional)').fill(offer.outcome);
  await page.getByRole('button', { name: 'Continue' }).click();

  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Check your answers before recording the offer',
  );
  await expectAccessible(page);
}

// The entry page's reference, GH-YYYY-NNNN for the year the offer was made.
async function referenceOf(page: Page, year: string): Promise<string> {
  const reference = (await page.locator('.govuk-caption-l').innerText()).trim();
  expect(reference).toMatch(new RegExp(`^GH-${year}-\\d{4}$`));
  return reference;
}

test('an officer records a declined offer from a bidder and copies the refusal wording', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const officer = person('Liam Barker');
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
  await signIn(page, officer.email);

  await answerQuestions(page, offer, async (details) => {
    // Bad input first: nothing described, no value and a date in the future.
    const nextYear = String(Number(today.parts.year) + 1);
    await fillDetails(details, { ...offer, description: '' }, { ...today.parts, year: nextYear }, '');
    await details.getByRole('button', { name: 'Continue' }).click();
    const summary = details.getByRole('alert');
    await expect(summary).toContainText('There is a problem');
    await expect(summary).toContainText('Describe what was offered');
    await expect(summary).toContainText('Enter the estimated value in pounds');
    await expect(summary).toContainText('Date offered must be today or in the past');
    await expect(details.locator('.govuk-error-summary')).toBeFocused();
    await expect(details).toHaveTitle(/^Error: /);
    await expect(details.locator('#value-error')).toContainText('Enter the estimated value in pounds');
    // What was typed is kept.
    await expect(
      details.getByRole('group', { name: /When were you offered it\?/ }).getByLabel('Year'),
    ).toHaveValue(nextYear);
    await expectAccessible(details);
  });

  await expect(page.getByText('You must decline this offer')).toBeVisible();
  const reasons = page.locator('#must-decline-reasons');
  await expect(reasons).toContainText(
    'Substantial gifts, such as bottles or cases of wine or hampers, must not be accepted under any circumstances. (001 §61)',
  );
  await expect(reasons).toContainText(
    'A gift must not be accepted from a person or organisation that has, or is seeking, business with the council',
  );
  await expect(reasons).toContainText('(001 §59)');

  const wording = page.locator('#refusal-wording');
  await expect(wording).toContainText(`Thank you for your kind offer of ${offer.description}.`);
  const copy = page.getByRole('button', { name: 'Copy the wording' });
  await copy.click();
  await expect(page.getByRole('button', { name: 'Copied' })).toBeVisible();
  const copied = await page.evaluate<string>('navigator.clipboard.readText()');
  expect(copied).toContain('Thank you for your kind offer of');
  expect(copied).toContain(offer.description);
  expect(copied).toBe((await wording.innerText()).trim());
  await expectAccessible(page);

  await page.getByRole('button', { name: 'Record the offer' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Gift from Acme Supplies Ltd');
  await expect(page.locator('#offer-state')).toHaveText('Declined');
  const reference = await referenceOf(page, today.parts.year);
  await expect(page.getByRole('alert', { name: 'Success' })).toContainText(`Offer recorded as ${reference}`);
  await expect(page.locator('.govuk-summary-list')).toContainText(offer.description);
  await expectAccessible(page);

  // The register lists it.
  await page.getByRole('link', { name: 'Back to the register' }).click();
  const row = page.getByRole('row').filter({ hasText: reference });
  await expect(row).toContainText('Acme Supplies Ltd');
  await expect(row).toContainText('Declined');
  await expectAccessible(page);
});

test('an officer asks for approval of hospitality, their head of service approves it, and the officer sees it approved', async ({
  page,
}) => {
  const officer = person('Joanna Wright');
  const head = headOfServiceOf(officer.name);
  const today = londonToday();
  const offer: Offer = {
    kind: 'Hospitality, such as a meal, an event or travel',
    person: 'Priya Shah',
    organisation: 'Northgate Pest Control',
    relationship: 'A contractor working for the council',
    nature: 'A meal or drinks',
    description: `dinner at The Swan after the contract review (${run})`,
    value: '85',
    offeredOn: today.parts,
    decision: 'I accepted it, or I would like to',
    reason: 'To continue the contract review discussion',
  };

  await signIn(page, officer.email);
  await answerQuestions(page, offer);
  const verdict = page.locator('#verdict');
  await expect(verdict).toContainText(`${head.name} must approve this before you accept it.`);
  await expect(verdict).toContainText(
    'Hospitality other than of a minor nature must be authorised in advance by your head of service. (001 §69)',
  );
  await expect(page.getByText(`When you submit, we will ask ${head.name}`)).toBeVisible();
  await page.getByRole('button', { name: 'Ask for approval' }).click();

  await expect(page.locator('#offer-state')).toHaveText('Awaiting approval');
  const reference = await referenceOf(page, today.parts.year);
  await expect(page.getByRole('alert', { name: 'Success' })).toContainText('We have asked for approval');
  await expectAccessible(page);
  await signOut(page);

  await signIn(page, head.email);
  await page.goto('/gifts');
  await expectAccessible(page);
  await page.getByRole('link', { name: /waiting for your approval/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Offers waiting for your approval');
  await expectAccessible(page);
  await page.getByRole('link', { name: new RegExp(`^${officer.name}\\W+decide on ${reference}$`) }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    `Approve hospitality offered to ${officer.name}`,
  );
  await expect(page.locator('.govuk-summary-list')).toContainText(offer.description);
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Send decision' }).click();
  await expect(page.getByRole('alert')).toContainText('Select whether you approve it');
  await expectAccessible(page);
  await page.getByRole('radio', { name: 'Yes, they may accept it' }).check();
  await page.getByLabel('Comment').fill('Fine: the review is council business');
  await page.getByRole('button', { name: 'Send decision' }).click();
  await expect(page.getByRole('alert', { name: 'Success' })).toContainText('Decision sent');
  await expect(page.getByRole('link', { name: new RegExp(reference) })).toHaveCount(0);
  await expectAccessible(page);
  await signOut(page);

  await signIn(page, officer.email);
  await page.goto('/gifts');
  await page.getByRole('link', { name: reference }).click();
  await expect(page.locator('#offer-state')).toHaveText('Accepted');
  const approval = page.locator('.govuk-summary-list__row').filter({ hasText: 'Approval' });
  await expect(approval).toContainText(`Approved by ${head.name}`);
  await expect(approval).toContainText('Fine: the review is council business');
  await expectAccessible(page);
});

test('a head of service signs off their service’s register for the quarter just ended', async ({ page }) => {
  const officer = person('Michael Bennett');
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
  await signIn(page, officer.email);
  await answerQuestions(page, offer);
  await page.getByRole('button', { name: 'Record the offer' }).click();
  await expect(page.locator('#offer-state')).toHaveText('Accepted');
  const reference = await referenceOf(page, lastQuarter.parts.year);
  await signOut(page);

  await signIn(page, head.email);
  await page.goto('/gifts');
  await page.getByRole('link', { name: 'Your register reviews' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your register reviews');
  await expectAccessible(page);
  const label = reviewPeriodOf(lastQuarter.quarterStart, 3).label;
  const task = page.getByRole('row').filter({ hasText: label }).filter({ hasText: head.service });
  await expect(task).toHaveCount(1);
  await expect(task).not.toContainText('Signed off');
  await task.getByRole('link', { name: new RegExp(`^${head.service}\\W+${escapeRegExp(label)}$`) }).click();

  await expect(page.getByRole('heading', { level: 1 })).toHaveText(head.service);
  await expect(page.locator('.govuk-caption-l')).toHaveText(label);
  const entry = page.locator('.govuk-summary-card').filter({ hasText: reference });
  await expect(entry).toContainText(officer.name);
  await expect(entry).toContainText(offer.description);
  await expectAccessible(page);
  await page.getByLabel('Comment (optional)').fill('Checked with the team; nothing of concern');
  await page.getByRole('button', { name: 'Sign off this register' }).click();

  await expect(page.getByRole('alert', { name: 'Success' })).toContainText(
    `You have signed off this register for ${label}`,
  );
  const signed = page.locator('#sign-off');
  await expect(signed.locator('.govuk-summary-list__row').filter({ hasText: 'Signed off by' })).toContainText(
    head.name,
  );
  await expect(signed.locator('.govuk-summary-list__row').filter({ hasText: 'Signed off at' })).toContainText(
    londonToday().short,
  );
  await expect(signed).toContainText('Checked with the team; nothing of concern');
  await expect(page.getByRole('button', { name: 'Sign off this register' })).toHaveCount(0);
  await expectAccessible(page);

  await page.getByRole('link', { name: 'Back to your register reviews' }).click();
  await expect(task).toContainText(`Signed off ${londonToday().long} by ${head.name}`);
  await expectAccessible(page);
});

test('an auditor downloads the register as CSV, and the public page shows only the published fields', async ({
  page,
  browser,
}) => {
  const officer = person('Chloe Roberts');
  const auditor = demoSignIns().find((account) => account.role === 'audit');
  if (!auditor) throw new Error('The demo council has no auditor');
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
  await signIn(page, officer.email);
  await answerQuestions(page, offer);
  await page.getByRole('button', { name: 'Record the offer' }).click();
  await expect(page.locator('#offer-state')).toHaveText('Declined');
  const reference = await referenceOf(page, today.parts.year);
  await signOut(page);

  await signIn(page, auditor.email);
  await page.goto('/gifts');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Gifts and hospitality register');
  await expect(page.getByRole('row').filter({ hasText: reference })).toContainText(officer.name);
  await expectAccessible(page);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Download these entries as CSV' }).click(),
  ]);
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
  const visitor = await publicContext.newPage();
  await visitor.goto('/public/demo/gifts');
  await expect(visitor.getByRole('heading', { level: 1 })).toHaveText('Gifts and hospitality register');
  await expectAccessible(visitor);
  const headings = await visitor.getByRole('columnheader').allInnerTexts();
  expect(headings.map((heading) => heading.trim())).toEqual([
    'Job title',
    'Service',
    'Offered by',
    'Nature of the gift or hospitality',
    'Value band',
    'Date offered',
    'Accepted or declined',
  ]);
  const published = visitor.getByRole('row').filter({ hasText: offeror });
  await expect(published).toHaveCount(1);
  await expect(published).toContainText(officer.jobTitle);
  await expect(published).toContainText('Customer Services');
  await expect(published).toContainText('Gift: Another gift');
  await expect(published).toContainText('£50 to £99');
  await expect(published).toContainText('Declined');
  // Not published: the names of staff below head of service, the exact value, the description.
  const body = visitor.locator('main');
  await expect(body).not.toContainText(officer.name);
  await expect(body).not.toContainText(person('Liam Barker').name);
  await expect(body).not.toContainText(offer.description);
  await expect(published).not.toContainText('£75');
  await publicContext.close();
});
