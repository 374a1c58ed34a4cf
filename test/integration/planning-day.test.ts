import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoApi, expectProblem, outsiderToken, type Problem } from '../support/api.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { demoClients, demoPersonId } from '../support/clients.ts';
import { databaseKinds } from '../support/databases.ts';
import { rowCount } from '../support/rows.ts';

// Planning a team's day [004 "plan daily workload to ensure the most efficient route"; DOMAIN.md
// §5 Planning]: Dean Walsh, the demo council's compliance team leader, plans Tuesday for three
// enforcement agents from their allocated cases, changes it by hand, and makes it into their
// shared plans with check-ins. The demo district, caseload and Monday are seeded as `serve --demo`
// seeds them.

const tuesday = '2026-11-24';
type Day = {
  id: string;
  version: number;
  routes: {
    officerId: string;
    officerName: string;
    leave: string;
    back: string;
    planId: string | null;
    visits: {
      caseId: string;
      address: string;
      start: string;
      finish: string;
      withOfficerId: string | null;
    }[];
  }[];
  unplanned: { caseId: string; reason: string }[];
  problems: { message: string }[];
  made: boolean;
};

describe.each(databaseKinds)('planning a team’s day on %s', (kind) => {
  let t: TestApp;
  let agents: string[];
  let grace: string;
  let day: Day;
  let other: Day;
  const call = demoApi(() => t);
  const browser = demoClients(() => t);
  const body = (fields: Record<string, unknown> = {}) => ({
    planDate: tuesday,
    officerIds: agents,
    from: '09:00',
    until: '17:00',
    minutes: 20,
    officeAddress: 'Demoton Town Hall, 2 Market Place, Demoton',
    officePostcode: 'DM1 1AD',
    responsibleOfficerId: grace,
    ...fields,
  });
  const visitsOf = (d: Day) =>
    d.routes.flatMap((route) => route.visits.map((visit) => ({ ...visit, officerId: route.officerId })));

  beforeAll(async () => {
    t = await startTestApp(kind);
    await t.seedDemo();
    agents = await Promise.all(
      ['imran.siddiqui', 'owen.rees', 'bethany.cole'].map((name) => demoPersonId(t, name)),
    );
    grace = await demoPersonId(t, 'grace.okafor');
  });
  afterAll(() => t?.close());

  it('plans the agents’ cases within every rule, two officers at the flagged address', async () => {
    const response = await call('dean.walsh', 'POST', '/api/v1/planning/days', body());
    expect(response.statusCode).toBe(201);
    day = response.json() as Day;
    expect(day.problems).toEqual([]);
    const planned = visitsOf(day);
    expect(planned.length).toBeGreaterThan(15);
    const flagged = planned.filter((visit) => visit.address.startsWith('14 Ashdown Court'));
    expect(flagged).toHaveLength(2);
    expect(flagged[0]?.start).toBe(flagged[1]?.start);
    expect(flagged[0]?.withOfficerId).toBe(flagged[1]?.officerId);
    // November daylight: every visit ends by sunset, about 16:00 in Demoton.
    for (const visit of planned) expect(visit.finish <= '16:00').toBe(true);
    for (const route of day.routes) expect(route.leave >= '09:00' && route.back <= '17:00').toBe(true);
  });

  it('starts an officer from home, within their own hours', async () => {
    const imran = agents[0] as string;
    const own = {
      officerId: imran,
      startAddress: '3 Church Lane, Demoton',
      startPostcode: 'DM1 2BA',
      from: '10:00',
      until: '14:00',
    };
    const response = await call('dean.walsh', 'POST', '/api/v1/planning/days', body({ own: [own] }));
    expect(response.statusCode).toBe(201);
    const planned = response.json() as Day;
    other = planned;
    expect(planned.problems).toEqual([]);
    const route = planned.routes.find((r) => r.officerId === imran);
    expect(route?.visits.length).toBeGreaterThan(0);
    expect(route && route.leave >= '10:00' && route.back <= '14:00').toBe(true);
    const page = await (await browser('dean.walsh')).get(`/planning/days/${planned.id}`);
    expect(page.body).toContain('Leaves 3 Church Lane, Demoton, DM1 2BA at');
    const refused = await call(
      'dean.walsh',
      'POST',
      '/api/v1/planning/days',
      body({ own: [{ ...own, startAddress: '99 Nowhere Road', from: '25:00' }] }),
    );
    expectProblem(refused, 400);
    const keys = ((refused.json() as Problem).errors ?? []).map((error) => error.key);
    expect(keys).toContain(`from-${imran}`);
    const nowhere = await call(
      'dean.walsh',
      'POST',
      '/api/v1/planning/days',
      body({ own: [{ ...own, startAddress: '99 Nowhere Road' }] }),
    );
    expectProblem(nowhere, 400);
    const error = (nowhere.json() as Problem).errors?.find((e) => e.key === `startAddress-${imran}`);
    expect(error?.message).toContain('No address');
  });

  it('refuses what cannot be planned, changing nothing', async () => {
    const before = await rowCount(t.db, 'route_proposal');
    const cases = [
      [{ officerIds: [] }, 'officerIds', 'Choose at least one officer'],
      [{ from: '17:00', until: '09:00' }, 'until', 'The working day must end after it starts'],
      [{ officeAddress: '1 Nowhere Lane', officePostcode: 'ZZ9 9ZZ' }, 'officeAddress', 'No address'],
      [{ officerIds: [await demoPersonId(t, 'kelly.morgan')] }, 'officerIds', 'already has a plan'],
      [{ responsibleOfficerId: agents[0] }, 'responsibleOfficerId', 'someone other than the officers'],
      [{ planDate: '2026-02-30' }, 'planDate', 'must be a real date'],
      [{ planDate: '2026-13-01' }, 'planDate', 'must be a real date'],
    ] as const;
    for (const [fields, key, message] of cases) {
      const response = await call('dean.walsh', 'POST', '/api/v1/planning/days', body(fields));
      expectProblem(response, 400);
      const problem = response.json() as Problem;
      expect(problem.errors?.find((error) => error.key === key)?.message).toContain(message);
    }
    expect(await rowCount(t.db, 'route_proposal')).toBe(before);
  });

  it('checks a change by hand again, and refuses to make plans that break a rule', async () => {
    // A morning too short for every case: what is left over has no room in any route.
    const short = (
      await call('dean.walsh', 'POST', '/api/v1/planning/days', body({ until: '11:00' }))
    ).json() as Day;
    const left = short.unplanned.find((entry) => entry.reason.startsWith('No officer can fit it'));
    const [first, second] = short.routes;
    expect(left).toBeDefined();
    const moved = await call('dean.walsh', 'POST', `/api/v1/planning/days/${short.id}/moves`, {
      version: short.version,
      visit: left?.caseId,
      from: 'unplanned',
      to: first?.officerId,
      position: 1,
    });
    expect(moved.statusCode).toBe(200);
    const changed = moved.json() as Day;
    expect(changed.version).toBe(short.version + 1);
    expect(changed.routes[0]?.visits[0]?.caseId).toBe(left?.caseId);
    expect(changed.problems.length).toBeGreaterThan(0);
    const refused = await call('dean.walsh', 'POST', `/api/v1/planning/days/${short.id}/plans`, {
      version: changed.version,
      advice: 'Go together; stay on the doorstep',
    });
    expectProblem(refused, 400);
    expect((refused.json() as Problem).errors?.[0]?.message).toContain('Put right what the checks found');
    // A change made from a stale page is refused; one from the current page is taken.
    const stale = await call('dean.walsh', 'POST', `/api/v1/planning/days/${short.id}/moves`, {
      version: short.version,
      visit: left?.caseId,
      from: first?.officerId,
      to: 'unplanned',
      position: 1,
    });
    expectProblem(stale, 400);
    expect((stale.json() as Problem).errors?.[0]?.message).toContain('Someone changed this day');
    const back = await call('dean.walsh', 'POST', `/api/v1/planning/days/${short.id}/moves`, {
      version: changed.version,
      visit: left?.caseId,
      from: first?.officerId,
      to: 'unplanned',
      position: 1,
    });
    const after = back.json() as Day;
    expect(after.problems).toEqual([]);
    expect(after.unplanned.find((entry) => entry.caseId === left?.caseId)?.reason).toBe(
      'Taken out of the plan by hand',
    );
    const already = second?.visits[0];
    const twice = await call('dean.walsh', 'POST', `/api/v1/planning/days/${short.id}/moves`, {
      version: after.version,
      visit: already?.caseId,
      from: 'unplanned',
      to: first?.officerId,
      position: 1,
    });
    expectProblem(twice, 400);
    expect((twice.json() as Problem).errors?.[0]?.message).toBe('That visit is not unplanned');
  });

  it('is not for another council, nor for a team leader of someone else', async () => {
    const outsider = await outsiderToken(t, `planning-${kind}`);
    const response = await t.client().api('GET', `/api/v1/planning/days/${day.id}`, undefined, outsider);
    expect([403, 404]).toContain(response.statusCode);
    const officer = await call('imran.siddiqui', 'GET', `/api/v1/planning/days/${day.id}`);
    expectProblem(officer, 404);
  });

  it('makes the shared plans with their check-ins in one step, once', async () => {
    const make = () =>
      call('dean.walsh', 'POST', `/api/v1/planning/days/${day.id}/plans`, {
        version: day.version,
        advice: 'Go together; stay on the doorstep',
      });
    const refused = await call('dean.walsh', 'POST', `/api/v1/planning/days/${day.id}/plans`, {
      version: day.version,
    });
    expectProblem(refused, 400);
    expect((refused.json() as Problem).errors?.[0]?.message).toContain('Enter your advice');
    const [one, two] = await Promise.all([make(), make()]);
    const statuses = [one.statusCode, two.statusCode].sort();
    expect(statuses).toEqual([200, 400]);
    const made = (one.statusCode === 200 ? one : two).json() as Day;
    expect(made.made).toBe(true);
    const withVisits = made.routes.filter((route) => route.visits.length);
    expect(withVisits.every((route) => route.planId)).toBe(true);
    const plans = await t.db
      .selectFrom('visit_plan')
      .select(['id', 'shared_at', 'officer_id'])
      .where('council_id', '=', t.councilId)
      .where('plan_date', '=', tuesday)
      .where('officer_id', 'in', agents)
      .execute();
    expect(plans).toHaveLength(withVisits.length);
    expect(plans.every((plan) => plan.shared_at)).toBe(true);
    const first = withVisits[0];
    const owed = await t.db
      .selectFrom('check_in_due')
      .select('id')
      .where('council_id', '=', t.councilId)
      .where('plan_id', '=', first?.planId ?? '')
      .execute();
    expect(owed).toHaveLength((first?.visits.length ?? 0) + 1);
    // Each case visited alone is now allocated to the agent the day sends.
    const agentOf = new Map(
      (
        await t.db
          .selectFrom('enforcement_case')
          .select(['id', 'agent_id'])
          .where('council_id', '=', t.councilId)
          .execute()
      ).map((row) => [row.id, row.agent_id]),
    );
    for (const visit of visitsOf(made).filter((v) => !v.withOfficerId))
      expect(agentOf.get(visit.caseId)).toBe(visit.officerId);
  });

  it('will not make a second day’s plans for officers who have plans that day', async () => {
    const response = await call('dean.walsh', 'POST', `/api/v1/planning/days/${other.id}/plans`, {
      version: other.version,
      advice: 'Go together',
    });
    expectProblem(response, 400);
    expect((response.json() as Problem).errors?.[0]?.message).toContain('already have plans that day');
  });

  it('drops a case found vulnerable from the plans made, and will not make another day with it', async () => {
    const visit = visitsOf(other).find((v) => !v.withOfficerId);
    const agent = await t.db
      .selectFrom('enforcement_case')
      .innerJoin('person', (join) => join.onRef('person.id', '=', 'enforcement_case.agent_id'))
      .select('person.email')
      .where('enforcement_case.council_id', '=', t.councilId)
      .where('enforcement_case.id', '=', visit?.caseId ?? '')
      .executeTakeFirstOrThrow();
    const recorded = await call(
      agent.email.split('@')[0] as string,
      'POST',
      `/api/v1/enforcement/cases/${visit?.caseId}/outcomes`,
      {
        kind: 'no-contact',
        visitedOn: '2026-11-23',
        vulnerability: 'A neighbour says the occupier is in hospital and confused',
      },
    );
    expect(recorded.statusCode).toBe(201);
    const response = await call('dean.walsh', 'POST', `/api/v1/planning/days/${other.id}/plans`, {
      version: other.version,
      advice: 'Go together',
    });
    expectProblem(response, 400);
    expect((response.json() as Problem).errors?.[0]?.message).toContain(
      'can no longer be visited from this day',
    );
    const dropped = await t.db
      .selectFrom('planned_visit')
      .select(['dropped_at'])
      .where('council_id', '=', t.councilId)
      .where(
        'account_ref',
        '=',
        (
          await t.db
            .selectFrom('enforcement_case')
            .select('account_ref')
            .where('id', '=', visit?.caseId ?? '')
            .executeTakeFirstOrThrow()
        ).account_ref,
      )
      .execute();
    expect(dropped.length).toBeGreaterThan(0);
    expect(dropped.every((row) => row.dropped_at)).toBe(true);
  });

  it('shows the day as a list of routes with a map link per visit', async () => {
    const dean = await browser('dean.walsh');
    const page = await dean.get(`/planning/days/${day.id}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('openstreetmap.org/?mlat=');
    expect(page.body).toContain('These routes are the officers’ plans now');
    const form = await dean.get('/planning');
    expect(form.body).toContain('Imran Siddiqui');
  });
});
