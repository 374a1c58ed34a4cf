import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { readOutbox } from '../../src/platform/notify/mailer.ts';
import { CaseworkPages } from './pages/complaint-casework.ts';
import { ComplaintFormPages } from './pages/complaint-form.ts';
import { LetterPages } from './pages/complaint-letters.ts';
import { signIn } from './pages/sign-in.ts';
import { demoPerson, run } from './support.ts';

// The complaints manager changes the wording of a letter (letters come from templates the
// council can edit): a mistake is explained, the preview shows the letter with example values,
// the change is saved, and then set back to the default so that other journeys see the default.

test('the complaints manager edits, previews, saves and resets a letter template', async ({ page }) => {
  const letters = new LetterPages(page);
  await signIn(page, 'lucy.adeyemi@demo.probity.test');
  await letters.openTemplates();
  await letters.expectPage('Letter templates');
  await letters.follow('Extension notice');
  await expect(letters.heading).toHaveText('Extension notice');
  await expect(letters.placeholders).toContainText('((newDate))');
  await letters.checkAccessible();

  const original = await letters.letterText.inputValue();
  await letters.letterText.fill(original.replace('((reason))', 'the work involved ((reasons))'));
  await letters.saveLetter();
  await expect(letters.errorSummary).toContainText(
    'Letter uses a placeholder this letter does not have: ((reasons))',
  );
  await expect(letters.errorSummary).toContainText('Letter must include ((reason))');
  await letters.checkAccessible();

  await letters.letterText.fill(original.replace('I am sorry, but', 'We apologise:'));
  await letters.press('Preview');
  await expect(letters.preview).toContainText('We apologise: we need more time');
  await expect(letters.preview).toContainText('We will now send you our response by 21 December 2026.');
  await expect(letters.preview).toContainText('PO Box 4771, Coventry, CV4 0EH');
  await letters.checkAccessible();

  await letters.saveLetter();
  await expect(letters.banner).toContainText('Extension notice letter saved');
  const row = letters.templateRow('Extension notice');
  await expect(row).toContainText('Changed');
  await expect(row).toContainText('Lucy Adeyemi');
  await letters.checkAccessible();

  await letters.follow('Extension notice');
  await expect(letters.letterText).toHaveValue(/We apologise:/);
  await letters.press('Use the default wording');
  await expect(letters.banner).toContainText('set back to the default wording');
  await expect(letters.templateRow('Extension notice')).toContainText('Default');
});

// A complaint that is a service request is not accepted: the person gets a letter with the reason
// and the Ombudsman's details by email, with the PDF; the team read it as sent and print it.
test('a complaint not accepted gets a letter the team can read and download as a PDF', async ({ page }) => {
  const name = `Lettice Reader ${run}`;
  const email = `letters.${run}@example.test`;
  const reference = await new ComplaintFormPages(page).make({
    complainant: { name, email },
    service: 'I do not know',
    what: `The streetlight outside number 4 is out (${run}).`,
    wanted: 'Fix the light.',
  });
  expect(reference).toMatch(/^CMP-\d{4}-\d{4}$/);

  const casework = new CaseworkPages(page);
  const letters = new LetterPages(page);
  await signIn(page, 'lucy.adeyemi@demo.probity.test');
  await casework.goto(`/complaints/${reference}/triage`);
  await casework.refuseAsServiceRequest(
    'A broken streetlight is a first report, which the highways team deal with.',
  );
  await casework.sendLetter(/why we cannot take it forward/, reference, name);

  await casework.follow('Letters', true);
  await letters.expectPage('Letters');
  await letters.follow('Complaint not accepted', true);
  await expect(letters.heading).toHaveText(
    `Your complaint ${reference}: why we cannot take it forward as a complaint`,
  );
  await expect(letters.sentLetter).toContainText('A broken streetlight is a first report');
  await expect(letters.sentLetter).toContainText('PO Box 4771, Coventry, CV4 0EH');
  await expect(page.getByText(`By email to ${email}, with the PDF attached`)).toBeVisible();
  await letters.checkAccessible();

  // The email is the letter, with its PDF attached.
  const outbox = join(process.env.E2E_DATA_DIR ?? '', 'outbox');
  const emailed = async () =>
    (await readOutbox(outbox, 200)).find(
      (m) => m.to === email && m.subject.includes('why we cannot take it forward'),
    );
  await expect
    .poll(async () => (await emailed())?.attachments?.map((a) => a.filename))
    .toEqual([`${reference}-refusal.pdf`]);
  expect((await emailed())?.text).toContain('A broken streetlight is a first report');

  const download = page.waitForEvent('download');
  await letters.follow(/Download PDF/);
  expect((await download).suggestedFilename()).toBe(`${reference}-refusal.pdf`);
});

