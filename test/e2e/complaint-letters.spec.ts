import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { readOutbox } from '../../src/platform/notify/mailer.ts';
import { expectAccessible, signIn } from './support.ts';

// The complaints manager changes the wording of a letter (letters come from templates the
// council can edit): a mistake is explained, the preview shows the letter with example values,
// the change is saved, and then set back to the default so that other journeys see the default.

test('the complaints manager edits, previews, saves and resets a letter template', async ({ page }) => {
  await signIn(page, 'lucy.adeyemi@demo.probity.test');
  await page.goto('/complaints/templates');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Letter templates');
  await expectAccessible(page);
  await page.getByRole('link', { name: 'Extension notice' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Extension notice');
  await expect(page.locator('#placeholders')).toContainText('((newDate))');
  await expectAccessible(page);

  const letter = page.getByLabel('Letter', { exact: true });
  const original = await letter.inputValue();
  await letter.fill(original.replace('((reason))', 'the work involved ((reasons))'));
  await page.getByRole('button', { name: 'Save letter' }).click();
  const summary = page.locator('.govuk-error-summary');
  await expect(summary).toContainText('Letter uses a placeholder this letter does not have: ((reasons))');
  await expect(summary).toContainText('Letter must include ((reason))');
  await expectAccessible(page);

  await letter.fill(original.replace('I am sorry, but', 'We apologise:'));
  await page.getByRole('button', { name: 'Preview' }).click();
  await expect(page.locator('#preview-text')).toContainText('We apologise: we need more time');
  await expect(page.locator('#preview-text')).toContainText(
    'We will now send you our response by 21 December 2026.',
  );
  await expect(page.locator('#preview-text')).toContainText('PO Box 4771, Coventry, CV4 0EH');
  await expectAccessible(page);

  await page.getByRole('button', { name: 'Save letter' }).click();
  await expect(page.locator('.govuk-notification-banner')).toContainText('Extension notice letter saved');
  const row = page.getByRole('row', { name: /Extension notice/ });
  await expect(row).toContainText('Changed');
  await expect(row).toContainText('Lucy Adeyemi');
  await expectAccessible(page);

  await page.getByRole('link', { name: 'Extension notice' }).click();
  await expect(letter).toHaveValue(/We apologise:/);
  await page.getByRole('button', { name: 'Use the default wording' }).click();
  await expect(page.locator('.govuk-notification-banner')).toContainText('set back to the default wording');
  await expect(page.getByRole('row', { name: /Extension notice/ })).toContainText('Default');
});

// A complaint that is a service request is not accepted: the person gets a letter with the reason
// and the Ombudsman's details by email, with the PDF; the team read it as sent and print it.
test('a complaint not accepted gets a letter the team can read and download as a PDF', async ({ page }) => {
  const run = Date.now().toString(36);
  const email = `letters.${run}@example.test`;
  await page.goto('/public/demo/complaints/new');
  await page.getByRole('radio', { name: /Something a council service did or failed to do/ }).check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('radio', { name: 'Myself' }).check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByLabel('Full name').fill(`Lettice Reader ${run}`);
  await page.getByLabel('Email address').fill(email);
  await page.getByRole('radio', { name: 'Email' }).check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('radio', { name: 'I do not know' }).check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByLabel('Tell us what happened').fill(`The streetlight outside number 4 is out (${run}).`);
  await page.getByLabel('Day').fill('2');
  await page.getByLabel('Month').fill('11');
  await page.getByLabel('Year').fill('2026');
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByLabel('What would you like to happen?').fill('Fix the light.');
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('radio', { name: 'No' }).check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('button', { name: 'Send complaint' }).click();
  const reference = (await page.locator('#reference').innerText()).trim();
  expect(reference).toMatch(/^CMP-\d{4}-\d{4}$/);

  await signIn(page, 'lucy.adeyemi@demo.probity.test');
  await page.goto(`/complaints/${reference}/triage`);
  await page.getByRole('radio', { name: /A service request/ }).check();
  await page
    .getByRole('textbox', { name: 'Reason' })
    .fill('A broken streetlight is a first report, which the highways team deal with.');
  await page.getByRole('button', { name: 'Record the decision and send the letter' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Complaint from Lettice Reader ${run}`);

  await page.getByRole('link', { name: 'Letters', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Letters');
  await expectAccessible(page);
  await page.getByRole('link', { name: 'Complaint not accepted', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    `Your complaint ${reference}: why we cannot take it forward as a complaint`,
  );
  const letter = page.locator('#letter-text');
  await expect(letter).toContainText('A broken streetlight is a first report');
  await expect(letter).toContainText('PO Box 4771, Coventry, CV4 0EH');
  await expect(page.getByText(`By email to ${email}, with the PDF attached`)).toBeVisible();
  await expectAccessible(page);

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
  await page.getByRole('link', { name: /Download PDF/ }).click();
  expect((await download).suggestedFilename()).toBe(`${reference}-refusal.pdf`);
});
