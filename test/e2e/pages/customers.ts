import { expect, type Locator } from '@playwright/test';
import { ProbityPage } from './probity-page.ts';

// Customers: the list and search, a customer's record and timeline, logging a contact, and the
// decisions about unreasonable behaviour (warning, pre-vexatious, vexatious).
export class CustomerPages extends ProbityPage {
  async search(text: string) {
    await this.fill('Name, email address or phone number', text);
    await this.press('Search');
  }

  async addCustomer(name: string, email: string) {
    await this.fill('Full name', name);
    await this.fill('Email address (optional)', email);
    await this.press('Add customer');
  }

  get timeline(): Locator {
    return this.page.locator('#timeline');
  }

  get contactWarning(): Locator {
    return this.page.locator('#contact-warning');
  }

  // Answers the contact form's questions; the outcome only when given.
  async fillContact(summary: string, minutes: string, outcome?: string) {
    await this.choose('Phone call');
    await this.fill('Officer time taken, in minutes', minutes);
    await this.fill('What was it about?', summary);
    if (outcome) await this.fill('Outcome (optional)', outcome);
    await this.press('Log contact');
  }

  // From the customer's record: logs a phone call, and is back on the record.
  async logContact(summary: string, minutes: string) {
    await this.press('Log a contact');
    await this.expectPage('Log a contact');
    await this.fillContact(summary, minutes, 'Told them the matter is closed');
    await expect(this.successBanner).toContainText('Contact logged');
  }

  // On a step up: the warning that nothing new was logged since the last step, and the contacts
  // logged since it.
  get noNewContact(): Locator {
    return this.page.locator('#no-new-contact');
  }

  get contactsSince(): Locator {
    return this.page.locator('#contacts-since');
  }

  // Opens a decision about the customer's behaviour.
  async openStep(link: string, heading: string) {
    await this.follow(link);
    await this.expectPage(heading);
  }

  // What the letter tells them about their behaviour.
  async describeBehaviour() {
    await this.fill(
      'What is the behaviour, and why is it unreasonable?',
      'You have phoned many times about a parking fine already answered, and used abusive language.',
    );
  }

  // Opens a decision about the customer's behaviour and gives the reasons every one needs.
  async decide(link: string, heading: string) {
    await this.openStep(link, heading);
    await this.describeBehaviour();
    await this.fill('Evidence gathered', 'The calls on the timeline, with the officer time they took.');
    await this.fill('Equality Act check', 'No disability or other need known; asked, none given.');
  }
}
