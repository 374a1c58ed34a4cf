import { expect, test } from '@playwright/test';
import { LetterPages } from './pages/complaint-letters.ts';
import { CustomerPages } from './pages/customers.ts';
import { signIn } from './pages/sign-in.ts';
import { demoPerson, run } from './support.ts';

// Unreasonable behaviour end to end: the complaints manager records a customer's
// contacts, warns them, marks them pre-vexatious and then vexatious with a no-phone restriction,
// each step starting from the evidence of the one before and the contacts since it;
// a Customer Services adviser logging that customer's call then sees the warning and the named
// contact before going on. The customer's name is unique to the run.

const customerName = `Vernon Vexley ${run}`;

test('the complaints manager restricts a vexatious customer, and an adviser sees it before taking their call', async ({
  page,
}) => {
  test.slow(); // eighteen pages, each checked with axe
  const manager = demoPerson('Lucy Adeyemi');
  const adviser = demoPerson('Chloe Roberts');
  const customers = new CustomerPages(page);
  const letters = new LetterPages(page);

  await signIn(page, manager.email);
  await customers.menuLink('Customers').click();
  await customers.expectPage('Customers');
  await customers.follow('Add a customer');
  await customers.checkAccessible();
  await customers.press('Add customer');
  await expect(customers.errorSummary).toContainText('Enter the customer’s name');
  await customers.checkAccessible();
  await customers.addCustomer(customerName, `vernon.${run}@example.com`);
  await customers.expectPage(customerName);

  await customers.logContact('Shouted at the adviser about the parking fine', '20');
  await customers.logContact('Called again about the same fine, abusive', '35');
  await expect(customers.timeline).toContainText('2 contacts, 55 minutes of officer time');
  await customers.checkAccessible();

  await customers.decide('Send a warning', 'Send a warning');
  await customers.press('Send a warning');
  // Each decision's letter is read as it will go, then sent, before going back to the customer.
  await letters.sendWritten(/^Your contact with .+/);
  await letters.follow(`Back to ${customerName}`);
  await expect(customers.contactWarning).toContainText('Warned about their behaviour');

  // The final warning starts from the warning: its evidence and Equality Act check are there to
  // edit, and with nothing logged since the warning the manager is warned, not stopped.
  await customers.openStep('Mark as pre-vexatious (final warning)', 'Mark as pre-vexatious');
  const evidence = customers.field('Evidence gathered');
  await expect(evidence).toHaveValue('The calls on the timeline, with the officer time they took.');
  await expect(customers.field('Equality Act check')).toHaveValue(
    'No disability or other need known; asked, none given.',
  );
  await expect(page.getByText('Carried forward from the warning on')).toHaveCount(2);
  await expect(customers.noNewContact).toContainText('No new contact has been recorded since the warning on');
  await customers.follow('Log a contact');
  await customers.fillContact('Phoned again after the warning letter, abusive', '15');
  await expect(customers.successBanner).toContainText('Contact logged');
  await customers.openStep('Mark as pre-vexatious (final warning)', 'Mark as pre-vexatious');
  await expect(customers.noNewContact).toHaveCount(0);
  await expect(customers.contactsSince).toContainText('1 contact since then, 15 minutes of officer time');
  await expect(customers.contactsSince).toContainText('Phoned again after the warning letter');
  await expect(customers.contactsSince).not.toContainText('Shouted at the adviser');
  await customers.describeBehaviour();
  await evidence.press('End');
  await evidence.pressSequentially(' One more abusive call after the warning.');
  await customers
    .field('Single point of contact')
    .selectOption({ label: `${manager.name}, ${manager.jobTitle}` });
  await customers.press('Mark as pre-vexatious');
  await letters.sendWritten(/: final warning$/);
  await letters.follow(`Back to ${customerName}`);

  // Straight on to vexatious: the final warning's edited evidence is carried forward, and the
  // warning that nothing new has been logged since does not stop the complaints manager.
  await customers.openStep('Mark as vexatious', 'Mark as vexatious');
  await expect(customers.field('Evidence gathered')).toHaveValue(
    'The calls on the timeline, with the officer time they took. One more abusive call after the warning.',
  );
  await expect(customers.noNewContact).toContainText(
    'No new contact has been recorded since the final warning on',
  );
  await customers.describeBehaviour();
  await page.getByRole('checkbox', { name: 'No phone calls' }).check();
  await customers.checkAccessible();
  await customers.press('Mark as vexatious');
  await letters.sendWritten(/: restrictions$/);
  await letters.follow(`Back to ${customerName}`);
  await expect(customers.contactWarning).toContainText(
    'Do not accept phone calls from this person or from anyone calling for them.',
  );
  await expect(page.getByRole('heading', { name: 'Letters' })).toBeVisible();
  await expect(customers.link(/Your contact with .*: restrictions/)).toBeVisible();
  await customers.checkAccessible();
  // The pages the manager uses next: more restrictions, the review, the reviews due.
  await customers.follow('Restrict their contact');
  await customers.expectPage('Restrict their contact');
  await customers.follow(/^Back to /);
  await customers.follow('Review their category and restrictions');
  await expect(customers.group('Your decision')).toBeVisible();
  await customers.checkAccessible();
  await customers.goto('/customers/reviews');
  await customers.expectPage('Customer reviews due');
  await customers.signOut();

  // The point of contact (003 vexatious procedure §5.2, §6): before the adviser fills anything in.
  await signIn(page, adviser.email);
  // Customers is not in an adviser's menu (it is the complaints team's and heads of service's);
  // the page is still theirs to find a caller on.
  await customers.goto('/customers');
  await customers.search(customerName);
  await customers.checkAccessible();
  await customers
    .row(customerName)
    .getByRole('link', { name: /Log a contact/ })
    .click();
  const warning = customers.contactWarning;
  await expect(warning).toContainText(`Before you go on: contact with ${customerName} is managed`);
  await expect(warning).toContainText(
    'Do not accept phone calls from this person or from anyone calling for them.',
  );
  await expect(warning).toContainText(`Single point of contact: ${manager.name}.`);
  const warningBox = await warning.boundingBox();
  const firstQuestion = await customers.group('How did they make contact?').boundingBox();
  expect(warningBox && firstQuestion && warningBox.y < firstQuestion.y).toBe(true);
  await customers.checkAccessible();
  await customers.fillContact(
    'Called; told them we cannot take their calls and to contact Lucy Adeyemi',
    '3',
  );
  await expect(page.getByRole('heading', { name: 'Contacts you logged' })).toBeVisible();
  await expect(page.getByText('Shouted at the adviser')).toHaveCount(0);
  await customers.checkAccessible();
});
