import { expect, type Locator } from '@playwright/test';
import { type DateParts, ProbityPage } from './probity-page.ts';

export type Offer = {
  kind: 'A gift' | 'Hospitality, such as a meal, an event or travel';
  person: string;
  organisation: string;
  relationship: string;
  nature: string;
  description: string;
  value: string;
  offeredOn: DateParts;
  eventOn?: DateParts;
  decision: 'I accepted it, or I would like to' | 'I declined it';
  reason: string;
  outcome?: string;
};

// Recording an offer, one question a page, from the register to the entry it makes.
export class GiftOfferPages extends ProbityPage {
  async fillDetails(offer: Offer, date: DateParts, value: string) {
    await this.choose(offer.nature, true);
    await this.fill('Describe it', offer.description);
    await this.fill('Estimated value', value);
    await this.fillDate(date, 'When were you offered it?');
    if (offer.eventOn) await this.fillDate(offer.eventOn, 'Date of the event');
  }

  // From the register to the check-your-answers page, answering each question page in turn.
  // `details` lets a journey try the details page with bad answers before answering it properly.
  async answerQuestions(offer: Offer, details: () => Promise<void> = async () => {}) {
    await this.goto('/gifts');
    await this.checkAccessible();
    await this.press('Record an offer');
    await this.expectPage('Record a gift or hospitality offer');
    await this.press('Start now');

    await this.expectPage('Were you offered a gift or hospitality?');
    await this.choose(offer.kind);
    await this.press('Continue');

    await this.expectPage('Who made the offer?');
    await this.fill('Name of the person', offer.person);
    await this.fill('Name of the company or organisation', offer.organisation);
    await this.group('What is their relationship with the council?')
      .getByRole('radio', { name: offer.relationship })
      .check();
    await this.press('Continue');

    await this.expectPage('What were you offered?');
    await details();
    await this.fillDetails(offer, offer.offeredOn, offer.value);
    await this.press('Continue');

    await this.expectPage('Did you accept or decline it?');
    await this.choose(offer.decision);
    await this.fill('Why?', offer.reason);
    if (offer.outcome) await this.fill('What happened to it (optional)', offer.outcome);
    await this.press('Continue');

    await this.expectPage('Check your answers before recording the offer');
  }

  // On the check-your-answers page.
  get verdict(): Locator {
    return this.page.locator('#verdict');
  }

  get mustDeclineReasons(): Locator {
    return this.page.locator('#must-decline-reasons');
  }

  get refusalWording(): Locator {
    return this.page.locator('#refusal-wording');
  }

  // On the entry page.
  get state(): Locator {
    return this.page.locator('#offer-state');
  }

  // The entry page's reference, GH-YYYY-NNNN for the year the offer was made.
  async referenceOf(year: string): Promise<string> {
    const reference = (await this.caption.innerText()).trim();
    expect(reference).toMatch(new RegExp(`^GH-${year}-\\d{4}$`));
    return reference;
  }

  // Records an offer with good answers, as the entry page then shows it.
  async record(offer: Offer, state: string, year: string): Promise<string> {
    await this.answerQuestions(offer);
    await this.press('Record the offer');
    await expect(this.state).toHaveText(state);
    return this.referenceOf(year);
  }
}
