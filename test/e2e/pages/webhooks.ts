import type { Locator } from '@playwright/test';
import { ProbityPage } from './probity-page.ts';

// The webhook endpoints' pages: registering one, its secret shown once, and its delivery log.
export class WebhookPages extends ProbityPage {
  async open() {
    await this.menuLink('Webhooks').click();
  }

  async register(url: string, events: string[]) {
    await this.fill('Address', url);
    await this.fill('Description (optional)', 'Housing CRM');
    for (const event of events) await this.page.getByRole('checkbox', { name: event }).check();
    await this.press('Register endpoint');
  }

  get secret(): Locator {
    return this.page.locator('#new-secret');
  }

  async openDeliveryLog(url: string) {
    await this.link(`Delivery log for ${url}`).click();
  }

  deliveryState(type: string): Locator {
    return this.page
      .locator('h2', { hasText: type })
      .locator('xpath=following-sibling::dl[1]')
      .locator('[data-state]');
  }
}
