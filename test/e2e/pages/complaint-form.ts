import { expect, type Locator, type Page } from '@playwright/test';
import { expectAccessible } from '../support.ts';
import { ProbityPage } from './probity-page.ts';

export type Complainant = { name: string; email: string };
export type Evidence = { name: string; mimeType: string; buffer: Buffer };
export type Complaint = {
  complainant: Complainant;
  service: string;
  what: string;
  wanted: string;
  evidence?: Evidence[];
};

const anyServiceRoute = /Something a council service did or failed to do/;

// The public complaint form, one question a page, and the page where the person checks its
// progress. Without JavaScript axe cannot run in the page, so `javaScript: false` checks each page
// as the same address opened, with the same cookies, in a browser that has it.
export class ComplaintFormPages extends ProbityPage {
  readonly javaScript: boolean;

  constructor(page: Page, options = { javaScript: true }) {
    super(page);
    this.javaScript = options.javaScript;
  }

  override async checkAccessible() {
    if (this.javaScript) return expectAccessible(this.page);
    const context = await this.page
      .context()
      .browser()
      ?.newContext({ javaScriptEnabled: true, storageState: await this.page.context().storageState() });
    if (!context) throw new Error('No browser to check the page in');
    const copy = await context.newPage();
    await copy.goto(this.page.url());
    await expectAccessible(copy);
    await context.close();
  }

  async start(council = 'demo') {
    await this.goto(`/public/${council}/complaints/new`);
  }

  async openProgress(council = 'demo') {
    await this.goto(`/public/${council}/complaints/progress`);
  }

  async continue() {
    await this.press('Continue');
  }

  // Continues to the next question, which has this heading.
  async continueTo(heading: string | RegExp) {
    await this.continue();
    await this.expectPage(heading);
  }

  async chooseServiceRoute() {
    await this.choose(anyServiceRoute);
  }

  async contactDetails(complainant: Complainant) {
    await this.fill('Full name', complainant.name);
    await this.fill('Email address', complainant.email);
    await this.choose('Email');
  }

  async whatHappened(what: string) {
    await this.fill('Tell us what happened', what);
    await this.fillDate({ day: '2', month: '11', year: '2026' });
  }

  // Adds a file on the evidence page, which comes back listing it.
  async attach(file: Evidence) {
    await this.field(/Add (a|another) file/).setInputFiles(file);
    await this.press('Add file');
    await this.expectPage('Send photos or documents (optional)');
    await expect(this.evidence).toContainText(file.name);
  }

  async remove(fileName: string) {
    await this.button(`Remove ${fileName}`).click();
    await this.expectPage('Send photos or documents (optional)');
  }

  get evidence(): Locator {
    return this.page.locator('#evidence-files');
  }

  async wanted(outcome: string) {
    await this.fill('What would you like to happen?', outcome);
  }

  async send() {
    await this.press('Send complaint');
  }

  get reference(): Locator {
    return this.page.locator('#reference');
  }

  // Makes a complaint for oneself, answering each question without stopping to check the pages.
  async make(complaint: Complaint): Promise<string> {
    await this.start();
    await this.chooseServiceRoute();
    await this.continue();
    await this.choose('Myself');
    await this.continue();
    await this.contactDetails(complaint.complainant);
    await this.continue();
    await this.choose(complaint.service);
    await this.continue();
    await this.whatHappened(complaint.what);
    await this.continue();
    for (const file of complaint.evidence ?? []) await this.attach(file);
    await this.continue();
    await this.wanted(complaint.wanted);
    await this.continue();
    await this.choose('No');
    await this.continue();
    await this.send();
    return (await this.reference.innerText()).trim();
  }

  async checkProgress(reference: string, email: string) {
    await this.fill('Complaint reference', reference);
    await this.fill('Email address', email);
    await this.continue();
  }
}
