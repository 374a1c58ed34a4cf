import type { Download, Locator } from '@playwright/test';
import { ProbityPage } from './probity-page.ts';

// The data protection officer's pages: finding the person a subject access request is from,
// what is held about them and the export's download; the retention overview.
export class PrivacyPages extends ProbityPage {
  async search(text: string) {
    await this.fill('Name, email address or postcode', text);
    await this.press('Search');
  }

  candidate(name: string): Locator {
    return this.page.getByRole('table', { name: 'People found' }).getByRole('link', { name });
  }

  get held(): Locator {
    return this.page.getByRole('table', { name: 'What Probity holds about them' });
  }

  async download(): Promise<Download> {
    const waiting = this.page.waitForEvent('download');
    await this.page.getByRole('link', { name: 'Download the subject access export' }).click();
    return waiting;
  }
}
