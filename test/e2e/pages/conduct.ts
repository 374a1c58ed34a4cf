import { expect, type Locator } from '@playwright/test';
import { type DateParts, ProbityPage } from './probity-page.ts';

// Councillor conduct complaints: the public form, the monitoring officer's roster, and a
// complaint's page with the form for its next step.
export class ConductPages extends ProbityPage {
  get state(): Locator {
    return this.page.locator('#complaint-state');
  }

  async addCouncillor(councillor: { name: string; ward: string; party: string; email: string }) {
    await this.goto('/conduct/roster');
    await this.expectPage('Councillors and independent persons');
    await this.follow('Add a councillor');
    await this.expectPage('Add a councillor');
    await this.fill('Name', councillor.name, true);
    await this.fill('Ward', councillor.ward, true);
    await this.fill('Party (optional)', councillor.party);
    await this.fill('Email address', councillor.email);
    await this.press('Add');
    await expect(this.row(councillor.name)).toContainText(councillor.ward);
  }

  async addIndependentPerson(person: { name: string; email: string }) {
    await this.follow('Add an independent person');
    await this.expectPage('Add an independent person');
    await this.fill('Name', person.name, true);
    await this.fill('Email address', person.email);
    await this.press('Add');
    await expect(this.page.getByText(person.name)).toBeVisible();
  }

  // The public form, as someone without an account fills it in; answers the reference.
  async complain(complaint: { councillor: string; what: string; name: string; email: string }) {
    await this.goto('/public/demo/councillor-complaints/new');
    await this.expectPage('Complain about a councillor');
    await this.press('Send complaint');
    await expect(this.errorSummary).toContainText('Select the councillor your complaint is about');
    await this.checkAccessible();
    await this.field('Which councillor is your complaint about?').selectOption({
      label: complaint.councillor,
    });
    await this.fill('What did the councillor do?', complaint.what);
    await this.fill('Full name', complaint.name);
    await this.fill('Email address', complaint.email);
    await this.choose('No', true);
    await this.press('Send complaint');
    await this.expectPage('Complaint sent');
    return (await this.page.locator('#reference').textContent())?.trim() ?? '';
  }

  async open(reference: string) {
    await this.goto('/conduct');
    await this.expectPage('Councillor conduct complaints');
    await this.follow(reference);
    await expect(this.caption).toHaveText(reference);
    await this.checkAccessible();
  }

  async assess(theme: string, reasons: string) {
    await this.choose(/As a councillor/);
    await this.choose(theme, true);
    await this.fill('Reasons for the assessment', reasons);
    await this.press('Record assessment');
  }

  async recordView(person: string, view: string) {
    await this.field('Independent person consulted').selectOption({ label: person });
    await this.fill('Their view', view);
    await this.press('Record their view');
  }

  async decideToInvestigate(investigator: RegExp, reasons: string) {
    await this.choose('Investigation', true);
    const select = this.field('Investigator (for an investigation)');
    const option = select.locator('option').filter({ hasText: investigator }).first();
    await select.selectOption((await option.getAttribute('value')) ?? '');
    await this.fill('Reasons for the decision', reasons);
    await this.press('Record decision');
  }

  async report(summary: string) {
    await this.choose('A breach of the code', true);
    await this.fill('Summary of the report', summary);
    await this.press('Record report');
  }

  async hearing(hearing: {
    members: string;
    person: string;
    reasons: string;
    sanction: string;
    heldOn: DateParts;
    complyBy: DateParts;
  }) {
    await this.fillDate(hearing.heldOn, 'Date of the hearing');
    await this.fill('Members of the panel', hearing.members);
    await this.field('Independent person at the hearing').selectOption({ label: hearing.person });
    await this.choose('The councillor breached the code', true);
    await this.fill('The panel’s reasons', hearing.reasons);
    await this.page.getByRole('checkbox', { name: hearing.sanction }).check();
    await this.fillDate(hearing.complyBy, 'Comply by');
    await this.press('Record hearing decision');
  }
}
