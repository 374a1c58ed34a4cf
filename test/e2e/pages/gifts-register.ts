import type { Download, Locator } from '@playwright/test';
import { ProbityPage } from './probity-page.ts';

// The register, the approvals waiting for a head of service, their quarterly register reviews,
// and the register the public sees.
export class GiftsRegisterPages extends ProbityPage {
  async open() {
    await this.goto('/gifts');
  }

  async openPublic(council = 'demo') {
    await this.goto(`/public/${council}/gifts`);
  }

  // The approval task for an officer's offer, on the approvals page.
  approvalTask(officer: string, reference: string): Locator {
    return this.link(new RegExp(`^${officer}\\W+decide on ${reference}$`));
  }

  async decide(approve: string, comment: string) {
    await this.choose(approve);
    await this.fill('Comment', comment);
    await this.press('Send decision');
  }

  // A summary list row on an entry page, such as Approval.
  summaryRow(key: string): Locator {
    return this.page.locator('.govuk-summary-list__row').filter({ hasText: key });
  }

  // The review task for a service's register in a quarter, on the register reviews page.
  reviewTask(service: string, quarter: string): Locator {
    return this.row(quarter).filter({ hasText: service });
  }

  reviewLink(task: Locator, service: string, quarter: string): Locator {
    return task.getByRole('link', { name: new RegExp(`^${service}\\W+${escapeRegExp(quarter)}$`) });
  }

  // An entry in the register being reviewed.
  reviewEntry(reference: string): Locator {
    return this.page.locator('.govuk-summary-card').filter({ hasText: reference });
  }

  get signOff(): Locator {
    return this.page.locator('#sign-off');
  }

  signOffRow(key: string): Locator {
    return this.signOff.locator('.govuk-summary-list__row').filter({ hasText: key });
  }

  async downloadCsv(): Promise<Download> {
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.follow('Download these entries as CSV'),
    ]);
    return download;
  }
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
