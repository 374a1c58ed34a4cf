import type { Locator } from '@playwright/test';
import { ProbityPage } from './probity-page.ts';

// Letters: the templates the council edits, and the letters a complaint was sent.
export class LetterPages extends ProbityPage {
  async openTemplates() {
    await this.goto('/complaints/templates');
  }

  get letterText(): Locator {
    return this.field('Letter', true);
  }

  get placeholders(): Locator {
    return this.page.locator('#placeholders');
  }

  get preview(): Locator {
    return this.page.locator('#preview-text');
  }

  async saveLetter() {
    await this.press('Save letter');
  }

  templateRow(name: string): Locator {
    return this.page.getByRole('row', { name: new RegExp(name) });
  }

  get sentLetter(): Locator {
    return this.page.locator('#letter-text');
  }
}
