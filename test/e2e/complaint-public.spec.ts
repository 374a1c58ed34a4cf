import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { readOutbox } from '../../src/platform/notify/mailer.ts';
import { ComplaintFormPages } from './pages/complaint-form.ts';
import { run } from './support.ts';

// A member of the public makes a complaint online: steered away from what is not a
// corporate complaint, then one question a page, check, send; the reference on screen and by
// email; then the complaint's progress with the reference and email address. Once with
// JavaScript, once without (as on an old phone). The names and addresses are unique to the run.

async function emailFor(address: string, reference: string) {
  const folder = join(process.env.E2E_DATA_DIR ?? '', 'outbox');
  await expect
    .poll(async () =>
      (await readOutbox(folder, 200)).some((m) => m.to === address && m.subject.includes(reference)),
    )
    .toBe(true);
  return (await readOutbox(folder, 200)).find((m) => m.to === address && m.subject.includes(reference));
}

async function describeComplaint(form: ComplaintFormPages, what: string) {
  await form.choose('I do not know');
  await form.continueTo('What happened?');
  await form.whatHappened(what);
  await form.continueTo('Send photos or documents (optional)');
  await form.continueTo('What would you like to happen?');
  await form.wanted('Collect the bin, and an apology.');
  await form.continueTo('Do you need us to make any adjustments?');
}

async function sendAndCheck(form: ComplaintFormPages, email: string) {
  await expect(form.heading).toHaveText('Check your answers before sending your complaint');
  await form.checkAccessible();
  await form.send();
  await form.expectPage('Complaint sent');
  const reference = (await form.reference.innerText()).trim();
  expect(reference).toMatch(/^CMP-\d{4}-\d{4}$/);
  await expect(form.page.getByText('We will acknowledge your complaint by')).toBeVisible();

  const message = await emailFor(email, reference);
  expect(message?.text).toContain(`Your reference is ${reference}`);
  expect(message?.text).toContain('We will acknowledge your complaint by');
  expect(message?.text).toContain('/public/demo/complaints/progress');

  // A refresh shows the same confirmation.
  await form.page.reload();
  await expect(form.reference).toHaveText(reference);

  await form.follow('check the progress of your complaint');
  await form.expectPage('Check the progress of your complaint');
  await form.checkProgress(reference.toLowerCase(), email.toUpperCase());
  await expect(form.heading).toHaveText(reference);
  await expect(
    form.page.getByText('Received: we are checking it is a complaint we can look into'),
  ).toBeVisible();
  await form.checkAccessible();
  return reference;
}

test('a member of the public is steered to the right place, then makes a complaint and checks its progress', async ({
  page,
}) => {
  const email = `jo.${run}@example.test`;
  const form = new ComplaintFormPages(page);
  await form.start();
  await form.expectPage('What is your complaint about?');

  // Adult social care has its own statutory route (003 §2.5-2.6).
  await form.choose('Adult social care');
  await form.continue();
  await expect(form.heading).toHaveText('Adult social care has its own complaints process');
  await expect(form.link('Make a complaint about adult social care')).toHaveAttribute(
    'href',
    'https://www.demo-county.example/adult-social-care-complaints',
  );
  await form.checkAccessible();
  await form.follow('choose again');

  await form.chooseServiceRoute();
  await form.continueTo('Who is the complaint for?');
  // Nothing chosen: the error is said, and the page works again.
  await form.continue();
  await expect(form.link('Select who the complaint is for')).toBeVisible();
  await form.checkAccessible();
  await form.choose('Myself');
  await form.continueTo('Your contact details');
  await form.contactDetails({ name: `Jo Public ${run}`, email });
  await form.continueTo('Which service is the complaint about?');
  await describeComplaint(form, `My bin has been missed four weeks running (${run}).`);
  await form.choose('No');
  await form.continue();

  // Back from the check page to change an answer keeps the rest.
  await form.follow('Change what you would like to happen');
  await expect(form.field('What would you like to happen?')).toHaveValue('Collect the bin, and an apology.');
  await form.wanted('Collect the bin.');
  await form.continue();
  await expect(page.getByText('Collect the bin.', { exact: true })).toBeVisible();

  await sendAndCheck(form, email);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('someone complains for a relative, with their written permission', async ({ page }) => {
    // Each page is checked for accessibility in a second browser context, with JavaScript.
    test.setTimeout(120_000);
    const form = new ComplaintFormPages(page, { javaScript: false });
    const email = `ray.${run}@example.test`;
    await form.start();
    await form.checkAccessible();
    await form.chooseServiceRoute();
    await form.continueTo('Who is the complaint for?');
    await form.choose('Someone else');
    await form.fill('Full name of the person the complaint is for', `Edna Elder ${run}`);
    await form.fill('How do you know them?', 'I am her son');
    await form.continueTo('Upload their written permission');
    await form.field('Upload a file').setInputFiles({
      name: 'permission.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4\n% permission letter\n%%EOF\n'),
    });
    await form.continueTo('Your contact details');
    await form.contactDetails({ name: `Ray Elder ${run}`, email });
    await form.continueTo('Which service is the complaint about?');
    await describeComplaint(form, `My mother’s bin has been missed (${run}).`);
    await form.choose('Yes');
    await form.fill('What do you need?', 'Letters in large print');
    await form.continue();
    await expect(page.getByText('permission.pdf')).toBeVisible();
    await sendAndCheck(form, email);
  });
});
