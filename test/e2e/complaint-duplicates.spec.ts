import { expect, type Page, test } from '@playwright/test';
import { CaseworkPages } from './pages/complaint-casework.ts';
import { ComplaintFormPages } from './pages/complaint-form.ts';
import { signIn } from './pages/sign-in.ts';
import { demoPerson, run } from './support.ts';

// A resident sends a photo with their complaint, then complains again about the same thing; at
// triage the complaints manager sees the second may repeat the first, compares them and merges
// it, and the first case shows the duplicate and the photo. The complainant is unique to the run.

const complainant = { name: `Pat Repeat ${run}`, email: `repeat.${run}@example.test` };
const service = 'Environmental Health and Licensing';
// A tiny JPEG's first bytes: what the form checks, whatever the file is called.
const photo = {
  name: 'overflowing-bins.jpg',
  mimeType: 'image/jpeg',
  buffer: Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(2048, 9)]),
};
const letter = {
  name: 'my-letter.pdf',
  mimeType: 'application/pdf',
  buffer: Buffer.from('%PDF-1.4\n% a letter\n%%EOF\n'),
};

// The page is no wider than a 320 px phone.
async function fitsAPhone(page: Page) {
  const viewport = page.viewportSize();
  await page.setViewportSize({ width: 320, height: 640 });
  expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(320);
  if (viewport) await page.setViewportSize(viewport);
}

test('a resident attaches a photo; triage finds their repeat complaint and the manager merges it', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const form = new ComplaintFormPages(page);
  await form.start();
  await form.chooseServiceRoute();
  await form.continueTo('Who is the complaint for?');
  await form.choose('Myself');
  await form.continueTo('Your contact details');
  await form.contactDetails(complainant);
  await form.continueTo('Which service is the complaint about?');
  await form.choose(service);
  await form.continueTo('What happened?');
  await form.whatHappened(
    `The bins outside the flats on Mill Lane overflow every week and attract rats (${run}).`,
  );
  await form.continueTo('Send photos or documents (optional)');

  // A file of the wrong kind is refused with the error summary; a photo and a letter are added,
  // and the letter removed before sending.
  await form
    .field('Add a file')
    .setInputFiles({ name: 'bins.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('not a photo') });
  await form.press('Add file');
  await expect(form.link('The file must be a PDF, JPG, PNG or HEIC')).toBeVisible();
  await form.checkAccessible();
  await form.attach(photo);
  await form.attach(letter);
  await fitsAPhone(page);
  await form.remove(letter.name);
  await expect(form.evidence).not.toContainText(letter.name);
  await expect(form.evidence).toContainText(photo.name);
  await form.continueTo('What would you like to happen?');
  await form.wanted('Empty the bins more often.');
  await form.continueTo('Do you need us to make any adjustments?');
  await form.choose('No');
  await form.continueTo('Check your answers before sending your complaint');
  await expect(form.summaryList.filter({ hasText: 'Photos and documents' })).toContainText(photo.name);
  await form.send();
  await form.expectPage('Complaint sent');
  const first = (await form.reference.innerText()).trim();

  // The same again, in other words.
  const repeat = await form.make({
    complainant,
    service,
    what: `Mill Lane flats: the bins overflow every single week and the rats are back (${run}).`,
    wanted: 'Empty the bins more often.',
  });
  await form.expectPage('Complaint sent');

  const manager = demoPerson('Lucy Adeyemi');
  await signIn(page, manager.email);
  const casework = new CaseworkPages(page);
  await casework.goto(`/complaints/${repeat}`);
  await casework.expectPage(`Complaint from ${complainant.name}`);
  await casework.act('Triage the complaint', 'Triage the complaint');
  await expect(casework.possibleDuplicates).toContainText('Possible duplicate');
  await expect(casework.possibleDuplicates).toContainText(first);
  await casework.compareWith(first);
  await fitsAPhone(page);

  // No decision: the error is said; then merged.
  await casework.press('Save the decision');
  await expect(casework.link('Select whether to merge the complaints or keep both')).toBeVisible();
  await casework.checkAccessible();
  await casework.decideDuplicate(new RegExp(`^Merge: close ${repeat}`));
  await casework.expectDone(complainant.name, 'The duplicate has been merged into this complaint.');
  await expect(casework.caption).toContainText(first);
  const duplicates = page.locator(`#duplicate-${repeat}`);
  await expect(duplicates).toContainText('the rats are back');
  await expect(casework.link(photo.name)).toHaveAttribute(
    'href',
    new RegExp(`^/complaints/${first}/documents/`),
  );

  // The duplicate's own page says where it went.
  await casework.follow(repeat, true);
  await casework.expectPage(`Complaint from ${complainant.name}`);
  await expect(page.locator('#merged-into')).toContainText(`merged into ${first}`);
  await expect(casework.link('Triage the complaint', true)).toHaveCount(0);
});
