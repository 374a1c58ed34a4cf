import type { Locator } from '@playwright/test';
import { type DateParts, ProbityPage } from './probity-page.ts';

export type SecondaryEmployment = { employer: string; role: string; hours: string; contracted: string };
export type Contractor = { name: string; relationship: string; details: string };

// Declaring an interest: the kind, its questions, the check page, the declaration made.
export class DeclarationPages extends ProbityPage {
  async start() {
    await this.goto('/interests/new');
  }

  async chooseKind(kind: string) {
    await this.choose(kind);
    await this.press('Continue');
  }

  async answerSecondaryEmployment(job: SecondaryEmployment) {
    await this.fill('Employer or business name', job.employer);
    await this.fill('Job title or role', job.role);
    await this.fill('Hours a week in this job', job.hours);
    await this.fill('Your contracted hours a week with the council', job.contracted);
    await this.group('Is it paid?').getByRole('radio', { name: 'Yes' }).check();
    await this.press('Continue');
  }

  // A relationship with a contractor the declarer engages or supervises.
  async answerContractor(contractor: Contractor) {
    await this.fill('Name of the contractor', contractor.name);
    await this.choose(contractor.relationship, true);
    await this.group('Do you engage or supervise this contractor in your job?')
      .getByRole('radio', { name: 'Yes' })
      .check();
    await this.fill('Tell us more', contractor.details);
    await this.press('Continue');
  }

  async makeDeclaration() {
    await this.press('Make declaration');
  }

  get hoursWarning(): Locator {
    return this.page.locator('#hours-warning');
  }

  get reviewer(): Locator {
    return this.page.locator('#reviewer');
  }

  get status(): Locator {
    return this.page.locator('#declaration-status');
  }

  // On a declaration's page, the outcome of its review.
  get review(): Locator {
    return this.page.locator('#review');
  }
}

// A line manager's review of a declaration.
export class ReviewPages extends ProbityPage {
  reviewLink(task: Locator, officer: string, reference: string): Locator {
    return task.getByRole('link', { name: new RegExp(`^${officer}\\W+review ${reference}$`) });
  }

  async recordReview() {
    await this.press('Record the review');
  }

  async manageConflict(action: string, reviewOn: DateParts) {
    await this.choose('Conflict managed');
    await this.fill('What is being done to manage it?', action);
    await this.fillDate(reviewOn, 'When will you review the arrangement?');
  }
}

// HR's annual declaration campaigns, and a person's annual declaration.
export class CampaignPages extends ProbityPage {
  async openCampaign(name: string, due: DateParts, service: string) {
    await this.fill('Name', name);
    await this.fillDate(due, 'When are declarations due?');
    await this.choose('People in chosen services');
    await this.page.getByRole('checkbox', { name: service }).check();
    await this.press('Open the campaign and email everyone');
  }

  get currentDeclarations(): Locator {
    return this.page.locator('#current-declarations');
  }

  get yourResponse(): Locator {
    return this.page.locator('#your-response');
  }

  get summary(): Locator {
    return this.page.locator('#campaign-summary');
  }

  async sendDeclaration() {
    await this.press('Send your declaration');
  }

  async signFieldOfficersDeclaration() {
    await this.group('Field officers’ declaration').getByRole('checkbox').check();
  }
}

// The related party transactions return, and the collated returns an auditor reads.
export class RelatedPartyReturnPages extends ProbityPage {
  async open() {
    await this.goto('/interests/related-party-return');
  }

  async openCollated() {
    await this.goto('/interests/related-party-returns');
  }

  async showYear(year: string) {
    await this.fill('Financial year', year);
    await this.press('Show returns');
  }
}
