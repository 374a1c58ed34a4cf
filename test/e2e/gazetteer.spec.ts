import { expect, test } from '@playwright/test';
import { GazetteerPages } from './pages/places.ts';
import { signIn } from './pages/sign-in.ts';
import { demoPerson } from './support.ts';

// The council's gazetteer, as its system administrator keeps it (DOMAIN.md §5 Planning): the
// addresses at a postcode, each with its map; an LLPG export with a bad line refused whole, with
// the line named; a good one adding two addresses at a new postcode, found by that postcode.
// The new addresses are at a street of their own, so no other journey's day changes.

const header = 'UPRN,ADDRESS,POSTCODE,LATITUDE,LONGITUDE';
const mews = [
  '100099000001,"1 Kingfisher Mews, Demoton",DM7 1AA,52.4905,-0.9302',
  '100099000002,"2 Kingfisher Mews, Demoton",DM7 1AA,52.4906,-0.9301',
];

test('a system administrator finds addresses at a postcode and imports two new ones', async ({ page }) => {
  await signIn(page, demoPerson('Chris Taylor').email);
  const gazetteer = new GazetteerPages(page);
  await gazetteer.openFromMenu();
  const before = {
    addresses: await gazetteer.count('Addresses'),
    postcodes: await gazetteer.count('Postcodes'),
  };
  expect(before.addresses).toBeGreaterThan(0);

  // Half a postcode is not one: the error summary says so, as on every form.
  await gazetteer.search('DM1');
  await expect(gazetteer.errorSummary).toContainText('Enter a full UK postcode, like DM1 4QT');
  await expect(page).toHaveTitle(/^Error: Gazetteer/);

  await gazetteer.search('DM1 4QT');
  await expect(gazetteer.addresses).toContainText('24 addresses at DM1 4QT');
  await expect(gazetteer.mapLink('14 Ashdown Court, Demoton')).toHaveAttribute(
    'href',
    /^https:\/\/www\.openstreetmap\.org\/\?mlat=52\.\d+&mlon=-0\.\d+#map=18\//,
  );

  // A postcode that is not one on line 3: nothing is imported.
  await gazetteer.openImport();
  await gazetteer.upload(
    'llpg-bad.csv',
    [header, mews[0], '100099000002,"2 Kingfisher Mews, Demoton",DM7,52.4906,-0.9301'].join('\n'),
  );
  await expect(gazetteer.errorSummary).toContainText('Line 3: the postcode “DM7” is not a UK postcode');
  await gazetteer.expectPage('Import the gazetteer');
  await gazetteer.follow('Back', true);
  await gazetteer.expectPage('Gazetteer');
  expect(await gazetteer.count('Addresses')).toBe(before.addresses);
  await gazetteer.search('DM7 1AA');
  await expect(page.locator('#addresses')).toHaveText('The gazetteer has no addresses at DM7 1AA.');

  await gazetteer.openImport();
  await gazetteer.upload('llpg.csv', [header, ...mews].join('\r\n'));
  await expect(gazetteer.successBanner).toContainText(
    'The gazetteer is imported: 2 new, 0 changed, 0 unchanged',
  );
  await gazetteer.expectPage('Gazetteer');
  expect(await gazetteer.count('Addresses')).toBe(before.addresses + 2);
  expect(await gazetteer.count('Postcodes')).toBe(before.postcodes + 1);

  // The postcode as someone might type it.
  await gazetteer.search('dm71aa');
  await expect(gazetteer.addresses).toContainText('2 addresses at DM7 1AA');
  await expect(gazetteer.addresses.getByRole('row')).toHaveCount(3);
  await expect(gazetteer.mapLink('2 Kingfisher Mews, Demoton')).toHaveAttribute(
    'href',
    'https://www.openstreetmap.org/?mlat=52.4906&mlon=-0.9301#map=18/52.4906/-0.9301',
  );
});
