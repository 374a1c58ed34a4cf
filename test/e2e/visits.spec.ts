import { readFileSync } from 'node:fs';
import { type Browser, type BrowserContext, expect, test } from '@playwright/test';
import { londonToday } from './london-dates.ts';
import type { DateParts } from './pages/probity-page.ts';
import { signIn } from './pages/sign-in.ts';
import { VisitPages } from './pages/visits.ts';
import { demoPerson } from './support.ts';

// Field visits and lone-worker safety end to end, on the real clock: a visit to a flagged address
// refused until a second officer goes and the team leader advises; check-ins from a phone, one
// without JavaScript; a missed check-in escalating on the responsible officer's console until the
// line manager acknowledges it; a visit recorded with a safeguarding concern and an incident.
// The demo council already has today's plans for its compliance team and Kelly Morgan's for
// tomorrow, so these journeys plan for Peter Green and Dean Walsh today and for Kelly later on.
// Visits "today" may be out of hours (a night or a weekend run): then the line manager authorises
// and advises first, as the visit's page asks.

const flaggedAddress = '14 Ashdown Court, Demoton DM1 4QT';

// A time of day as the pages show it (GOV.UK): 9am, 2:46pm, midday, midnight.
const timeShown = String.raw`(?:\d{1,2}(?::\d{2})?[ap]m|midday|midnight)`;

const londonParts = (instant: Date) => {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(instant);
  const part = (type: string) => parts.find((one) => one.type === type)?.value ?? '';
  return {
    day: { day: part('day'), month: part('month'), year: part('year') } satisfies DateParts,
    minute: Number(part('hour')) * 60 + Number(part('minute')),
  };
};

