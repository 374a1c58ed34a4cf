import { expect, type Locator } from '@playwright/test';
import { type DateParts, ProbityPage } from './probity-page.ts';

export type NewEnforcementCase = {
  accountRef: string;
  debtorName: string;
  address: string;
  postcode: string;
  balance: string; // pounds, as typed
  liabilityOrderOn: DateParts;
  court: string;
};

// Enforcement: the team leader's cases, a new case, its notice and its agent; the agent's own
// cases and a visit's outcome; the import of the revenues system's payments file.
export class EnforcementPages extends ProbityPage {
  async openFromMenu(name: 'Enforcement' | 'My enforcement cases') {
    await this.menuLink(name).click();
    await this.expectPage(name === 'Enforcement' ? 'Enforcement cases' : 'My enforcement cases');
  }

  // From the cases: makes a council tax case on domestic premises, not yet allocated nor noticed,
  // and is on its page. Answers its reference.
  async createCase(made: NewEnforcementCase): Promise<string> {
    await this.press('New case');
    await this.expectPage('New enforcement case');
    await this.fill('Account reference', made.accountRef);
    await this.fill('Debtor’s name', made.debtorName);
    await this.fill('Address', made.address, true);
    await this.fill('Postcode', made.postcode, true);
    await this.fill('Balance owed, in pounds', made.balance);
    await this.fillDate(made.liabilityOrderOn, 'Date of the liability order');
    await this.fill('Magistrates’ court', made.court);
    await this.press('Create the case');
    await this.expectPage(/^Enforcement case /);
    return ((await this.heading.innerText()).match(/\S+$/) ?? [''])[0];
  }

  // From the case: the notice of enforcement given that day; back on the case.
  async recordNotice(on: DateParts) {
    await this.follow('Record the notice of enforcement');
    await this.expectPage(/^Notice of enforcement for /);
    await this.fillDate(on, 'When was the notice given?');
    await this.press('Record the notice');
    await this.expectPage(/^Enforcement case /);
  }

  // From the case: allocated to the agent; back on the case.
  async allocate(agent: string) {
    await this.follow('Allocate', true);
    await this.expectPage(/^Allocate /);
    await this.field('Enforcement agent').selectOption({ label: agent });
    await this.press('Allocate');
    await this.expectPage(/^Enforcement case /);
  }

  async openCase(reference: string) {
    await this.follow(reference, true);
    await this.expectPage(`Enforcement case ${reference}`);
  }

  // The case's page: a row of its details.
  detail(key: string): Locator {
    return this.summaryList.locator('.govuk-summary-list__row').filter({ hasText: key });
  }

  // The case's page: the card of a visit's outcome.
  outcome(kind: string): Locator {
    return this.page.locator('.govuk-summary-card').filter({ hasText: kind });
  }

  // From the case: the outcome form, with what happened and who was present.
  async startOutcome(kind: string, present: readonly string[]) {
    await this.press('Record a visit’s outcome');
    await this.expectPage('Record a visit’s outcome');
    await this.choose(kind, true);
    for (const who of present) await this.page.getByRole('checkbox', { name: who }).check();
  }

  get goods(): Locator {
    return this.page.getByRole('textbox', { name: 'Goods taken into control' });
  }

  get instalmentLines(): Locator {
    return this.field('Payment arrangement: instalments');
  }

  get instalments(): Locator {
    return this.page.locator('#instalments');
  }

  get payments(): Locator {
    return this.page.locator('#payments');
  }

  // From the cases: the import page, and a payments file sent through it.
  async openImport() {
    await this.follow('Import payments');
    await this.expectPage('Import payments');
  }

  async importPayments(fileName: string, csv: string) {
    await this.field('Payments file').setInputFiles({
      name: fileName,
      mimeType: 'text/csv',
      buffer: Buffer.from(csv),
    });
    await this.press('Import payments');
    await expect(this.heading).toHaveText('Import payments');
  }

  get rowErrors(): Locator {
    return this.page.locator('#row-errors');
  }
}
