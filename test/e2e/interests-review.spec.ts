import { expect, test } from '@playwright/test';
import { DeclarationPages, ReviewPages } from './pages/interests.ts';
import { signIn } from './pages/sign-in.ts';
import { demoPerson, run } from './support.ts';

// The line manager's review of a declaration, end to end: the acceptance criterion
// "manager records a managed conflict", and the officer then sees the outcome. Ellie Watson and
// her manager Nia Evans are in no other journey; the contractor's name is unique to the run.

test('a line manager records a managed conflict, and the officer sees what is being done', async ({
  page,
}) => {
  const officer = demoPerson('Ellie Watson');
  const manager = demoPerson('Nia Evans');
  expect(manager.key).toBe(officer.manager);
  const contractor = `Watson Lettings ${run} Ltd`;
  const action = `Ellie takes no part in allocating repairs to ${contractor}`;
  const reviewYear = String(new Date().getFullYear() + 1);
  const declare = new DeclarationPages(page);
  const review = new ReviewPages(page);

  await signIn(page, officer.email);
  await declare.menuLink('Interests').click();
  await declare.expectPage('Register of interests');
  await declare.press('Declare an interest');
  await declare.chooseKind('Relationship with a contractor');
  await declare.answerContractor({
    name: contractor,
    relationship: 'Business',
    details: 'My brother owns it and it repairs council homes',
  });
  await declare.makeDeclaration();
  const reference = (await declare.caption.innerText()).trim();
  expect(reference).toMatch(/^DOI-\d{4}-\d{4}$/);
  await declare.signOut();

  await signIn(page, manager.email);
  await review.menuLink('Interests').click();
  await review.checkAccessible();
  await review.follow(/^Declarations to review \(\d+\)$/);
  await review.expectPage('Declarations to review');
  const task = review.row(contractor);
  await expect(task).toContainText('Relationship with a contractor');
  await review.reviewLink(task, officer.name, reference).click();

  await expect(review.heading).toHaveText(`Review ${officer.name}’s declaration`);
  await expect(review.summaryList).toContainText([contractor]);
  await expect(page.getByText(`Contractor: ${contractor}`)).toBeVisible();
  await review.checkAccessible();
  // No decision is an error that saves nothing.
  await review.recordReview();
  await expect(review.alert).toContainText('Select the outcome of your review');
  await expect(page).toHaveTitle(/^Error: /);
  await review.checkAccessible();

  await review.manageConflict(action, { day: '1', month: '6', year: reviewYear });
  await review.checkAccessible();
  await review.recordReview();

  await expect(review.heading).toHaveText('Declarations to review');
  await expect(review.success).toContainText(
    `Review recorded for ${officer.name}’s declaration ${reference}`,
  );
  await expect(review.row(contractor)).toHaveCount(0);
  await review.checkAccessible();
  await review.signOut();

  await signIn(page, officer.email, undefined, { checkAccessibility: false });
  await declare.menuLink('Interests').click();
  const entry = declare.row(reference);
  await expect(entry.locator('.govuk-tag')).toHaveText('Conflict managed');
  await declare.checkAccessible();
  await entry.getByRole('link', { name: reference }).click();
  await expect(declare.review).toContainText('Conflict managed');
  await expect(declare.review).toContainText(action);
  await expect(declare.review).toContainText(`1 June ${reviewYear}`);
  await declare.checkAccessible();
});
