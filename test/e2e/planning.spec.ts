import { expect, test } from '@playwright/test';
import { PlanningPages } from './pages/planning.ts';
import { signIn } from './pages/sign-in.ts';
import { VisitPages } from './pages/visits.ts';
import { demoPerson } from './support.ts';

// A team leader plans the next working day for three enforcement agents from their allocated
// cases [004 "plan daily workload to ensure the most efficient route"]: the day comes back as a
// route per agent with times, travel and a map link per visit, the flagged address visited by two
// of them together; a change by hand is checked again; the plans are made and shared in one step,
// and one agent's plan shows the check-ins it owes. The demo council's agents have today's plans
// already, so the day planned is the next working day.

const agents = ['Imran Siddiqui', 'Owen Rees', 'Bethany Cole'];

test('a team leader plans a day for three agents, and their plans owe check-ins', async ({ page }) => {
  await signIn(page, demoPerson('Dean Walsh').email);
  const planning = new PlanningPages(page);
  await planning.openFromMenu();

  await planning.press('Plan the day');
  await expect(planning.errorSummary).toContainText('Choose at least one officer');
  await planning.checkAccessible();

  await planning.planDay({
    officers: agents,
    office: { address: 'Demoton Town Hall, 2 Market Place, Demoton', postcode: 'DM1 1AD' },
    responsible: 'Grace Okafor',
  });
  await expect(page.getByText('Every visit keeps the rules for field visits')).toBeVisible();
  for (const agent of agents) await expect(planning.route(agent)).toBeVisible();
  const flagged = page.getByRole('row').filter({ hasText: '14 Ashdown Court' });
  await expect(flagged).toHaveCount(2);
  await expect(flagged.first()).toContainText('Flagged address');
  await expect(
    planning
      .route(agents[0] as string)
      .getByRole('link', { name: /^Map of / })
      .first(),
  ).toHaveAttribute('href', /openstreetmap\.org\/\?mlat=/);

  // A visit taken out by hand: the day is timed and checked again, and lists it as not planned.
  const options = await planning.field('Visit', true).locator('option').allInnerTexts();
  const chosen = options.find((text) => text.startsWith('Bethany Cole, stop') && !text.includes('Ashdown'));
  await planning.field('Visit', true).selectOption({ label: chosen as string });
  await planning.field('Moves to').selectOption({ label: 'Not planned' });
  await planning.press('Move the visit and check the day');
  await expect(planning.successBanner).toContainText('Day changed and checked again');
  await expect(page.getByText('Every visit keeps the rules for field visits')).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: 'Taken out of the plan by hand' })).toHaveCount(
    1,
  );
  await planning.checkAccessible();

  await planning.makePlans('Go together and stay on the doorstep; leave if the caution applies.');
  const link = planning.link(`${agents[0]}’s plan and check-ins`);
  await link.click();
  const plan = new VisitPages(page);
  await plan.expectPage(/^Visits on /);
  await expect(page.getByRole('heading', { name: 'Check-ins' })).toBeVisible();
  const owed = page.getByRole('table', { name: /^Check-ins owed on / }).getByRole('row');
  await expect(owed.last()).toContainText('Home');
  expect(await owed.count()).toBeGreaterThan(2);
  await expect(plan.summaryList).toContainText('Grace Okafor');
});
