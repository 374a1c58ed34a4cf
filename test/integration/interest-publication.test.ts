import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.ts';
import { demo } from '../support/clients.ts';
import { databaseKinds } from '../support/databases.ts';
import { insertDeclaration } from '../support/interests.ts';

// The published register of senior officers' interests: off unless the council turns it
// on; then the current, reviewed interests of heads of service and above, of the kinds that may
// be published, with only the fields the council chose, as a page, CSV and JSON. No sign-in.

const page = '/public/demo/interests';

describe.each(databaseKinds)('the published register of senior officers’ interests on %s', (kind) => {
  let t: TestApp;
  const setPolicy = (settings: Record<string, unknown>) =>
    sql`update council_policy set settings = settings || ${JSON.stringify(settings)}::jsonb
      where council_id = ${t.councilId}`.execute(t.db);

  beforeAll(async () => {
    t = await startTestApp(kind);
    const declare = (declaration: Parameters<typeof insertDeclaration>[2]) =>
      insertDeclaration(t.db, t.councilId, { reviewed: true, senior: true, ...declaration });
    await declare({
      personEmail: demo('helen.marsh'),
      kind: 'position-of-influence',
      summary: 'Trustee, Riverside Community Trust',
      answers: { whose: 'me', bodyAddress: '1 River Lane' },
      parties: [{ name: 'Riverside Community Trust', address: '1 River Lane', role: 'Related party' }],
      declaredAt: new Date('2026-05-04T09:00:00Z'),
    });
    await declare({
      personEmail: demo('david.harrington'),
      kind: 'secondary-employment',
      summary: 'Non-executive director, Shire Housing Association, 2 hours a week',
      parties: [{ name: 'Shire Housing Association', role: 'Employer' }],
      declaredAt: new Date('2026-06-01T09:00:00Z'),
    });
    // None of these is published: a partner's interest would name the officer's family.
    await declare({
      personEmail: demo('helen.marsh'),
      kind: 'business-interest',
      summary: 'Partner’s business interest in Marsh Family Builders',
      answers: { whose: 'partner', associateName: 'Sam Marsh' },
      parties: [
        { name: 'Marsh Family Builders', role: 'Business' },
        { kind: 'person', name: 'Sam Marsh', role: 'Person with the interest' },
      ],
    });
    await declare({
      personEmail: demo('tom.whitfield'),
      kind: 'criminal-matter',
      summary: 'Caution on 1 May',
    });
    await declare({
      personEmail: demo('tom.whitfield'),
      kind: 'councillor-relationship',
      summary: 'Relationship with Councillor Pat Fleming',
      parties: [{ kind: 'person', name: 'Pat Fleming', role: 'Councillor' }],
    });
    await declare({
      personEmail: demo('tom.whitfield'),
      kind: 'membership',
      summary: 'Member of Unison',
      parties: [{ name: 'Unison' }],
    });
    await declare({
      personEmail: demo('kwame.mensah'),
      kind: 'business-interest',
      summary: 'Awaiting review',
      parties: [{ name: 'Unreviewed Builders Ltd' }],
      reviewed: false,
    });
    await declare({
      personEmail: demo('kwame.mensah'),
      kind: 'financial-interest',
      summary: 'Ended',
      parties: [{ name: 'Ended Holdings Ltd' }],
      endedOn: '2026-10-01',
    });
    await declare({
      personEmail: demo('liam.barker'),
      kind: 'business-interest',
      summary: 'Not senior',
      parties: [{ name: 'Junior Ventures Ltd' }],
      senior: false,
    });
  });
  afterAll(() => t.close());

  it('is not found while the council does not publish it, or for an unknown council', async () => {
    const visitor = t.client();
    for (const url of [page, `${page}.csv`, `${page}.json`])
      expect((await visitor.get(url)).statusCode, url).toBe(404);
    // The page says the council does not publish it, not that the address is wrong.
    const unpublished = await visitor.get(page, { accept: 'text/html' });
    expect(unpublished.body).toContain(
      'Demo District Council does not publish its register of senior officers’ interests online.',
    );
    expect(unpublished.body).not.toContain('Page not found');
    expect((await visitor.get('/public/nowhere/interests')).statusCode).toBe(404);
    expect((await visitor.get('/public/Not%20A%20Slug/interests.json')).statusCode).toBe(404);
  });

  it('shows senior officers’ current, reviewed interests of publishable kinds to anyone', async () => {
    await setPolicy({ interestRegisterPublished: true });
    const response = await t.client().get(page);
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('Register of senior officers’ interests');
    const cells = [...response.body.matchAll(/<td class="govuk-table__cell">([^<]*)<\/td>/g)].map(
      (match) => match[1],
    );
    expect(cells).toEqual([
      'David Harrington',
      'Deputy Chief Executive and Director of Corporate Services',
      'Finance and Revenues',
      'Secondary employment',
      'Shire Housing Association',
      '1 June 2026',
      'Helen Marsh',
      'Head of Finance and Revenues',
      'Finance and Revenues',
      'Position of influence (related party)',
      'Riverside Community Trust',
      '4 May 2026',
    ]);
    for (const hidden of [
      'Sam Marsh',
      'River Lane',
      'Caution',
      'Fleming',
      'Unison',
      'Unreviewed Builders',
      'Ended Holdings',
      'Junior Ventures',
      'Liam Barker',
    ])
      expect(response.body, hidden).not.toContain(hidden);
  });

  it('publishes only the fields the council chose, in the page, CSV and JSON', async () => {
    await setPolicy({ interestPublicationFields: ['name', 'kind', 'organisation'] });
    const visitor = t.client();
    const html = await visitor.get(page);
    expect(html.body).not.toContain('Head of Finance and Revenues');
    expect(html.body).not.toContain('Held since');

    const csv = await visitor.get(`${page}.csv`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toBe('attachment; filename="senior-officers-interests.csv"');
    expect(csv.body).toBe(
      '\uFEFFName,Kind of interest,Organisations named\r\n' +
        'David Harrington,Secondary employment,Shire Housing Association\r\n' +
        'Helen Marsh,Position of influence (related party),Riverside Community Trust\r\n',
    );

    const json = await visitor.get(`${page}.json`);
    expect(json.statusCode).toBe(200);
    expect(json.json()).toEqual({
      council: 'Demo District Council',
      fields: [
        { field: 'name', heading: 'Name' },
        { field: 'kind', heading: 'Kind of interest' },
        { field: 'organisation', heading: 'Organisations named' },
      ],
      entries: [
        { name: 'David Harrington', kind: 'Secondary employment', organisation: 'Shire Housing Association' },
        {
          name: 'Helen Marsh',
          kind: 'Position of influence (related party)',
          organisation: 'Riverside Community Trust',
        },
      ],
    });
  });

  it('keeps formulas in the open data as text', async () => {
    await insertDeclaration(t.db, t.councilId, {
      personEmail: demo('sarah.jenkins'),
      kind: 'business-interest',
      parties: [{ name: '=HYPERLINK("http://evil.test")' }],
      reviewed: true,
      senior: true,
    });
    const csv = await t.client().get(`${page}.csv`);
    expect(csv.body).toContain('Sarah Jenkins,Business interest,"\'=HYPERLINK(""http://evil.test"")"\r\n');
  });
});
