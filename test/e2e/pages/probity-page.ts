import { expect, type Locator, type Page } from '@playwright/test';
import { expectAccessible } from '../support.ts';

export type DateParts = { day: string; month: string; year: string };

// What every Probity page has: a main heading, GOV.UK's error summary and banners, the header's
// menu and sign-out button; and the few steps every form takes. Each family of pages extends it
// with its own fields and steps, so a spec says what the person does and what they should see.
export class ProbityPage {
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  get heading(): Locator {
    return this.page.getByRole('heading', { level: 1 });
  }

  // The error summary, or any other alert on the page.
  get alert(): Locator {
    return this.page.getByRole('alert');
  }

  get errorSummary(): Locator {
    return this.page.locator('.govuk-error-summary');
  }

  get success(): Locator {
    return this.page.getByRole('alert', { name: 'Success' });
  }

  get banner(): Locator {
    return this.page.locator('.govuk-notification-banner');
  }

  get successBanner(): Locator {
    return this.page.locator('.govuk-notification-banner--success');
  }

  get caption(): Locator {
    return this.page.locator('.govuk-caption-l');
  }

  get summaryList(): Locator {
    return this.page.locator('.govuk-summary-list');
  }

  button(name: string | RegExp): Locator {
    return this.page.getByRole('button', { name });
  }

  link(name: string | RegExp, exact?: boolean): Locator {
    return this.page.getByRole('link', { name, exact });
  }

  radio(name: string | RegExp, exact?: boolean): Locator {
    return this.page.getByRole('radio', { name, exact });
  }

  field(label: string | RegExp, exact?: boolean): Locator {
    return this.page.getByLabel(label, { exact });
  }

  group(name: string | RegExp): Locator {
    return this.page.getByRole('group', { name });
  }

  // A table row that mentions the text.
  row(text: string | RegExp): Locator {
    return this.page.getByRole('row').filter({ hasText: text });
  }

  menuLink(name: string): Locator {
    return this.page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name, exact: true });
  }

  async navigationLinks(): Promise<string[]> {
    return this.page
      .locator('.govuk-service-navigation__list a.govuk-service-navigation__link')
      .allInnerTexts();
  }

  async goto(path: string) {
    return this.page.goto(path);
  }

  async press(name: string | RegExp) {
    await this.button(name).click();
  }

  async follow(name: string | RegExp, exact?: boolean) {
    await this.link(name, exact).click();
  }

  async choose(name: string | RegExp, exact?: boolean) {
    await this.radio(name, exact).check();
  }

  async fill(label: string | RegExp, value: string, exact?: boolean) {
    await this.field(label, exact).fill(value);
  }

  // GOV.UK's date input: Day, Month and Year, inside the named group or, if none, on the page.
  async fillDate(date: DateParts, group?: string | RegExp) {
    const within = group ? this.group(group) : this.page;
    await within.getByLabel('Day', { exact: true }).fill(date.day);
    await within.getByLabel('Month', { exact: true }).fill(date.month);
    await within.getByLabel('Year', { exact: true }).fill(date.year);
  }

  // Every page a journey visits is checked against WCAG 2.2 AA.
  async checkAccessible() {
    await expectAccessible(this.page);
  }

  // The page is the one with this heading, and it is accessible.
  async expectPage(heading: string | RegExp) {
    await expect(this.heading).toHaveText(heading);
    await this.checkAccessible();
  }

  // A chart (macros/chart.njk): the drawing, one image named by its title, the words on its bars,
  // and the cells of the table beside it, row by row.
  chart(id: string) {
    const figure = this.page.locator(`figure#${id}`);
    return {
      caption: figure.locator('figcaption'),
      drawing: figure.getByRole('img'),
      values: () => figure.locator('svg text.app-chart__value').allTextContents(),
      rows: async () => {
        const rows = await figure.locator('tbody tr').all();
        return Promise.all(
          rows.map(async (row) => (await row.locator('th, td').allTextContents()).map((cell) => cell.trim())),
        );
      },
    };
  }

  async signOut() {
    await this.button(/Sign out/).click();
    await expect(this.page.getByRole('heading', { name: 'Sign in to Probity' })).toBeVisible();
  }
}
