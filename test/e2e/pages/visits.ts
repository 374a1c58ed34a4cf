import { expect, type Locator } from '@playwright/test';
import { type DateParts, ProbityPage } from './probity-page.ts';

export type PlannedVisit = {
  address: string;
  accountHolder?: string;
  start: string; // HH:MM, London
  finish: string;
  secondOfficer?: string;
};

// Field visits: the officer's plan of the day with its visits and check-ins, the line manager's
// advice and authorisation on a visit, the responsible officer's console and an alert, and the
// visit's record and incident report.
export class VisitPages extends ProbityPage {
  // A phone in portrait: the field officer's pages are used on the doorstep.
  async asPhone() {
    await this.page.setViewportSize({ width: 390, height: 844 });
  }

  async openPlans() {
    await this.goto('/visits');
    await this.expectPage('Field visits');
  }

  // From the officer's plans: makes the plan for a day, and is on its page.
  async planDay(plan: { day: DateParts; responsible: string; homeBy?: string; officer?: string }) {
    await this.press('Plan a day');
    await this.expectPage('Plan a day of visits');
    if (plan.officer) await this.field('Whose visits?').selectOption({ label: plan.officer });
    await this.fillDate(plan.day, 'Day of the visits');
    await this.field('Responsible officer').selectOption({ label: plan.responsible });
    if (plan.homeBy) await this.fill('When do you expect to be home?', plan.homeBy);
    await this.press('Make the plan');
    await expect(this.successBanner).toContainText('Plan made');
    await this.expectPage(/^Visits on /);
  }

  // From the plan: adds a visit, and is back on the plan.
  async addVisit(visit: PlannedVisit) {
    await this.press('Add a visit');
    await this.expectPage('Add a visit');
    await this.fill('Address', visit.address, true);
    if (visit.accountHolder)
      await this.fill('Account holder or person visited (optional)', visit.accountHolder);
    await this.fill('Planned start', visit.start);
    await this.fill('Planned finish', visit.finish);
    if (visit.secondOfficer) await this.field('Second officer').selectOption({ label: visit.secondOfficer });
    await this.press('Save the visit');
    await expect(this.successBanner).toContainText('Visit added');
  }

  // From the visit's page: a colleague goes too; back on the plan.
  async addSecondOfficer(name: string) {
    await this.press('Change the visit');
    await this.expectPage('Change the visit');
    await this.field('Second officer').selectOption({ label: name });
    await this.press('Save the visit');
    await expect(this.successBanner).toContainText('Visit changed');
  }

  visitLink(address: string): Locator {
    return this.page.getByRole('link', { name: new RegExp(`: ${escaped(address)}$`) });
  }

  async openVisit(address: string) {
    await this.visitLink(address).click();
    await this.expectPage(address);
  }

  async share() {
    await this.press('Share the plan');
  }

  // What stands between the visit and its start, as the visit's page lists it.
  get blockers(): Locator {
    return this.page
      .getByRole('heading', { name: 'Before the visit can go ahead' })
      .locator('xpath=following-sibling::ul[1]');
  }

  async recordAdvice(advice: string) {
    await this.fill('Your advice as team leader', advice);
    await this.press('Record advice');
    await expect(this.successBanner).toContainText('Advice recorded');
  }

  async authorise(reason: string) {
    await this.fill('Business reason for the out-of-hours visit', reason);
    await this.press('Authorise');
    await expect(this.successBanner).toContainText('Out-of-hours visit authorised');
  }

  // The line manager on a visit's page gives what its checks ask of them: authorisation for a visit
  // out of hours, advice for one made alone out of hours; then the visit is ready.
  async clearBlockers() {
    const blockers = (await this.blockers.count()) ? await this.blockers.innerText() : '';
    if (/authorisation/.test(blockers)) await this.authorise('Tenant only at home at weekends and evenings.');
    if (/advice/.test(blockers))
      await this.recordAdvice('Stay on the doorstep, keep your phone on and check in as soon as you leave.');
    await expect(this.page.getByText('Ready', { exact: true })).toBeVisible();
    await this.checkAccessible();
  }

  checkInButton(address: string): Locator {
    return this.button(`Check in: visit to ${address} done`);
  }

  async checkIn(address: string) {
    await this.checkInButton(address).click();
    await expect(this.successBanner).toContainText('Checked in');
  }

  async diarySheet() {
    const download = this.page.waitForEvent('download');
    await this.follow('Print the diary sheet (PDF)');
    return download;
  }

  // The console's row for an officer, and an alert waiting for them at a level.
  consoleRow(officer: string): Locator {
    return this.row(officer);
  }

  alertLink(level: string, officer: string): Locator {
    return this.page
      .locator('#board li')
      .filter({ hasText: level })
      .getByRole('link', { name: new RegExp(`^${escaped(officer)}, raised`) });
  }

  async acknowledge(note: string) {
    await this.fill('What you are doing (optional)', note);
    await this.press('Acknowledge');
  }

  // The visit's record: the outcome and one flag with its detail.
  async recordVisit(outcome: string, flag: { name: string; question: string; detail: string }) {
    await this.choose(outcome);
    await this.page.getByRole('checkbox', { name: flag.name }).check();
    await this.fill(flag.question, flag.detail);
    await this.press('Save the record');
  }

  async reportIncident(incident: {
    kind: string;
    day: DateParts;
    time: string;
    location: string;
    whatHappened: string;
    peopleInvolved: string;
  }) {
    await this.page.getByRole('checkbox', { name: incident.kind }).check();
    await this.fillDate(incident.day, 'When did it happen?');
    await this.fill('Time', incident.time, true);
    await this.fill('Where did it happen?', incident.location);
    await this.page.getByRole('textbox', { name: 'What happened?' }).fill(incident.whatHappened);
    await this.fill('Who was involved?', incident.peopleInvolved);
    await this.press('Send the report');
  }
}

const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
