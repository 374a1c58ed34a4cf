import { expect, test } from '@playwright/test';
import { CommitteePackPages } from './pages/committee-packs.ts';
import { signIn } from './pages/sign-in.ts';
import { demoPerson, run } from './support.ts';

// The monitoring officer puts the standards committee's pack together from the demo year's
// records, adds an update naming a councillor and marks it exempt (Schedule 12A, paragraph 1),
// downloads both versions as PDF, and publishes it; a committee member finds it on their home page
// and reads the public version, which leaves the exempt item out.
test('a committee pack is published with an exempt item kept out of the public version', async ({ page }) => {
  test.slow(); // two people, a pack of charts and tables, each page checked with axe
  const monitoringOfficer = demoPerson('Rajesh Patel');
  const member = demoPerson('Patricia Fleming');
  const councillor = `Councillor Ivy Quenby ${run}`;
  const packs = new CommitteePackPages(page);

  await signIn(page, monitoringOfficer.email);
  await packs.menuLink('Committee packs').click();
  await packs.expectPage('Committee packs');
  await packs.press('Put together a pack');
  await packs.expectPage('Put together a committee pack');
  await packs.assemble(
    'Standards committee',
    { day: '1', month: '6', year: '2026' },
    { day: '30', month: '11', year: '2026' },
  );
  await packs.expectPage('Standards committee pack, 1 June 2026 to 30 November 2026');
  await expect(packs.section('1. Complaints about councillors’ conduct')).toContainText(
    /\d+ complaints? (was|were) referred to the monitoring officer in the period/,
  );
  await expect(packs.section(/^\d\. Corporate complaints$/).locator('figure')).toHaveCount(2);

  await packs.press('Add an item');
  await packs.expectPage('Add an item to the pack');
  await packs.addItem({
    heading: `Update on the complaint about ${councillor}`,
    body: 'The investigator’s report is expected in January.',
    paragraph: /^Paragraph 1:/,
    reason: 'It names the councillor complained about',
  });
  const exempt = packs.section(`Update on the complaint about ${councillor}`);
  await expect(exempt).toContainText('Not for publication');
  await expect(exempt).toContainText('paragraph 1 of Part 1 of Schedule 12A');
  await packs.checkAccessible();

  const full = await packs.pdfWords('Download the full version as PDF');
  expect(full.filename).toMatch(/^standards-committee-pack-2026-06-01-2026-11-30-full\.pdf$/);
  expect(full.words).toContain(councillor);
  expect(full.words).toContain('Corporate complaints received by quarter');

  await packs.follow('Show the public version');
  await packs.checkAccessible();
  // The added item, and the demo year's hearings, exempt by rule since they name councillors.
  await expect(packs.withheld).toContainText('2 items are not included');
  await expect(page.getByText(councillor)).toHaveCount(0);
  const publicPdf = await packs.pdfWords('Download the public version as PDF');
  expect(publicPdf.words).not.toContain(councillor);
  expect(publicPdf.words).toContain('2 items are not included');
  expect(publicPdf.words).toContain('Corporate complaints received by quarter');

  await packs.press('Publish the pack');
  await expect(packs.summaryList).toContainText('Published');
  await packs.checkAccessible();
  await packs.signOut();

  await signIn(page, member.email);
  await packs.follow(/Committee packs to read/);
  await packs.expectPage('Committee packs');
  await packs.follow('Standards committee pack, 1 June 2026 to 30 November 2026');
  await packs.expectPage('Standards committee pack, 1 June 2026 to 30 November 2026');
  await expect(page.getByText(councillor)).toHaveCount(0);
  await expect(packs.link(/full version/)).toHaveCount(0);
  const memberPdf = await packs.pdfWords('Download the public version as PDF');
  expect(memberPdf.words).not.toContain(councillor);

  // On the narrowest phone the pack does not scroll sideways: its tables scroll in their own region.
  await page.setViewportSize({ width: 320, height: 640 });
  await page.reload();
  expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(320);
  await packs.checkAccessible();
});
