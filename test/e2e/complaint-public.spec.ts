import { join } from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { readOutbox } from '../../src/platform/notify/mailer.ts';
import { expectAccessible } from './support.ts';

// A member of the public makes a complaint online: steered away from what is not a
// corporate complaint, then one question a page, check, send; the reference on screen and by
// email; then the complaint's progress with the reference and email address. Once with
// JavaScript, once without (as on an old phone). The names and addresses are unique to the run.

const run = Date.now().toString(36);
const javaScriptOn = new WeakMap<Page, boolean>();
const start = '/public/demo/complaints/new';

async function emailFor(address: string, reference: string) {
  const folder = join(process.env.E2E_DATA_DIR ?? '', 'outbox');
  await expect
    .poll(async () =>
      (await readOutbox(folder, 200)).some((m) => m.to === address && m.subject.includes(reference)),
    )
    .toBe(true);
  return (await readOutbox(folder, 200)).find((m) => m.to === address && m.subject.includes(reference));
}

// axe runs in the page, so a page without JavaScript is checked as the same address opened, with
// the same cookies, in a browser that has it.
async function checkAccessible(page: Page) {
  if (javaScriptOn.get(page) !== false) return expectAccessible(page);
  const context = await page
    .context()
    .browser()
    ?.newContext({ javaScriptEnabled: true, storageState: await page.context().storageState() });
  if (!context) throw new Error('No browser to check the page in');
  const copy = await context.newPage();
  await copy.goto(page.url());
  await expectAccessible(copy);
  await context.close();
}

async function continueTo(page: Page, heading: string | RegExp) {
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
  await checkAccessible(page);
}

async function describeComplaint(page: Page, what: string) {
  await page.getByRole('radio', { name: 'I do not know' }).check();
  await continueTo(page, 'What happened?');
  await page.getByLabel('Tell us what happened').fill(what);
  await page.getByLabel('Day').fill('2');
  await page.getByLabel('Month').fill('11');
  await page.getByLabel('Year').fill('2026');
  await continueTo(page, 'What would you like to happen?');
  await page.getByLabel('What would you like to happen?').fill('Collect the bin, and an apology.');
  await continueTo(page, 'Do you need us to make any adjustments?');
}

async function sendAndCheck(page: Page, email: string) {
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Check your answers before sending your complaint',
  );
  await checkAccessible(page);
  await page.getByRole('button', { name: 'Send complaint' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Complaint sent');
  await checkAccessible(page);
  const reference = (await page.locator('#reference').innerText()).trim();
  expect(reference).toMatch(/^CMP-\d{4}-\d{4}$/);
  await expect(page.getByText('We will acknowledge your complaint by')).toBeVisible();

  const message = await emailFor(email, reference);
  expect(message?.text).toContain(`Your reference is ${reference}`);
  expect(message?.text).toContain('We will acknowledge your complaint by');
  expect(message?.text).toContain('/public/demo/complaints/progress');

  // A refresh shows the same confirmation.
  await page.reload();
  await expect(page.locator('#reference')).toHaveText(reference);

  await page.getByRole('link', { name: 'check the progress of your complaint' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Check the progress of your complaint');
  await checkAccessible(page);
  await page.getByLabel('Complaint reference').fill(reference.toLowerCase());
  await page.getByLabel('Email address').fill(email.toUpperCase());
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(reference);
  await expect(page.getByText('Received: we are checking it is a complaint we can look into')).toBeVisible();
  await checkAccessible(page);
  return reference;
}

test('a member of the public is steered to the right place, then makes a complaint and checks its progress', async ({
  page,
}) => {
  const email = `jo.${run}@example.test`;
  await page.goto(start);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('What is your complaint about?');
  await checkAccessible(page);

  // Adult social care has its own statutory route (003 §2.5-2.6).
  await page.getByRole('radio', { name: 'Adult social care' }).check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Adult social care has its own complaints process',
  );
  await expect(page.getByRole('link', { name: 'Make a complaint about adult social care' })).toHaveAttribute(
    'href',
    'https://www.demo-county.example/adult-social-care-complaints',
  );
  await checkAccessible(page);
  await page.getByRole('link', { name: 'choose again' }).click();

  await page.getByRole('radio', { name: /Something a council service did or failed to do/ }).check();
  await continueTo(page, 'Who is the complaint for?');
  // Nothing chosen: the error is said, and the page works again.
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('link', { name: 'Select who the complaint is for' })).toBeVisible();
  await checkAccessible(page);
  await page.getByRole('radio', { name: 'Myself' }).check();
  await continueTo(page, 'Your contact details');
  await page.getByLabel('Full name').fill(`Jo Public ${run}`);
  await page.getByLabel('Email address').fill(email);
  await page.getByRole('radio', { name: 'Email' }).check();
  await continueTo(page, 'Which service is the complaint about?');
  await describeComplaint(page, `My bin has been missed four weeks running (${run}).`);
  await page.getByRole('radio', { name: 'No' }).check();
  await page.getByRole('button', { name: 'Continue' }).click();

  // Back from the check page to change an answer keeps the rest.
  await page.getByRole('link', { name: 'Change what you would like to happen' }).click();
  await expect(page.getByLabel('What would you like to happen?')).toHaveValue(
    'Collect the bin, and an apology.',
  );
  await page.getByLabel('What would you like to happen?').fill('Collect the bin.');
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByText('Collect the bin.', { exact: true })).toBeVisible();

  await sendAndCheck(page, email);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('someone complains for a relative, with their written permission', async ({ page }) => {
    javaScriptOn.set(page, false);
    const email = `ray.${run}@example.test`;
    await page.goto(start);
    await checkAccessible(page);
    await page.getByRole('radio', { name: /Something a council service did or failed to do/ }).check();
    await continueTo(page, 'Who is the complaint for?');
    await page.getByRole('radio', { name: 'Someone else' }).check();
    await page.getByLabel('Full name of the person the complaint is for').fill(`Edna Elder ${run}`);
    await page.getByLabel('How do you know them?').fill('I am her son');
    await continueTo(page, 'Upload their written permission');
    await page.getByLabel('Upload a file').setInputFiles({
      name: 'permission.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4\n% permission letter\n%%EOF\n'),
    });
    await continueTo(page, 'Your contact details');
    await page.getByLabel('Full name').fill(`Ray Elder ${run}`);
    await page.getByLabel('Email address').fill(email);
    await page.getByRole('radio', { name: 'Email' }).check();
    await continueTo(page, 'Which service is the complaint about?');
    await describeComplaint(page, `My mother’s bin has been missed (${run}).`);
    await page.getByRole('radio', { name: 'Yes' }).check();
    await page.getByLabel('What do you need?').fill('Letters in large print');
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page.getByText('permission.pdf')).toBeVisible();
    await sendAndCheck(page, email);
  });
});
