import { expect, type Locator } from '@playwright/test';
import { ProbityPage } from './probity-page.ts';

// Route planning: the team leader's form for a day, the day as routes with times and map links,
// its changes by hand, and making the plans.
export class PlanningPages extends ProbityPage {
  async openFromMenu() {
    await this.menuLink('Plan the team’s day').click();
    await this.expectPage('Plan the team’s day');
  }

  // The day the form offers (the next working day), for the officers named.
  async planDay(plan: {
    officers: string[];
    office: { address: string; postcode: string };
    responsible: string;
  }) {
    for (const officer of plan.officers) await this.group('Officers going out').getByLabel(officer).check();
    await this.fill('Office address', plan.office.address);
    await this.fill('Office postcode', plan.office.postcode);
    await this.field('Responsible officer').selectOption({ label: plan.responsible });
    await this.press('Plan the day');
    await this.expectPage(/^The team’s day, /);
  }

  route(officer: string): Locator {
    return this.page.getByRole('table', { name: `${officer}’s route in order` });
  }

  async makePlans(advice: string) {
    await this.fill('Your advice for the visits to flagged addresses', advice);
    await this.press('Make the plans and share them');
    await expect(this.successBanner).toContainText('Plans made and shared');
    await this.checkAccessible();
  }
}