// A minute of the London day as a 24-hour time.
const clock = (minute: number) =>
  `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;

// The first weekday at least two days ahead, London (Kelly Morgan's plan for tomorrow is the demo's).
function weekdayAhead(): DateParts {
  const day = new Date(`${londonToday().iso}T12:00:00Z`);
  day.setUTCDate(day.getUTCDate() + 2);
  while ([0, 6].includes(day.getUTCDay())) day.setUTCDate(day.getUTCDate() + 1);
  return {
    day: String(day.getUTCDate()),
    month: String(day.getUTCMonth() + 1),
    year: String(day.getUTCFullYear()),
  };
}

const contexts: BrowserContext[] = [];
test.afterEach(async () => {
  await Promise.all(contexts.splice(0).map((context) => context.close()));
});

// Another person at their own browser, signed in; a field officer's on a phone.
async function signedIn(
  browser: Browser,
  name: string,
  options: { phone?: boolean; javaScript?: boolean } = {},
): Promise<VisitPages> {
  const javaScriptEnabled = options.javaScript ?? true;
  const context = await browser.newContext({ javaScriptEnabled });
  contexts.push(context);
  const person = new VisitPages(await context.newPage());
  if (options.phone) await person.asPhone();
  await signIn(person.page, demoPerson(name).email, undefined, { checkAccessibility: javaScriptEnabled });
  return person;
}

// The line manager gives every visit on the plan what its checks ask of them, if anything.
async function clearedByManager(officer: VisitPages, browser: Browser, manager: string) {
  if ((await officer.page.getByText('Not ready', { exact: true }).count()) === 0) return;
  const visitPaths = await officer.page
    .locator('.app-visit h3 a')
    .evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
  const lineManager = await signedIn(browser, manager);
  for (const path of visitPaths) {
    await lineManager.goto(path);
    await lineManager.checkAccessible();
    await lineManager.clearBlockers();
  }
  await officer.page.reload();
  await expect(officer.page.getByText('Not ready', { exact: true })).toHaveCount(0);
}

test('a visit to a flagged address is refused until a second officer goes and the team leader advises', async ({
  page,
  browser,
}) => {
  test.slow(); // two people, a dozen pages, each checked with axe
  const kelly = new VisitPages(page);
  await kelly.asPhone();
  await signIn(page, demoPerson('Kelly Morgan').email);
  await kelly.openPlans();
  await kelly.planDay({ day: weekdayAhead(), responsible: 'Grace Okafor' });
  const planPath = new URL(page.url()).pathname;
  await kelly.addVisit({
    address: flaggedAddress,
    accountHolder: 'Carl Benton',
    start: '10:00',
    finish: '10:45',
  });
  await expect(page.getByText('Caution before contact', { exact: true })).toBeVisible();
  await kelly.checkAccessible();

  await kelly.share();
  await expect(kelly.errorSummary).toContainText('second named officer');
  await expect(kelly.errorSummary).toContainText('team leader’s recorded advice');
  await kelly.checkAccessible();

  await kelly.openVisit(flaggedAddress);
  const visitPath = new URL(page.url()).pathname;
  await expect(kelly.blockers).toContainText('second named officer');
  await kelly.addSecondOfficer('Bethany Cole');
  await expect(page.getByText('with Bethany Cole')).toBeVisible();

  const dean = await signedIn(browser, 'Dean Walsh');
  await dean.goto(visitPath);
  await dean.expectPage(flaggedAddress);
  await expect(dean.blockers).toContainText('team leader’s recorded advice');
  await dean.recordAdvice('Speak from the doorstep with Bethany; do not go in. Leave if the dog is out.');
  await expect(dean.page.getByText('Ready', { exact: true })).toBeVisible();
  await dean.checkAccessible();
  // The register the team leader keeps: its list, and a marker refused without what it needs.
  await dean.goto('/visits/risk-register');
  await dean.expectPage('Risk register');
  await expect(dean.page.getByText(flaggedAddress).first()).toBeVisible();
  await dean.checkAccessible();
  await dean.goto('/visits/risk-register/new');
  await dean.expectPage('Add a marker');
  await dean.press('Save marker');
  await expect(dean.errorSummary).toBeVisible();
  await dean.checkAccessible();

  await kelly.goto(planPath);
  await kelly.share();
  await expect(kelly.successBanner).toContainText('Plan shared');
  await expect(kelly.summaryList).toContainText(new RegExp(`Shared\\s*At ${timeShown}`));
  await kelly.checkAccessible();
  const download = await kelly.diarySheet();
  expect(download.suggestedFilename()).toMatch(/^diary-sheet-\d{4}-\d{2}-\d{2}\.pdf$/);
  expect(
    readFileSync(await download.path())
      .subarray(0, 5)
      .toString(),
  ).toBe('%PDF-');
});

test('an officer out today checks in after each of two visits, once without JavaScript, and from home', async ({
  browser,
}) => {
  test.slow();
  // Today's visits around now, finishing before midnight.
  const now = Math.min(londonParts(new Date()).minute, 1439 - 25);
  const today = londonToday().parts;
  const first = { address: '3 Orchard Row, Demoton DM2 5HS', start: clock(now), finish: clock(now + 10) };
  const second = {
    address: '41 Station Road, Demoton DM1 2EE',
    start: clock(now + 11),
    finish: clock(now + 21),
  };

  const dean = await signedIn(browser, 'Dean Walsh', { phone: true });
  await dean.openPlans();
  await dean.planDay({
    officer: 'Dean Walsh (you)',
    day: today,
    responsible: 'Grace Okafor',
    homeBy: clock(now + 24),
  });
  const planPath = new URL(dean.page.url()).pathname;
  await dean.addVisit(first);
  await dean.addVisit(second);
  await clearedByManager(dean, browser, 'Paul Hughes');
  await dean.share();
  await expect(dean.successBanner).toContainText('Plan shared');
  await expect(dean.button('Need help now')).toBeVisible();
  await dean.checkAccessible();

  await dean.checkIn(first.address);
  await expect(dean.checkInButton(first.address)).toHaveCount(0);
  await expect(dean.page.getByText(new RegExp(`^Checked in ${timeShown}$`))).toHaveCount(1);
  await dean.checkAccessible();

  // The same tap on a phone without JavaScript: a plain form.
  const withoutScript = await signedIn(browser, 'Dean Walsh', { phone: true, javaScript: false });
  await withoutScript.goto(planPath);
  await withoutScript.checkIn(second.address);
  await expect(withoutScript.page.getByText(new RegExp(`^Checked in ${timeShown}$`))).toHaveCount(2);

  await dean.page.reload();
  await expect(dean.page.getByText(new RegExp(`^Checked in ${timeShown}$`))).toHaveCount(2);
  await dean.press('I am home');
  await expect(dean.successBanner).toContainText('Checked in');
  await expect(dean.page.getByText(new RegExp(`^Home ${timeShown}$`))).toBeVisible();
  await dean.checkAccessible();
});

test('a missed check-in escalates on the console without a reload, and the line manager acknowledges it', async ({
  page,
  browser,
}) => {
  test.setTimeout(360_000); // after midnight the check-in falls due only minutes from now
  const now = londonParts(new Date()).minute;
  // A visit that finished a couple of minutes ago, shared only now: its check-in is owed from the
  // sharing. In the first minutes after midnight no visit today has finished yet, so this one
  // finishes two minutes from now and its check-in falls due then.
  const finish = now >= 12 ? now - 2 : now + 2;
  const missed = {
    address: 'Unit 4, Kiln Lane Trading Estate, Demoton DM4 1KL',
    start: clock(Math.max(finish - 10, 0)),
    finish: clock(finish),
  };

  // A check-in is owed from the moment the plan is shared at the earliest; the administrator brings
  // the first two alerts down to a minute after it is due, so that the journey sees both.
  const admin = await signedIn(browser, 'Chris Taylor');
  await admin.goto('/admin/policy');
  await admin.field('Missed check-in: tell the responsible officer after').fill('1');
  await admin.field('Missed check-in: tell the line manager after').fill('1');
  await admin.press('Save policy settings');
  await expect(admin.page.getByText('Policy settings saved')).toBeVisible();

  const grace = await signedIn(browser, 'Grace Okafor');
  await grace.goto('/visits/console');
  await grace.expectPage('Officers out today');
  await grace.page.evaluate(() => {
    (globalThis as unknown as { sameDocument: boolean }).sameDocument = true;
  });

  const peter = new VisitPages(page);
  await peter.asPhone();
  await signIn(page, demoPerson('Peter Green').email);
  await peter.openPlans();
  await peter.planDay({
    day: londonToday().parts,
    responsible: 'Grace Okafor',
    homeBy: clock(Math.min(now + 60, 1439)),
  });
  await peter.addVisit(missed);
  await clearedByManager(peter, browser, 'Fiona McLeod');
  await peter.share();
  await expect(peter.successBanner).toContainText('Plan shared');

  // A minute after the check-in is due the sweep raises both alerts; the console shows them at its
  // next refresh.
  await expect(grace.alertLink('Line manager', 'Peter Green')).toBeVisible({ timeout: 240_000 });
  await expect(grace.consoleRow('Peter Green')).toContainText(/Late|Alarm/);
  await expect(grace.alertLink('Responsible officer', 'Peter Green')).toBeVisible();
  expect(
    await grace.page.evaluate(() => (globalThis as unknown as { sameDocument?: boolean }).sameDocument),
  ).toBe(true);
  await grace.checkAccessible();

  const fiona = await signedIn(browser, 'Fiona McLeod');
  await fiona.goto('/visits/console');
  await fiona.expectPage('Officers out today');
  await fiona.alertLink('Line manager', 'Peter Green').click();
  await fiona.expectPage('Peter Green has not checked in');
  await expect(fiona.caption).toContainText('Line manager alert');
  await fiona.acknowledge('Phoning Peter now; his last known location is the trading estate.');
  await expect(fiona.page.getByText('Acknowledged', { exact: true })).toBeVisible();
  await expect(fiona.page.getByText(new RegExp(`by Fiona McLeod at ${timeShown}`))).toBeVisible();
  await expect(fiona.button('Acknowledge')).toHaveCount(0);
  await fiona.checkAccessible();
});

test('an officer records a visit with a child safeguarding concern, then reports an incident there', async ({
  page,
}) => {
  test.slow();
  const kelly = new VisitPages(page);
  await kelly.asPhone();
  await signIn(page, demoPerson('Kelly Morgan').email);
  await kelly.openPlans();
  await kelly.follow(/\(today\)$/);
  await kelly.expectPage(/^Visits on /);
  const firstVisit = page.locator('.app-visit h3 a').first();
  const address = ((await firstVisit.innerText()).split(': ')[1] ?? '').trim();
  await kelly.openVisit(address);

  await kelly.follow('Record the visit');
  await kelly.expectPage('Record the visit');
  await kelly.press('Save the record');
  await expect(kelly.errorSummary).toContainText('Select what happened at the visit');
  await kelly.checkAccessible();
  await kelly.recordVisit('Contact made', {
    name: 'Child safeguarding concern',
    question: 'What is the concern for the child?',
    detail:
      'A child of about six was alone in the house during school hours and said nobody was coming back.',
  });
  await kelly.expectPage('The visit’s record');
  await expect(page.getByRole('heading', { name: 'Passed on' })).toBeVisible();
  await expect(page.getByText('Child safeguarding concern', { exact: true })).toBeVisible();

  await kelly.follow('Report an incident at this visit');
  await kelly.expectPage('Report an incident');
  await expect(kelly.caption).toContainText(address);
  const happened = londonParts(new Date(Date.now() - 2 * 60_000));
  await kelly.reportIncident({
    kind: 'Threat',
    day: happened.day,
    time: clock(happened.minute),
    location: address,
    whatHappened:
      'The child’s uncle arrived, shouted that he would hurt me if I came back, and followed me to the car.',
    peopleInvolved: 'A man who said he was the child’s uncle',
  });
  await kelly.expectPage('Incident report');
  await expect(kelly.summaryList).toContainText('Threat');
  await expect(kelly.summaryList).toContainText('Kelly Morgan');
});
