import { expect, test } from '@playwright/test';
import { DeclarationPages } from './pages/interests.ts';
import { signIn } from './pages/sign-in.ts';
import { run } from './support.ts';

// Declaring an interest, end to end: the acceptance criterion "an officer declares
// secondary employment that breaches 48 hours and sees the warning".

test('an officer declares secondary employment past 48 hours a week and is warned before making it', async ({
  page,
}) => {
  const employer = `Kerr Legal Tutoring ${run}`;
  const declare = new DeclarationPages(page);
  await signIn(page, 'daniel.kerr@demo.probity.test');

  await declare.start();
  await declare.expectPage('What do you want to declare?');
  // Nothing chosen is an error, not a new declaration.
  await declare.press('Continue');
  await expect(declare.alert).toContainText('Select what you are declaring');
  await declare.checkAccessible();
  await declare.chooseKind('Secondary employment');

  await declare.expectPage('Secondary employment');
  const job = { employer, role: 'Evening tutor', hours: 'twelve', contracted: '37' };
  await declare.answerSecondaryEmployment(job);

  await expect(declare.alert).toContainText('There is a problem');
  await expect(declare.alert).toContainText(
    '“Hours a week in this job” must be a number of hours, like 16 or 7.5',
  );
  await expect(page).toHaveTitle(/^Error: /);
  await expect(declare.field('Employer or business name')).toHaveValue(employer);
  await declare.checkAccessible();
  await declare.fill('Hours a week in this job', '12');
  await declare.press('Continue');

  await expect(declare.heading).toHaveText('Check your answers before making your declaration');
  await expect(declare.hoursWarning).toContainText(
    /Your contracted and declared hours come to \d+ a week, more than the average of 48/,
  );
  await expect(declare.hoursWarning).toContainText('ask your manager for advice');
  await expect(declare.reviewer).toContainText('Your declaration goes to Rajesh Patel to review');
  await declare.checkAccessible();
  await declare.makeDeclaration();

  await expect(declare.heading).toHaveText(`Evening tutor, ${employer}, 12 hours a week`);
  await expect(declare.success).toContainText(/Declaration made\. Your reference is DOI-\d{4}-\d{4}/);
  const reference = (await declare.caption.innerText()).trim();
  expect(reference).toMatch(/^DOI-\d{4}-\d{4}$/);
  await expect(declare.success).toContainText(reference);
  await expect(declare.status).toHaveText('Awaiting review');
  await declare.checkAccessible();
});
