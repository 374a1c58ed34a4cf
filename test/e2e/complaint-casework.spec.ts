import { expect, test } from '@playwright/test';
import { CaseworkPages } from './pages/complaint-casework.ts';
import { ComplaintFormPages } from './pages/complaint-form.ts';
import { LetterPages } from './pages/complaint-letters.ts';
import { signIn } from './pages/sign-in.ts';
import { demoPerson, run } from './support.ts';

// Staff casework on a complaint made online: the complaints manager triages,
// allocates, extends and responds at stage 1; the person checks progress with the reference and
// email and escalates; stage 2 goes to a different officer, is answered and closed. The
// complaint is about Finance and Revenues, which no other journey complains about; the
// complainant's name and email are unique to the run.

const complainant = { name: `Sam Casework ${run}`, email: `casework.${run}@example.test` };

test('staff triage, allocate, extend and respond; the person escalates; stage 2 is answered and closed', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const manager = demoPerson('Lucy Adeyemi');
  const form = new ComplaintFormPages(page);
  const casework = new CaseworkPages(page);
  const reference = await form.make({
    complainant,
    service: 'Finance and Revenues',
    what: `My council tax refund has not arrived after three months (${run}).`,
    wanted: 'Pay the refund.',
  });
  await expect(form.heading).toHaveText('Complaint sent');
  expect(reference).toMatch(/^CMP-\d{4}-\d{4}$/);

  await signIn(page, manager.email);
  await casework.openCase(reference, complainant.name);
  await expect(page.getByText('How the dates were worked out')).toBeVisible();

  // Triage: nothing chosen is said, with the error summary; then accepted.
  await casework.act('Triage the complaint', 'Triage the complaint');
  await casework.recordTriage();
  await expect(casework.link('Select what it is')).toBeVisible();
  await casework.checkAccessible();
  await casework.accept('Unreasonable delay', 'No');
  await casework.sendLetter(`Your complaint ${reference}: we have received it`, reference, complainant.name);

  await casework.act('Allocate the complaint', 'Allocate the complaint');
  await casework.allocateTo('Hannah Price');
  await casework.expectDone(complainant.name, 'Complaint allocated. The officer has been emailed.');

  // Extension: over the limit is refused, then five working days with a reason.
  await casework.act('Extend the deadline', 'Extend the deadline');
  await casework.extend('11', 'Waiting for the bank’s records');
  await expect(casework.link('Stage 1 can be extended by at most 10 working days')).toBeVisible();
  await casework.checkAccessible();
  await casework.extend('5');
  await casework.sendLetter(/we need more time/, reference, complainant.name);
  await expect(casework.stage1Due).toContainText('extended to');

  await casework.act('Record the response', 'Record the response');
  await casework.respond('Partially upheld', 'The refund was approved but not paid.');
  await casework.sendLetter(/our stage 1 response/, reference, complainant.name);
  await casework.link('Letters', true).first().click();
  await new LetterPages(page).expectPage('Letters');
  await casework.signOut();

  // The person checks progress and escalates, giving no reason.
  await form.openProgress();
  await form.expectPage('Check the progress of your complaint');
  await form.checkProgress(reference, complainant.email);
  await form.expectPage(reference);
  await form.press('Ask for stage 2');
  await expect(page.getByText('You have asked for your complaint to go to stage 2')).toBeVisible();
  await form.checkAccessible();

  // Stage 2 must go to someone other than the stage 1 handler.
  await signIn(page, manager.email);
  await casework.openCase(reference, complainant.name);
  await expect(page.getByRole('heading', { name: 'Stage 2' })).toBeVisible();
  await casework.act('Allocate the complaint', 'Allocate the complaint');
  await casework.allocateTo('Hannah Price');
  await expect(
    casework.link('Hannah Price handled stage 1: stage 2 must be handled by someone else'),
  ).toBeVisible();
  await casework.checkAccessible();
  await casework.allocateTo(casework.radio('James O’Neill').or(casework.radio("James O'Neill")));
  await casework.expectDone(complainant.name, 'Complaint allocated. The officer has been emailed.');

  await casework.act('Record the response', 'Record the response');
  await casework.respond('Not upheld', 'The stage 1 response put things right.');
  await casework.sendLetter(/our final response/, reference, complainant.name);

  await casework.act('Close the complaint', 'Close the complaint');
  await casework.press('Close the complaint');
  await casework.expectDone(complainant.name, 'Complaint closed.');
  await expect(page.locator('.govuk-tag').first()).toHaveText('Closed');

  await casework.goto(`/complaints/all?q=${reference}`);
  await casework.expectPage('All complaints');
  await expect(casework.link(reference)).toBeVisible();

  // The reports chart the complaint among the quarter's, each chart with its table of figures.
  await casework.menuLink('Complaint reports').click();
  await casework.expectPage('Complaint reports');
  const received = casework.chart('received-by-quarter');
  await expect(received.drawing).toHaveAccessibleName(/^Complaints received by quarter/);
  await expect(received.drawing).toBeVisible();
  const quarters = await received.rows();
  expect(await received.values()).toEqual(quarters.map((row) => row[1]));
  expect(quarters.some((row) => Number(row[1]) >= 1)).toBe(true);
  const onTime = casework.chart('on-time-by-quarter');
  await expect(onTime.drawing).toHaveAccessibleName(
    /^Responses sent on time, by the quarter the stage started/,
  );
  await expect(onTime.caption).toBeVisible();
  // Each bar says the share its row gives, stage 1 then stage 2: "1 of 2 (50%)" is drawn "50%".
  const shares = (await onTime.rows()).flatMap((row) =>
    row.slice(1).map((cell) => /\((\d+%)\)$/.exec(cell)?.[1] ?? cell),
  );
  expect(await onTime.values()).toEqual(shares);
  expect(shares.some((share) => share.endsWith('%'))).toBe(true);
});
