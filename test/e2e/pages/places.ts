import type { Locator } from '@playwright/test';
import { ProbityPage } from './probity-page.ts';

// The gazetteer: what it holds, the addresses at a postcode with their maps, and the upload of
// the council's LLPG export.
export class GazetteerPages extends ProbityPage {
  async openFromMenu() {
    await this.menuLink('Gazetteer').click();
    await this.expectPage('Gazetteer');
  }

  // How many addresses or postcodes the gazetteer holds, as its summary says.
  async count(key: 'Addresses' | 'Postcodes'): Promise<number> {
    const row = this.summaryList.locator('.govuk-summary-list__row').filter({ hasText: key });
    return Number(await row.locator('.govuk-summary-list__value').innerText());
  }

  async search(postcode: string) {
    await this.fill('Postcode', postcode, true);
    await this.press('Find addresses');
    await this.expectPage('Gazetteer');
  }

  get addresses(): Locator {
    return this.page.getByRole('table', { name: /addresses at / });
  }

  mapLink(address: string): Locator {
    return this.link(`Show ${address} on OpenStreetMap`, true);
  }

  // From the gazetteer: the import page, and a file sent through it.
  async openImport() {
    await this.press('Import the gazetteer');
    await this.expectPage('Import the gazetteer');
  }

  async upload(fileName: string, csv: string) {
    await this.field('Gazetteer file (CSV)').setInputFiles({
      name: fileName,
      mimeType: 'text/csv',
      buffer: Buffer.from(csv),
    });
    await this.press(/^Import$/);
  }
}
