import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCouncil } from '../../src/modules/organisation/councils/set-up.ts';
import { organisationService } from '../../src/modules/organisation/service.ts';
import { riskRegisterService } from '../../src/modules/visits/risk-register/service.ts';
import { removedText } from '../../src/platform/retention.ts';
import { expectProblem, type Problem } from '../support/api.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { databaseKinds } from '../support/databases.ts';
import { addTestPerson, signedInAs, tokenFor } from '../support/people.ts';

type Client = Awaited<ReturnType<typeof signedInAs>>;

// Today in the test app: Monday 23 November 2026, 09:00 London.
const address = '12 High Street, Demoton, DT1 2AB';
const noReviewDate = { 'reviewOn-day': '', 'reviewOn-month': '', 'reviewOn-year': '' };

const errorSummary = (body: string) =>
  [...body.matchAll(/<a href="#[^"]*">([^<]+)<\/a>/g)].map((m) => m[1]?.replaceAll('&#39;', '’'));

describe.each(databaseKinds)('the risk register on %s', (kind) => {
  let t: TestApp;
  let fieldOfficer: Client;
  let teamLeader: Client;
  let outsider: Client;
  let teamLeaderToken: string;
  const ids = { fieldOfficer: '', teamLeader: '' };
  const seen = new Set<string>();

  // The service as the app builds it, over the test app's database, at `now`.
  const service = (now = () => t.clock.now()) => {
    const deps = { db: t.db, clock: { now }, outbox: t.outbox, baseUrl: 'http://probity.test' };
    return riskRegisterService({ ...deps, organisation: organisationService(deps) });
  };
  const cautions = (visit: { address?: string; personName?: string }) =>
    service().cautionsAt(t.councilId, visit);

  const counts = async () =>
    (
      await sql<{ markers: number; events: number }>`select
        (select count(*) from risk_marker)::int as markers,
        (select count(*) from risk_marker_event)::int as events`.execute(t.db)
    ).rows[0];

  const views = async (id: string) =>
    (
      await sql<{ n: number }>`select count(*)::int as n from audit_event
        where action = 'risk-marker.viewed' and record_id = ${id}`.execute(t.db)
    ).rows[0]?.n;

  beforeAll(async () => {
    t = await startTestApp(kind);
    ids.fieldOfficer = await addTestPerson(t.db, t.councilId, {
      email: 'field.officer@probity.test',
      name: 'Fran Field',
      roles: ['officer', 'field-officer'],
    });
    ids.teamLeader = await addTestPerson(t.db, t.councilId, {
      email: 'team.leader@probity.test',
      name: 'Tom Leader',
      roles: ['officer', 'line-manager'],
    });
    const other = await t.db
      .transaction()
      .execute((trx) =>
        createCouncil(
          trx,
          { name: 'Other Borough', slug: 'other', division: 'england-and-wales', directorates: [] },
          new Date(),
        ),
      );
    await addTestPerson(t.db, other.councilId, {
      email: 'leader@other.test',
      roles: ['officer', 'line-manager', 'head-of-service', 'responsible-officer'],
    });
    fieldOfficer = await signedInAs(t, 'field.officer@probity.test');
    teamLeader = await signedInAs(t, 'team.leader@probity.test');
    outsider = await signedInAs(t, 'leader@other.test');
    teamLeaderToken = await tokenFor(t.db, t.councilId, ids.teamLeader);
  });
  afterAll(() => t.close());

  async function nominated(): Promise<string> {
    const response = await fieldOfficer.post('/visits/risk-register/nominate', {
      kind: 'violent',
      address,
      personName: 'Mr J Smith',
      reason: 'Threatened me with a hammer on the doorstep on 20 November',
      whatToDo: '',
    });
    expect(response.statusCode, response.body).toBe(303);
    expect(response.headers.location).toBe('/visits/risk-register/nominate?done=nominated');
    // The clock stands still, so the new marker is the one not seen before.
    const rows = await t.db
      .selectFrom('risk_marker')
      .select(['id', 'status'])
      .where('council_id', '=', t.councilId)
      .where('nominated_by', '=', ids.fieldOfficer)
      .execute();
    const added = rows.filter((row) => !seen.has(row.id));
    expect(added.map((row) => row.status)).toEqual(['proposed']);
    const id = added[0]?.id as string;
    seen.add(id);
    return id;
  }

  it('takes a nomination from the field, and warns nobody until a team leader accepts it', async () => {
    const id = await nominated();
    expect(await cautions({ address, personName: 'John Smith' })).toEqual([]);
    const list = await teamLeader.get('/visits/risk-register');
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain(`/visits/risk-register/${id}`);
    const review = await teamLeader.get(`/visits/risk-register/${id}/review`);
    expect(review.statusCode).toBe(200);
    expect(review.body).toContain('Threatened me with a hammer');
    const sent = await fieldOfficer.get('/visits/risk-register/nominate?done=nominated');
    expect(sent.body).toContain('Your nomination is sent');

    const accepted = await teamLeader.post(`/visits/risk-register/${id}/review`, {
      decision: 'accept',
      kind: 'violent',
      whatToDo: 'Do not visit alone; speak from the doorstep',
      rejectReason: '',
      ...noReviewDate,
    });
    expect(accepted.statusCode, accepted.body).toBe(303);
    const caution = {
      markerId: id,
      kind: 'violent',
      kindName: 'Potentially violent person',
      whatToDo: 'Do not visit alone; speak from the doorstep',
    };
    expect(await cautions({ address: '12 high st, demoton dt12ab' })).toEqual([
      { ...caution, matchedOn: 'address' },
    ]);
    expect(await cautions({ address: '14 High Street, DT1 2AB', personName: 'John Smith' })).toEqual([
      { ...caution, matchedOn: 'name' },
    ]);
    expect(await cautions({ address: '14 High Street, DT1 2AB', personName: 'Peter Smith' })).toEqual([]);
    const marker = await t.db
      .selectFrom('risk_marker')
      .select(['status', 'review_on'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(marker).toEqual({ status: 'active', review_on: '2027-11-23' });
  });

  it('shows a marker and its history only to those who keep the register, and records each look', async () => {
    const id = await nominated();
    expect((await fieldOfficer.get(`/visits/risk-register/${id}`)).statusCode).toBe(403);
    expect((await fieldOfficer.get('/visits/risk-register')).statusCode).toBe(403);
    const before = await views(id);
    const page = await teamLeader.get(`/visits/risk-register/${id}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Threatened me with a hammer');
    expect(page.body).toContain('Fran Field');
    expect(await views(id)).toBe((before ?? 0) + 1);
    const api = await t.client().api('GET', `/api/v1/visits/risk-markers/${id}`, undefined, teamLeaderToken);
    expect(api.statusCode).toBe(200);
    expect((api.json() as { history: { action: string }[] }).history.map((e) => e.action)).toEqual([
      'nominated',
    ]);
    expect(await views(id)).toBe((before ?? 0) + 2);
  });

  it('refuses bad input with clear messages and changes nothing', async () => {
    const before = await counts();
    const page = await teamLeader.post('/visits/risk-register/new', {
      kind: '',
      address: '12 High Street, Demoton',
      personName: '',
      reason: '',
      whatToDo: '',
      'reviewOn-day': '31',
      'reviewOn-month': '2',
      'reviewOn-year': '2027',
    });
    expect(page.statusCode).toBe(400);
    expect(errorSummary(page.body)).toEqual([
      'Select what kind of risk it is',
      'Enter the address with its postcode, like 12 High Street, Demoton, DT1 2AB',
      'Enter the reason: what happened, for those who need to know',
      'Enter what officers must do, like “Do not visit alone; speak from the doorstep”',
      'The review date must be a real date',
    ]);
    expect(page.body).toContain('12 High Street, Demoton');

    const api = await t
      .client()
      .api(
        'POST',
        '/api/v1/visits/risk-markers',
        { kind: 'violent', reason: 'x', whatToDo: 'y' },
        teamLeaderToken,
      );
    expectProblem(api, 400);
    expect((api.json() as Problem).errors).toEqual([
      { key: 'address', message: 'Enter the address, the person’s name, or both' },
    ]);
    const id = await nominated();
    const afterNomination = await counts();
    const rejected = await teamLeader.post(`/visits/risk-register/${id}/review`, {
      decision: 'reject',
      rejectReason: '',
    });
    expect(rejected.statusCode).toBe(400);
    expect(errorSummary(rejected.body)).toEqual(['Enter why the nomination is rejected']);
    expect(await counts()).toEqual(afterNomination);
    expect(afterNomination).toEqual({
      markers: (before?.markers ?? 0) + 1,
      events: (before?.events ?? 0) + 1,
    });
  });

  it('lets nobody decide on their own nomination', async () => {
    const response = await t.client().api(
      'POST',
      '/api/v1/visits/risk-markers/nominations',
      {
        kind: 'hostel',
        address: 'Riverside Hostel, Mill Lane, DT2 3CD',
        reason: 'Residents known to be aggressive',
      },
      teamLeaderToken,
    );
    expect(response.statusCode, response.body).toBe(201);
    const { id } = response.json() as { id: string };
    const review = await t
      .client()
      .api(
        'POST',
        `/api/v1/visits/risk-markers/${id}/review`,
        { decision: 'accept', kind: 'hostel', whatToDo: 'Ask first' },
        teamLeaderToken,
      );
    expectProblem(review, 403);
    expect(await cautions({ address: 'Riverside Hostel, Mill Lane, DT2 3CD' })).toEqual([]);
  });

  it('keeps one council’s markers from another council’s people', async () => {
    const id = await nominated();
    expect((await outsider.get(`/visits/risk-register/${id}`)).statusCode).toBe(404);
    const review = await outsider.post(`/visits/risk-register/${id}/review`, {
      decision: 'reject',
      rejectReason: 'Not ours',
    });
    expect(review.statusCode).toBe(404);
    const list = await outsider.get('/visits/risk-register?status=all');
    expect(list.statusCode).toBe(200);
    expect(list.body).not.toContain(id);
    const marker = await t.db
      .selectFrom('risk_marker')
      .select('status')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(marker.status).toBe('proposed');
  });

  it('removes a marker with why, and anonymises it once the retention period is over', async () => {
    const id = await nominated();
    const accepted = await teamLeader.post(`/visits/risk-register/${id}/review`, {
      decision: 'accept',
      kind: 'violent',
      whatToDo: 'Visit in pairs',
      ...noReviewDate,
    });
    expect(accepted.statusCode, accepted.body).toBe(303);
    const refused = await teamLeader.post(`/visits/risk-register/${id}/remove`, { reason: '' });
    expect(errorSummary(refused.body)).toEqual(['Enter why the marker is removed']);
    const removed = await teamLeader.post(`/visits/risk-register/${id}/remove`, { reason: 'Moved away' });
    expect(removed.statusCode, removed.body).toBe(303);
    expect((await cautions({ address })).map((c) => c.markerId)).not.toContain(id);

    const years = (n: number) => () => new Date(t.clock.now().getTime() + n * 365.25 * 24 * 3600 * 1000);
    expect(await service(years(2)).anonymiseExpired(t.councilId)).toBe(0);
    expect(await service(years(3.1)).anonymiseExpired(t.councilId)).toBeGreaterThanOrEqual(1);
    const row = await t.db
      .selectFrom('risk_marker')
      .select(['address', 'person_name', 'reason', 'end_reason', 'status'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({
      address: '',
      person_name: '',
      reason: removedText,
      end_reason: removedText,
      status: 'removed',
    });
    const notes = await t.db
      .selectFrom('risk_marker_event')
      .select(['action', 'note'])
      .where('marker_id', '=', id)
      .orderBy('seq')
      .execute();
    expect(notes.map((n) => n.action)).toEqual(['nominated', 'accepted', 'removed', 'anonymised']);
    expect(notes.find((n) => n.action === 'removed')?.note).toBe(removedText);
  });

  it('lets a team leader add a marker, change it, find it and see when it is due for review', async () => {
    const form = await teamLeader.get('/visits/risk-register/new');
    expect(form.statusCode).toBe(200);
    const added = await teamLeader.post('/visits/risk-register/new', {
      kind: 'care-in-community',
      address: 'Flat 4, 9 Elm Road, Demoton, DT3 4EF',
      personName: '',
      reason: 'Supported housing; staff on site in the daytime',
      whatToDo: 'Ask a team leader for advice before visiting',
      'reviewOn-day': '30',
      'reviewOn-month': '11',
      'reviewOn-year': '2026',
    });
    expect(added.statusCode, added.body).toBe(303);
    const id = /risk-register\/([0-9a-f-]{36})/.exec(String(added.headers.location))?.[1] as string;
    expect((await cautions({ address: '9 Elm Rd, DT3 4EF' })).map((c) => c.matchedOn)).toEqual(['address']);

    for (const page of ['edit', 'remove']) {
      const shown = await teamLeader.get(`/visits/risk-register/${id}/${page}`);
      expect(shown.statusCode, page).toBe(200);
    }
    const edited = await teamLeader.post(`/visits/risk-register/${id}/edit`, {
      kind: 'care-in-community',
      address: 'Flat 4, 9 Elm Road, Demoton, DT3 4EF',
      personName: '',
      reason: 'Supported housing; staff on site in the daytime',
      whatToDo: 'Visit in the daytime, with a second officer',
      'reviewOn-day': '30',
      'reviewOn-month': '11',
      'reviewOn-year': '2026',
    });
    expect(edited.statusCode, edited.body).toBe(303);
    const record = await teamLeader.get(`/visits/risk-register/${id}`);
    expect(record.body).toContain('Changed the what to do');

    const list = await teamLeader.get('/visits/risk-register?q=dt3%204ef&status=all');
    expect(list.body).toContain('Visit in the daytime, with a second officer');
    const api = await t
      .client()
      .api('GET', '/api/v1/visits/risk-markers?due=yes&status=active', undefined, teamLeaderToken);
    expect(api.statusCode).toBe(200);
    expect((api.json() as { items: { id: string }[] }).items.map((m) => m.id)).not.toContain(id);
    t.clock.advance(8 * 24 * 3600 * 1000);
    const due = await t
      .client()
      .api('GET', '/api/v1/visits/risk-markers?due=yes', undefined, teamLeaderToken);
    expect((due.json() as { items: { id: string }[] }).items.map((m) => m.id)).toContain(id);
    // Eight days on, the session has lapsed: sign in again.
    const again = await signedInAs(t, 'team.leader@probity.test');
    expect((await again.get('/visits/risk-register')).body).toContain('Due for review (');
  });
});
