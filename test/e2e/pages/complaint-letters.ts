import { expect, type Locator } from '@playwright/test';
import { ProbityPage } from './probity-page.ts';

// Letters: the templates the council edits, the letters a complaint was sent, and a decision's
// letter checked (read as it will go, changed, sent, or approved by a second person) before it goes.
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

  get state(): Locator {
    return this.page.locator('#letter-state');
  }

  // On the letter a decision wrote, not sent yet: it reads as it will go.
  async expectWritten(subject: string | RegExp) {
    await expect(this.heading).toHaveText(subject);
    await expect(this.successBanner).toContainText('Its letter has not gone yet');
    await expect(this.state).toHaveText('Not sent yet');
    await expect(this.page.getByRole('heading', { name: 'The letter as it will be sent' })).toBeVisible();
    await this.checkAccessible();
  }

  async send() {
    await this.press('Send the letter');
    await expect(this.successBanner).toContainText('Letter sent.');
    await expect(this.state).toHaveText('Sent');
    await this.checkAccessible();
  }

  // The decision's letter read and sent as written.
  async sendWritten(subject: string | RegExp) {
    await this.expectWritten(subject);
    await this.send();
  }

  // Its wording changed on the edit page, which is checked first.
  async change(edit: (text: string) => string) {
    await this.follow('Change the letter');
    await this.expectPage('Change the letter');
    await this.letterText.fill(edit(await this.letterText.inputValue()));
    await this.press('Save changes');
  }

  async sendForApproval() {
    await this.press('Send for approval');
    await expect(this.successBanner).toContainText('Letter sent for approval');
    await expect(this.state).toHaveText('Waiting for approval');
    await this.checkAccessible();
  }

  async approve() {
    await this.choose('Yes, approve and send it');
    await this.press('Continue');
    await expect(this.successBanner).toContainText('Letter approved and sent.');
    await expect(this.state).toHaveText('Sent');
    await this.checkAccessible();
  }
}
