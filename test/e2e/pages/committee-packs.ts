import { readFile } from 'node:fs/promises';
import type { Locator } from '@playwright/test';
import { pdfWords } from '../../support/pdf-text.ts';
import { type DateParts, ProbityPage } from './probity-page.ts';

// The committee packs: the list, putting one together, a pack in either version, adding an item
// and marking it exempt, its downloads, publishing.
export class CommitteePackPages extends ProbityPage {
  async assemble(committee: string, from: DateParts, to: DateParts) {
    await this.choose(committee);
    await this.fillDate(from, 'When does the period start?');
    await this.fillDate(to, 'When does the period end?');
    await this.press('Put the pack together');
  }

  async addItem(item: { heading: string; body: string; paragraph: RegExp; reason: string }) {
    await this.fill('Heading', item.heading);
    await this.fill('What the item says', item.body);
    await this.choose(item.paragraph);
    await this.fill('Why is it exempt?', item.reason);
    await this.press('Add the item');
  }

  section(heading: string | RegExp): Locator {
    return this.page.locator('section').filter({ has: this.page.getByRole('heading', { name: heading }) });
  }

  get withheld(): Locator {
    return this.page.locator('.govuk-inset-text');
  }

  // The words of the PDF the link downloads.
  async pdfWords(link: string | RegExp): Promise<{ filename: string; words: string }> {
    const download = this.page.waitForEvent('download');
    await this.follow(link);
    const file = await download;
    return { filename: file.suggestedFilename(), words: pdfWords(await readFile(await file.path())) };
  }
}
