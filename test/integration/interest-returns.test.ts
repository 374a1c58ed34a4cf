import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.ts';
import { demo, demoClients } from '../support/clients.ts';
import { databaseKinds } from '../support/databases.ts';
import { insertDeclaration } from '../support/interests.ts';
import { personIdByEmail, tokenFor } from '../support/people.ts';

// The related party transactions annual return (001 §48-51): relevant officers (by
// default the chief executive, directors, heads of service and the monitoring officer) confirm
// their positions of influence each financial year; audit, HR and the monitoring officer collate
// the returns for the external auditor. The clock says 23 November 2026: financial year 2026.

type Problem = { status: number; errors?: { key: string; message: string }[] };

const myReturn = '/interests/related-party-return';
const collated = '/interests/related-party-returns';
const nilRefused =
  'You cannot make a nil return because you have declared related party interests: submit your return instead';

describe.each(databaseKinds)('the related party transactions return on %s', (kind) => {
  let t: TestApp;
  const client = demoClients(() => t);
  const returnsOf = (name: string) =>
    t.db
      .selectFrom('related_party_return as r')
      .innerJoin('person as p', 'p.id', 'r.person_id')
      .selectAll('r')
      .where('p.email', '=', demo(name))
      .execute();
  let trust: string;
  let catering: string;

  beforeAll(async () => {
    t = await startTestApp(kind);
    const declare = (declaration: Parameters<typeof insertDeclaration>[2]) =>
      insertDeclaration(t.db, t.councilId, declaration);
    const helen = demo('helen.marsh');
    trust = await declare({
      personEmail: helen,
      kind: 'position-of-influence',
      summary: 'Trustee, Riverside Community Trust',
      answers: { whose: 'partner', bodyName: 'Riverside Community Trust', councilLink: 'receives-grants' },
      parties: [
        { name: 'Riverside Community Trust', role: 'Related party' },
        { kind: 'person', name: 'Sam Marsh', role: 'Person holding the position' },
      ],
    });
    catering = await declare({
      personEmail: helen,
      kind: 'business-interest',
      summary: 'Own business interest in Marsh Catering Ltd',
      answers: { whose: 'me', businessName: 'Marsh Catering Ltd', councilWork: 'contracts' },
      parties: [{ name: 'Marsh Catering Ltd', role: 'Business' }],
    });
    // Not on the return: a business that only may seek work, a club, an interest that ended
    // before the financial year began, and someone else's position.
    await declare({
      personEmail: helen,
      kind: 'business-interest',
      summary: 'Own business interest in Hopeful Bids Ltd',
      answers: { whose: 'me', councilWork: 'may-contract' },
      parties: [{ name: 'Hopeful Bids Ltd' }],
    });
    await declare({
      personEmail: helen,
      kind: 'membership',
      summary: 'Member of Riverside Rowing Club',
      answers: { organisationType: 'club' },
    });
    await declare({
      personEmail: helen,
      kind: 'position-of-influence',
      summary: 'Director, Old Depot Services',
      answers: { councilLink: 'provides-services' },
      endedOn: '2026-03-31',
    });
    await declare({
      personEmail: demo('kwame.mensah'),
      kind: 'position-of-influence',
      summary: 'Chair, Housing Forum',
      answers: { councilLink: 'receives-grants' },
    });
  });
  afterAll(() => t.close());

  it('tells an officer who is not a relevant officer that they are not asked for one', async () => {
    const liam = await client('liam.barker');
    const page = await liam.get(myReturn);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('You are not asked to complete a related party transactions return');
    expect(page.body).toContain('<li>Director or deputy chief executive</li><li>Head of service</li>');
    expect(page.body).not.toContain('Submit my return');
    const posted = await liam.post(myReturn, { action: 'nil' });
    expect(posted.statusCode).toBe(303);
    expect(posted.headers.location).toBe(myReturn);
    expect(await returnsOf('liam.barker')).toEqual([]);
  });

  it('shows a relevant officer the declarations that belong on this year’s return', async () => {
    const page = await (await client('helen.marsh')).get(myReturn);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('April 2026 to March 2027');
    expect(page.body).toContain('Trustee, Riverside Community Trust');
    expect(page.body).toContain('Position of influence (related party)');
    expect(page.body).toContain('Own business interest in Marsh Catering Ltd');
    expect(page.body).toContain('href="/interests/new"');
    for (const absent of ['Hopeful Bids', 'Rowing Club', 'Old Depot', 'Housing Forum', 'Sam Marsh'])
      expect(page.body).not.toContain(absent);
    expect(page.body).toContain('Submit my return');
    expect(page.body).not.toContain('I have no related party interests to declare');
  });

  it('refuses a nil return beside declared positions, and bad input, saving nothing', async () => {
    const helen = await client('helen.marsh');
    const nil = await helen.post(myReturn, { action: 'nil', transactions: '' });
    expect(nil.statusCode).toBe(400);
    expect(nil.body).toContain('There is a problem');
    expect(nil.body).toContain(`href="#interests">${nilRefused}`);
    const long = await helen.post(myReturn, { action: 'submit', transactions: 'x'.repeat(4001) });
    expect(long.statusCode).toBe(400);
    expect(long.body).toContain('Transactions must be 4000 characters or fewer');
    expect(long.body).toContain('x'.repeat(4001));
    expect(await returnsOf('helen.marsh')).toEqual([]);
  });

  it('submits a return, and a second submission replaces it, both audited', async () => {
    const helen = await client('helen.marsh');
    const first = await helen.post(myReturn, { action: 'submit', transactions: '' });
    expect(first.statusCode).toBe(303);
    expect(first.headers.location).toBe(`${myReturn}?submitted=1`);
    const page = await helen.get(`${myReturn}?submitted=1`);
    expect(page.body).toContain('Your related party transactions return has been submitted');
    expect(page.body).toContain('You submitted your return for this year on');
    const again = await helen.post(myReturn, {
      action: 'submit',
      transactions: 'Grant of £12,000 to Riverside Community Trust, June 2026',
    });
    expect(again.statusCode).toBe(303);
    const rows = await returnsOf('helen.marsh');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      financial_year: 2026,
      nil: false,
      transactions: 'Grant of £12,000 to Riverside Community Trust, June 2026',
      job_title: 'Head of Finance and Revenues',
    });
    expect(rows[0]?.entries).toMatchObject([{ declarationId: trust }, { declarationId: catering }]);
    const events = await t.db
      .selectFrom('audit_event')
      .select(['action', 'before', 'after', 'record_id'])
      .where('record_type', '=', 'related-party-return')
      .where('action', 'like', 'related-party-return.%')
      .orderBy('seq')
      .execute();
    expect(events.map((event) => event.action)).toEqual([
      'related-party-return.submitted',
      'related-party-return.resubmitted',
    ]);
    expect(events[1]?.record_id).toBe(rows[0]?.id);
    expect(events[1]?.before).toMatchObject({ nil: false, transactions: '' });
    expect(events[1]?.after).toMatchObject({
      transactions: 'Grant of £12,000 to Riverside Community Trust, June 2026',
    });
  });

  it('takes a nil return from a relevant officer with nothing declared, but not an empty return', async () => {
    const tom = await client('tom.whitfield');
    const page = await tom.get(myReturn);
    expect(page.body).toContain('I have no related party interests to declare');
    const empty = await tom.post(myReturn, { action: 'submit', transactions: '' });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain(
      'Describe the transactions, declare an interest first, or say you have no related party interests to declare',
    );
    const described = await tom.post(myReturn, { action: 'nil', transactions: 'A grant' });
    expect(described.statusCode).toBe(400);
    expect(described.body).toContain(
      'You cannot make a nil return and describe transactions: submit your return instead',
    );
    expect(await returnsOf('tom.whitfield')).toEqual([]);
    expect((await tom.post(myReturn, { action: 'nil', transactions: '' })).statusCode).toBe(303);
    expect(await returnsOf('tom.whitfield')).toMatchObject([{ nil: true, entries: [] }]);
  });

  it('collates every relevant officer’s return, outstanding first, and audits who looked', async () => {
    const mark = await client('mark.fenwick');
    const page = await mark.get(`${collated}?year=2026`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('2 of 12 relevant officers have submitted their return; 10 outstanding.');
    const order = [
      ...page.body.matchAll(/govuk-tag--(?:red|green)">\s*(Outstanding|Submitted|Nil return)/g),
    ].map((match) => match[1]);
    expect(order).toEqual([...Array(10).fill('Outstanding'), 'Submitted', 'Nil return']);
    expect(page.body).toContain('Margaret Okafor');
    expect(page.body).toContain('Grant of £12,000 to Riverside Community Trust, June 2026');
    expect(page.body).not.toContain('Liam Barker');
    const viewed = await t.db
      .selectFrom('audit_event')
      .select(['actor_label', 'after'])
      .where('action', '=', 'related-party-returns.viewed')
      .execute();
    expect(viewed).toContainEqual({ actor_label: 'Mark Fenwick', after: { financialYear: 2026 } });

    const earlier = await mark.get(`${collated}?year=2025`);
    expect(earlier.body).toContain('0 of 12 relevant officers have submitted their return; 12 outstanding.');
    const bad = await mark.get(`${collated}?year=next`);
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Financial year must be the year it starts, like 2026');
    const future = await mark.get(`${collated}?year=2027`);
    expect(future.statusCode).toBe(400);
    expect(future.body).toContain('Financial year must be 2026 or earlier');
  });

  it('downloads the collated return as CSV, one line per declaration, formulas kept as text', async () => {
    const sarah = await client('sarah.jenkins');
    await insertDeclaration(t.db, t.councilId, {
      personEmail: demo('sarah.jenkins'),
      kind: 'financial-interest',
      summary: 'Directorship in =Formula Ltd',
      answers: { interestType: 'directorship' },
      parties: [{ name: '=Formula Ltd' }],
    });
    expect((await sarah.post(myReturn, { action: 'submit', transactions: '=1+1' })).statusCode).toBe(303);
    const csv = await (await client('claire.donnelly')).get(`${collated}.csv?year=2026`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toBe(
      'attachment; filename="related-party-returns-2026-2027.csv"',
    );
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toBe(
      'Financial year,Officer,Job title,Service,Submitted at,Nil return,Reference,Kind of interest,Summary,Organisations,Ended on,Transactions in the year',
    );
    expect(lines).toHaveLength(1 + 9 + 2 + 1 + 1);
    expect(lines.slice(1, 10).every((line) => line.includes(',Outstanding,'))).toBe(true);
    expect(lines.filter((line) => line.includes('Helen Marsh'))).toHaveLength(2);
    expect(csv.body).toContain(
      'Sarah Jenkins,Head of Customer Services,Customer Services,2026-11-23T09:00:00.000Z,No,',
    );
    expect(csv.body).toContain(",'=Formula Ltd,,'=1+1\r\n");
    expect(csv.body).toMatch(/Tom Whitfield,[^\r]*,Yes,,,,,,\r\n/);
  });

  it('lets only audit, HR and the monitoring officer see the collated return', async () => {
    for (const name of ['liam.barker', 'helen.marsh', 'margaret.okafor']) {
      const signedIn = await client(name);
      expect((await signedIn.get(`${collated}?year=2026`)).statusCode, name).toBe(403);
      expect((await signedIn.get(`${collated}.csv`)).statusCode, name).toBe(403);
    }
    expect((await (await client('rajesh.patel')).get(collated)).statusCode).toBe(200);
  });

  it('works over the API, in the OpenAPI document', async () => {
    const api = t.client();
    const kwame = await tokenFor(t.db, t.councilId, await personIdByEmail(t.db, demo('kwame.mensah')));
    const mine = await api.api('GET', '/api/v1/related-party-returns/mine', undefined, kwame);
    expect(mine.statusCode).toBe(200);
    expect(mine.json()).toMatchObject({
      financialYear: 2026,
      relevant: true,
      interests: [{ summary: 'Chair, Housing Forum', kindName: 'Position of influence (related party)' }],
      submitted: null,
    });
    const nil = await api.api('POST', '/api/v1/related-party-returns/mine', { nil: true }, kwame);
    expect(nil.statusCode).toBe(400);
    expect(nil.headers['content-type']).toContain('application/problem+json');
    expect((nil.json() as Problem).errors).toEqual([{ key: 'interests', message: nilRefused }]);
    const wrong = await api.api('POST', '/api/v1/related-party-returns/mine', { nil: 'no' }, kwame);
    expect(wrong.statusCode).toBe(400);
    const submitted = await api.api(
      'POST',
      '/api/v1/related-party-returns/mine',
      { nil: false, transactions: 'None in the year' },
      kwame,
    );
    expect(submitted.statusCode).toBe(201);
    expect(submitted.json()).toMatchObject({ financialYear: 2026, nil: false, personName: 'Kwame Mensah' });

    const liam = await tokenFor(t.db, t.councilId, await personIdByEmail(t.db, demo('liam.barker')));
    expect(
      (await api.api('POST', '/api/v1/related-party-returns/mine', { nil: true }, liam)).statusCode,
    ).toBe(403);
    expect((await api.api('GET', '/api/v1/related-party-returns', undefined, liam)).statusCode).toBe(403);

    const zara = await tokenFor(t.db, t.councilId, await personIdByEmail(t.db, demo('zara.hussain')));
    const all = await api.api('GET', '/api/v1/related-party-returns?year=2026', undefined, zara);
    expect(all.statusCode).toBe(200);
    const officers = (all.json() as { officers: { name: string; submitted: unknown }[] }).officers;
    expect(officers).toHaveLength(12);
    expect(officers.filter((officer) => officer.submitted)).toHaveLength(4);
    expect(officers[0]?.submitted).toBeNull();
    const badYear = await api.api('GET', '/api/v1/related-party-returns?year=20x6', undefined, zara);
    expect(badYear.statusCode).toBe(400);

    const openapi = (await api.get('/api/openapi.json')).json() as { paths: Record<string, unknown> };
    expect(Object.keys(openapi.paths)).toEqual(
      expect.arrayContaining(['/api/v1/related-party-returns/mine', '/api/v1/related-party-returns']),
    );
  });
});
