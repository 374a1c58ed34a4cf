import { expect, test } from '@playwright/test';
import { pdfWords } from '../support/pdf-text.ts';
import { daysFromToday, londonToday } from './london-dates.ts';
import { ConductPages } from './pages/conduct.ts';
import { signIn } from './pages/sign-in.ts';
import { demoPerson, run } from './support.ts';

// A complaint about a councillor (DOMAIN.md §7; 003 standards minutes 18 and 21): the monitoring
// officer puts the councillor and an independent person on the roster; a member of the public
// complains on the public form without an account; the monitoring officer assesses it, records
// the independent person's view, decides to investigate, records the report and the hearing
// panel's decision with a sanction, and the councillor's compliance. The complainant's letter
// about the hearing is a PDF that says what the panel decided.
test('a councillor complaint goes from the public form to a hearing with a sanction', async ({ page }) => {
  test.slow(); // a dozen pages, each checked with axe
  const mo = demoPerson('Rajesh Patel');
  const conduct = new ConductPages(page);
  const councillor = `Cllr Rowan Tree ${run}`;
  const person = `Iris Independent ${run}`;
  const complainant = `Paula Public ${run}`;

  await signIn(page, mo.email);
  await conduct.addCouncillor({
    name: councillor,
    ward: 'Abbey',
    party: 'Green',
    email: `rowan.${run}@example.test`,
  });
  await conduct.addIndependentPerson({ name: person, email: `iris.${run}@example.test` });
  await conduct.signOut();

  const reference = await conduct.complain({
    councillor: `${councillor} (Abbey, Green)`,
    what: `Swore at residents at the planning committee (${run}).`,
    name: complainant,
    email: `paula.${run}@example.test`,
  });
  expect(reference).toMatch(/^CC-\d{4}-\d{4}$/);

  await signIn(page, mo.email);
  await conduct.open(reference);
  await expect(conduct.state).toHaveText('To assess');
  await conduct.assess('Disrespect', 'At a council meeting, acting as a councillor.');
  await expect(conduct.state).toHaveText(/Valid/);
  await conduct.checkAccessible();

  await conduct.recordView(person, 'The conduct may breach the code: investigate.');
  await conduct.decideToInvestigate(/Lucy Adeyemi/, 'Serious enough to investigate.');
  await expect(conduct.state).toHaveText('Being investigated');
  await conduct.checkAccessible();

  await conduct.report('The councillor swore at residents.');
  await expect(conduct.state).toHaveText('Investigation reported');
  await conduct.checkAccessible();

  await conduct.hearing({
    members: 'Cllr Barton, Cllr Shelton, Cllr Moore',
    person,
    reasons: `Failed to treat residents with respect (${run}).`,
    sanction: 'An apology',
    // Held today, as the complaint was received today; a month to comply.
    heldOn: londonToday().parts,
    complyBy: daysFromToday(30).parts,
  });
  await expect(conduct.state).toHaveText('Sanctions: compliance due');
  await conduct.checkAccessible();

  await conduct.choose('Complied', true);
  await conduct.press('Record compliance');
  await expect(conduct.state).toHaveText('Closed');
  await conduct.checkAccessible();

  const letter = conduct.link(`Hearing panel decision to ${complainant} (PDF)`);
  const pdf = await page.request.get((await letter.getAttribute('href')) ?? '');
  expect(pdf.headers()['content-type']).toBe('application/pdf');
  const words = pdfWords(await pdf.body());
  expect(words).toContain(reference);
  expect(words).toContain(`Failed to treat residents with respect (${run}).`);
  expect(words).toContain('An apology');
});