// The council requires a second person's approval of refusals. The complaints manager refuses a
// complaint; its letter is read as it will go, changed (losing the Ombudsman's details is refused),
// and sent for approval; a complaints officer finds it on her home page and approves it, and the
// email is the changed letter with its PDF. The setting is put back afterwards.
test('a letter is previewed, changed and approved by a second person before it goes', async ({ page }) => {
  test.slow(); // three people, a dozen pages, each checked with axe
  const admin = demoPerson('Chris Taylor');
  const manager = demoPerson('Lucy Adeyemi');
  const officer = demoPerson('Hannah Price');
  const letters = new LetterPages(page);
  const casework = new CaseworkPages(page);
  const approvalOfRefusals = async (needed: boolean) => {
    await signIn(page, admin.email);
    await letters.goto('/admin/policy');
    const refusals = letters
      .group(/Letters a second person must approve/)
      .getByRole('checkbox', { name: 'Complaint not accepted' });
    await (needed ? refusals.check() : refusals.uncheck());
    await letters.press('Save policy settings');
    await expect(page.getByText('Policy settings saved')).toBeVisible();
    await letters.signOut();
  };

  const name = `Approval Needed ${run}`;
  const email = `approval.${run}@example.test`;
  const reference = await new ComplaintFormPages(page).make({
    complainant: { name, email },
    service: 'I do not know',
    what: `The bin at the bus stop on Mill Lane is full (${run}).`,
    wanted: 'Empty it.',
  });
  await approvalOfRefusals(true);
  try {
    await signIn(page, manager.email);
    await casework.goto(`/complaints/${reference}/triage`);
    await casework.refuseAsServiceRequest('Emptying a bin is a service request for the waste team.');
    await letters.expectWritten(`Your complaint ${reference}: why we cannot take it forward as a complaint`);
    await expect(
      page.getByText('The council requires a second person to approve this kind of letter'),
    ).toBeVisible();
    await expect(letters.link(/Preview the PDF/)).toBeVisible();

    // Changed: dropping the Ombudsman's address is refused, with the error summary.
    let original = '';
    await letters.change((text) => {
      original = text;
      return text.replace('PO Box 4771, Coventry, CV4 0EH', '');
    });
    await expect(letters.errorSummary).toContainText('Letter must still give the Ombudsman’s');
    await letters.checkAccessible();
    await letters.letterText.fill(
      original.replace(
        '\n\nWhat you can do instead',
        ' We have passed your report to the waste team today.\n\nWhat you can do instead',
      ),
    );
    await letters.press('Save changes');
    await expect(letters.successBanner).toContainText('Your changes are saved');
    await expect(letters.sentLetter).toContainText('We have passed your report to the waste team today.');
    await letters.checkAccessible();
    await letters.sendForApproval();
    await expect(page.locator('#waiting-for-approval')).toBeVisible();
    await letters.signOut();

    // A second person, from her home page.
    await signIn(page, officer.email);
    await letters.follow('Letters waiting for your approval');
    await letters.expectPage('Letters waiting');
    await letters.follow(`Complaint not accepted – ${reference}`);
    await expect(letters.state).toHaveText('Waiting for approval');
    await expect(letters.sentLetter).toContainText('We have passed your report to the waste team today.');
    await letters.checkAccessible();
    await letters.approve();
    await expect(letters.summaryList).toContainText(new RegExp(`Approved by\\s*${officer.name}`));
    await expect(letters.summaryList).toContainText('Sent');
    // On a phone the letter, and the letters waiting, read without scrolling sideways.
    const desktop = page.viewportSize();
    await page.setViewportSize({ width: 320, height: 640 });
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(320);
    await letters.goto('/letters');
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(320);
    if (desktop) await page.setViewportSize(desktop);
  } finally {
    await page.context().clearCookies();
    await approvalOfRefusals(false);
  }

  // The email is the letter as changed and approved, with its PDF.
  const outbox = join(process.env.E2E_DATA_DIR ?? '', 'outbox');
  const emailed = async () =>
    (await readOutbox(outbox, 200)).find((m) => m.to === email && m.subject.includes('why we cannot'));
  await expect
    .poll(async () => (await emailed())?.attachments?.map((a) => a.filename))
    .toEqual([`${reference}-refusal.pdf`]);
  expect((await emailed())?.text).toContain('We have passed your report to the waste team today.');
});
