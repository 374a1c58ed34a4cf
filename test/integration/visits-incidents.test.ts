import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { organisationService } from '../../src/modules/organisation/service.ts';
import { incidentsService } from '../../src/modules/visits/incidents/service.ts';
import { fixedClock } from '../../src/platform/clock.ts';
import { removedText } from '../../src/platform/retention.ts';
import { expectProblem } from '../support/api.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { databaseKinds } from '../support/databases.ts';
import { signedInAs, tokenFor } from '../support/people.ts';
import { auditEvents, rowCount } from '../support/rows.ts';
import { fieldTeam, otherCouncilTeam, planWithVisits } from '../support/visits.ts';

// Incident reports (policies 000 and 004): sent to the officer's line manager and to health and
// safety, read only by the officer, their line-management chain and HR, every reading audited.
// Today in the test app: Monday 23 November 2026, 09:00 London.
describe.each(databaseKinds)('incident reports on %s', (kind) => {
  let t: TestApp;
  let team: Awaited<ReturnType<typeof fieldTeam>>;

  beforeAll(async () => {
    t = await startTestApp(kind);
    team = await fieldTeam(t, 'inc');
    const organisation = organisationService({ db: t.db, clock: t.clock, outbox: t.outbox, baseUrl: '' });
    const policy = await organisation.policy(t.councilId);
    await organisation.updatePolicy(
      { councilId: t.councilId, personId: null, label: 'Test' },
      { ...policy, healthAndSafetyEmail: 'h-and-s@council.test' },
    );
  });
  afterAll(() => t.close());

  const report = (extra: Record<string, string> = {}) => ({
    kinds: 'threat',
    'occurredOn-day': '20',
    'occurredOn-month': '11',
    'occurredOn-year': '2026',
    occurredTime: '14:30',
    location: '21 Quarry Road',
    whatHappened: 'The occupier threatened me with a hammer when I gave my name',
    peopleInvolved: 'The occupier, a man in his forties',
    witnesses: 'A neighbour at number 23',
    injuries: '',
    policeReference: 'CAD-1234',
    ...extra,
  });

  async function reportAs(email: string, form: Record<string, string>, query = '') {
    const browser = await signedInAs(t, email);
    const page = await browser.get(`/visits/incidents/new${query}`);
    expect(page.statusCode, page.body).toBe(200);
    return { browser, page, response: await browser.post('/visits/incidents/new', form) };
  }

  let incidentUrl = '';

  it('a report from a visit goes to the officer’s line manager and to health and safety', async () => {
    const plan = await planWithVisits(t, {
      officerId: team.officer,
      responsibleOfficerId: team.responsible,
      visits: [{ address: '21 Quarry Road' }],
    });
    const { page, response } = await reportAs(
      team.email('officer'),
      { ...report(), visit: plan.visitIds[0] ?? '' },
      `?visit=${plan.visitIds[0]}`,
    );
    expect(page.body).toContain('At the visit to 21 Quarry Road');
    expect(response.statusCode, response.body).toBe(303);
    incidentUrl = String(response.headers.location);
    expect(incidentUrl).toMatch(/^\/visits\/incidents\/[0-9a-f-]{36}$/);
    const id = incidentUrl.split('/').at(-1) ?? '';
    const row = await t.db
      .selectFrom('visit_incident')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      reported_by: team.officer,
      visit_id: plan.visitIds[0],
      kinds: ['threat'],
      police_reference: 'CAD-1234',
    });
    const toManager = t.smtp.received.filter((mail) => mail.to === team.email('manager'));
    expect(toManager).toHaveLength(1);
    expect(toManager[0]?.subject).toBe('Incident report from inc officer: threat');
    expect(toManager[0]?.text).toContain(`http://probity.test${incidentUrl}`);
    expect(t.smtp.received.filter((mail) => mail.to === 'h-and-s@council.test')).toHaveLength(1);
    expect(await auditEvents(t.db, { action: 'incident.reported', recordId: id })).toHaveLength(1);
  });

  it('the reporter, their line manager and HR can read it, each reading audited; another officer gets 404', async () => {
    const id = incidentUrl.split('/').at(-1) ?? '';
    const viewed = async () => (await auditEvents(t.db, { action: 'incident.viewed', recordId: id })).length;
    for (const who of ['officer', 'manager', 'hr'] as const) {
      const before = await viewed();
      const page = await (await signedInAs(t, team.email(who))).get(incidentUrl);
      expect(page.statusCode, who).toBe(200);
      expect(page.body).toContain('The occupier threatened me with a hammer');
      expect(await viewed()).toBe(before + 1);
    }
    const before = await viewed();
    for (const who of ['peer', 'otherManager', 'responsible'] as const) {
      const browser = await signedInAs(t, team.email(who));
      expect((await browser.get(incidentUrl)).statusCode, who).toBe(404);
      expect((await browser.get('/visits/incidents')).body).not.toContain(incidentUrl);
    }
    expect(await viewed()).toBe(before);
    for (const who of ['manager', 'hr'] as const)
      expect((await (await signedInAs(t, team.email(who))).get('/visits/incidents')).body).toContain(
        incidentUrl,
      );
  });

  it('another council’s people are told there is no such incident, on the page and over the API', async () => {
    const other = await otherCouncilTeam(t);
    expect((await (await signedInAs(t, other.email('hr'))).get(incidentUrl)).statusCode).toBe(404);
    const token = await tokenFor(t.db, other.councilId, other.hr);
    expectProblem(await t.client().api('GET', `/api/v1${incidentUrl}`, undefined, token), 404);
    const list = await t.client().api('GET', '/api/v1/visits/incidents', undefined, token);
    expect(list.json()).toEqual({ items: [] });
  });

  it('bad input shows the form again with the reasons and stores nothing', async () => {
    const before = [await rowCount(t.db, 'visit_incident'), t.smtp.received.length];
    const { response } = await reportAs(
      team.email('officer'),
      report({ kinds: '', whatHappened: '', 'occurredOn-year': '2027' }),
    );
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('Select what kind of incident it was');
    expect(response.body).toContain('Enter what happened');
    expect(response.body).toContain('must be in the past');
    expect([await rowCount(t.db, 'visit_incident'), t.smtp.received.length]).toEqual(before);
  });

  it('a visit on someone else’s plan cannot be named on a report', async () => {
    const plan = await planWithVisits(t, {
      officerId: team.officer,
      responsibleOfficerId: team.responsible,
      visits: [{ address: '30 Quarry Road' }],
    });
    const browser = await signedInAs(t, team.email('peer'));
    expect((await browser.get(`/visits/incidents/new?visit=${plan.visitIds[0]}`)).statusCode).toBe(404);
  });

  it('over the API: reported, and read back by HR', async () => {
    const token = await tokenFor(t.db, t.councilId, team.peer);
    const made = await t.client().api(
      'POST',
      '/api/v1/visits/incidents',
      {
        kinds: ['injury', 'damage'],
        occurredAt: '2026-11-22T16:00:00Z',
        location: 'Car park, Quarry Road',
        whatHappened: 'Pushed against my car; wing mirror broken',
        peopleInvolved: 'Unknown man',
        injuries: 'Bruised arm',
      },
      token,
    );
    expect(made.statusCode, made.body).toBe(201);
    const { id } = made.json() as { id: string };
    const hr = await tokenFor(t.db, t.councilId, team.hr);
    const read = await t.client().api('GET', `/api/v1/visits/incidents/${id}`, undefined, hr);
    expect(read.json()).toMatchObject({
      id,
      kinds: ['injury', 'damage'],
      injuries: 'Bruised arm',
      policeReference: '',
    });
    expectProblem(await t.client().api('POST', '/api/v1/visits/incidents', { kinds: [] }, token), 400);
    expect(t.smtp.received.filter((mail) => mail.to === team.email('otherManager'))).toHaveLength(1);
  });

  it('anonymiseExpired removes personal details of incidents past the retention period', async () => {
    const base = { db: t.db, outbox: t.outbox, baseUrl: '' };
    const sixYearsOn = fixedClock(new Date('2032-11-21T09:00:00Z'));
    const organisation = organisationService({ ...base, clock: sixYearsOn });
    const incidents = incidentsService({ ...base, clock: sixYearsOn, organisation });
    // Only the 20 November 2026 report is more than six years old on 21 November 2032.
    expect(await incidents.anonymiseExpired(t.councilId)).toBe(1);
    const id = incidentUrl.split('/').at(-1) ?? '';
    const row = await t.db
      .selectFrom('visit_incident')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      what_happened: removedText,
      location: removedText,
      people_involved: '',
      witnesses: '',
      police_reference: '',
      kinds: ['threat'],
    });
    expect(row.anonymised_at).toEqual(sixYearsOn.now());
    expect(await auditEvents(t.db, { action: 'incident.anonymised', recordId: id })).toHaveLength(1);
    expect(await incidents.anonymiseExpired(t.councilId)).toBe(0);
  });
});
