import type { Locator } from '@playwright/test';
import { type DateParts, ProbityPage } from './probity-page.ts';

export type Newcomer = { name: string; email: string; jobTitle: string; service: string };

// People, policy settings, the audit trail, emails sent, the calendar and API tokens.
export class AdministrationPages extends ProbityPage {
  async addPerson(person: Newcomer) {
    await this.fill('Full name', person.name);
    await this.fill('Email address', person.email);
    await this.fill('Job title', person.jobTitle);
    await this.field('Service', true).selectOption({ label: person.service });
    await this.group('Employment type').getByLabel('Employee').check();
    await this.group('Is this a politically restricted post?').getByLabel('No').check();
    await this.page.getByRole('checkbox', { name: 'Field officer' }).check();
    await this.field('Email them a link to set their password').check();
    await this.press('Save');
  }

  async openEmails() {
    await this.goto('/admin/emails');
  }

  sentEmails(subject: string): Locator {
    return this.page.getByRole('row', { name: new RegExp(`${subject}.*Sent`) });
  }

  get emailBody(): Locator {
    return this.page.locator('#email-body');
  }

  get recordingThreshold(): Locator {
    return this.field('Recording threshold');
  }

  async savePolicySettings() {
    await this.press('Save policy settings');
  }

  async filterAuditTrail(recordType: string) {
    await this.field('Record type').selectOption(recordType);
    await this.press('Filter');
  }

  async createToken(name: string, scope: string, expiry: string) {
    await this.fill('Name', name);
    await this.field(scope).check();
    await this.field(expiry).check();
    await this.press('Create token');
  }

  get newToken(): Locator {
    return this.page.locator('#new-token');
  }

  async openCalendar() {
    await this.goto('/admin/calendar');
  }

  // GOV.UK's bank-holidays.json, as downloaded, uploaded on the calendar page.
  async uploadBankHolidays(content: string) {
    await this.field('Upload GOV.UK’s bank holiday list').setInputFiles({
      name: 'bank-holidays.json',
      mimeType: 'application/json',
      buffer: Buffer.from(content),
    });
    await this.press('Upload list');
  }

  get bankHolidayList(): Locator {
    return this.page.locator('#bank-holiday-list');
  }

  async addClosure(date: DateParts, description: string) {
    await this.fillDate(date);
    await this.field('Closed (not a working day)').check();
    await this.fill('Description', description);
    await this.press('Add change');
  }

  // The page a newcomer reaches from the link in their email.
  async setPassword(password: string) {
    await this.fill('Password', password, true);
    await this.fill('Confirm password', password);
    await this.press('Set password');
  }
}
