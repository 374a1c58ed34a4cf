import { expect, type Page } from '@playwright/test';
import { demoPassword } from '../support.ts';
import { ProbityPage } from './probity-page.ts';

export class SignInPage extends ProbityPage {
  async open() {
    await this.goto('/sign-in');
  }

  async submit(email: string, password: string) {
    await this.fill('Email address', email);
    await this.fill('Password', password, true);
    await this.press('Sign in');
  }

  // Signs in from the sign-in page (checked for accessibility unless the browser has no
  // JavaScript for axe to run in) and lands on the home page.
  async signIn(email: string, password = demoPassword, options = { checkAccessibility: true }) {
    await this.open();
    if (options.checkAccessibility) await this.checkAccessible();
    await this.submit(email, password);
    await expect(this.heading).toContainText('Welcome');
  }
}

export async function signIn(
  page: Page,
  email: string,
  password?: string,
  options?: { checkAccessibility: boolean },
) {
  await new SignInPage(page).signIn(email, password, options);
}
