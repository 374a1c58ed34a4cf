import { expect, type Locator } from '@playwright/test';
import { ProbityPage } from './probity-page.ts';

// Raising a concern on the council's public page, following it up by receipt code, and the
// investigator's file of it.
export class ConcernPages extends ProbityPage {
  get receiptCode(): Locator {
    return this.page.locator('[data-receipt-code]');
  }

  get messages(): Locator {
    return this.page.locator('[data-message]');
  }

  async raiseAnonymously(council: string, about: string, what: string) {
    await this.goto(`/public/${council}/concerns/new`);
    await this.expectPage('Raise a concern');
    await this.choose(about);
    await this.fill('What happened?', what);
    await this.choose('No, stay anonymous');
    await this.press('Send concern');
    await this.expectPage('Your concern has been sent');
    const code = (await this.receiptCode.innerText()).trim();
    expect(code).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){6}$/);
    const reference = /RC-\d{4}-\d{4}/.exec(await this.page.locator('.govuk-panel').innerText())?.[0] ?? '';
    return { code, reference };
  }

  async followUp(council: string, code: string, reference: string) {
    await this.goto(`/public/${council}/concerns/follow-up`);
    await this.expectPage('Follow up your concern');
    await this.fill('Receipt code', code);
    await this.press('Continue');
    await this.expectPage(`Your concern ${reference}`);
  }

  async reply(text: string) {
    await this.fill('Your message', text);
    await this.press('Send message');
    await expect(this.successBanner).toContainText('Your message has been sent');
    await this.checkAccessible();
  }

  async openAssigned(reference: string) {
    await this.goto('/concerns');
    await this.expectPage('Concerns assigned to you');
    await this.follow(reference);
    await this.expectPage(`Concern ${reference}`);
  }

  async ask(question: string) {
    await this.choose('A question for them');
    await this.fill('Message', question, true);
    await this.press('Send to the reporter');
    await expect(this.messages.filter({ hasText: question })).toBeVisible();
    await this.checkAccessible();
  }
}
