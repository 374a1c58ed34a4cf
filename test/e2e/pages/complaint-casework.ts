import { expect, type Locator } from '@playwright/test';
import { LetterPages } from './complaint-letters.ts';
import { ProbityPage } from './probity-page.ts';

// A complaint's case page and the forms its actions open (triage, allocate, extend, respond,
// close), for staff.
export class CaseworkPages extends ProbityPage {
  async openList() {
    await this.goto('/complaints');
  }

  // From the list of complaints to the case, whose page is headed with the complainant's name.
  async openCase(reference: string, complainant: string) {
    await this.openList();
    await this.expectPage('Complaints');
    await this.link(reference, true).first().click();
    await this.expectPage(`Complaint from ${complainant}`);
  }

  // Opens an action's form from the case page.
  async act(link: string, title: string) {
    await this.follow(link, true);
    await this.expectPage(title);
  }

  // Back on the case page, with the action's confirmation.
  async expectDone(complainant: string, message: string) {
    await expect(this.heading).toHaveText(`Complaint from ${complainant}`);
    await expect(this.page.getByText(message)).toBeVisible();
    await this.checkAccessible();
  }

  async recordTriage() {
    await this.press('Record the decision and write the letter');
  }

  async accept(category: string, housing: 'Yes' | 'No') {
    await this.choose('A complaint: accept it at stage 1');
    await this.choose(category);
    await this.group('Is it about a housing matter?').getByRole('radio', { name: housing }).check();
    await this.recordTriage();
  }

  async refuseAsServiceRequest(reason: string) {
    await this.choose(/A service request/);
    await this.page.getByRole('textbox', { name: 'Reason' }).fill(reason);
    await this.recordTriage();
  }

  async allocateTo(officer: Locator | string) {
    await (typeof officer === 'string' ? this.radio(officer) : officer).check();
    await this.press('Allocate');
  }

  async extend(days: string, reason?: string) {
    await this.fill('How many working days?', days);
    if (reason) await this.fill('Why is more time needed?', reason);
    await this.press('Extend and write the letter');
  }

  async respond(outcome: string, findings: string) {
    await this.choose(outcome);
    await this.fill('What the investigation found', findings);
    await this.press('Record the response and write the letter');
  }

  // The letter an action wrote, read and sent as written, then back to the case.
  async sendLetter(subject: string | RegExp, reference: string, complainant: string) {
    const letters = new LetterPages(this.page);
    await letters.sendWritten(subject);
    await this.goto(`/complaints/${reference}`);
    await expect(this.heading).toHaveText(`Complaint from ${complainant}`);
  }

  // The triage page's flag: the complaints this one may repeat.
  get possibleDuplicates(): Locator {
    return this.page.locator('#possible-duplicates');
  }

  async compareWith(reference: string) {
    await this.follow(`Compare with ${reference}`);
    await this.expectPage(`Is this a duplicate of ${reference}?`);
  }

  async decideDuplicate(decision: RegExp) {
    await this.choose(decision);
    await this.press('Save the decision');
  }

  get stage1Due(): Locator {
    return this.page.locator('#stage-1-due');
  }
}
