import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { strFromU8, unzipSync } from 'fflate';
import { PrivacyPages } from './pages/privacy.ts';
import { signIn } from './pages/sign-in.ts';
import { demoAccount } from './support.ts';

const dpo = demoAccount('data-protection-officer');

test('the data protection officer finds a member of staff, sees what is held and downloads the export', async ({
  page,
}) => {
  await signIn(page, dpo.email);
  const privacy = new PrivacyPages(page);
  await privacy.menuLink('Subject access').click();
  await expect(privacy.heading).toHaveText('Subject access requests');
  await privacy.checkAccessible();

  await privacy.search('Nobody Atall');
  await expect(page.getByText('No member of staff or customer matches “Nobody Atall”')).toBeVisible();

  await privacy.search('liam.barker');
  await privacy.checkAccessible();
  await privacy.candidate('Liam Barker').click();
  await expect(privacy.heading).toHaveText('Liam Barker');
  await expect(privacy.held).toContainText('Their staff record');
  await privacy.checkAccessible();

  const download = await privacy.download();
  expect(download.suggestedFilename()).toMatch(/^subject-access-liam-barker-\d{4}-\d\d-\d\d\.zip$/);
  const files = unzipSync(new Uint8Array(await readFile(await download.path())));
  const person = JSON.parse(strFromU8(files['organisation-person.json'] ?? new Uint8Array())) as {
    records: Record<string, unknown>[];
  };
  expect(person.records[0]).toMatchObject({ Name: 'Liam Barker', 'Job title': 'Revenues Officer' });
  expect(strFromU8((files['summary.pdf'] ?? new Uint8Array()).subarray(0, 5))).toBe('%PDF-');
});

test('the data protection officer sees each record type’s retention and what falls due', async ({ page }) => {
  await signIn(page, dpo.email);
  const privacy = new PrivacyPages(page);
  await privacy.menuLink('Retention').click();
  await expect(privacy.heading).toHaveText('Retention of personal data');
  const table = page.getByRole('table', { name: 'Records and their retention' });
  for (const records of [
    'Gift and hospitality entries',
    'Raised concerns',
    'Complaints and their complainants',
    'Rejected and removed risk markers',
    'Field incident reports',
  ])
    await expect(table.getByRole('rowheader', { name: records })).toBeVisible();
  await privacy.checkAccessible();
});
