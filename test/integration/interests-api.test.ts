import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoApi, expectProblem, outsiderToken, type Problem } from '../support/api.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { demo } from '../support/clients.ts';
import { databaseKinds } from '../support/databases.ts';
import { aDeclaration, contractor } from '../support/interests.ts';
import { personIdByEmail } from '../support/people.ts';
import { auditEvents, rowCount } from '../support/rows.ts';

type Declaration = {
  id: string;
  reference: string;
  personId: string;
  kind: string;
  summary: string;
  answers: Record<string, string>;
  declaredAt: string;
  endedOn: string | null;
  endReason: string;
  reviewerId: string | null;
  reviewState: string;
  outcome: string | null;
  managementAction: string;
  referredTo: string | null;
  nextReviewOn: string | null;
  reviewedByName: string | null;
  version: number;
};
type Detail = {
  declaration: Declaration;
  parties: { kind: string; role: string; name: string; companyNumber: string }[];
  versions: { version: number; reason: string; byName: string }[];
  canReview: boolean;
  canChange: boolean;
};
type Page = { items: Declaration[]; nextCursor: string | null };

// Liam works two evenings a week in a bar, on top of 40 contracted hours: 56 in all.
const barWork = {
  kind: 'secondary-employment',
  answers: {
    employerName: 'The Red Lion',
    jobTitle: 'Bar staff',
    hoursPerWeek: '16',
    contractedHours: '40',
    paid: 'yes',
    startedOn: '2026-09-01',
  },
};

describe.each(databaseKinds)('the declarations API on %s', (kind) => {
  let t: TestApp;
  let outsider: string;
  const call = demoApi(() => t);
  const idOf = (name: string) => personIdByEmail(t.db, demo(name));
  const declarationCount = () => rowCount(t.db, 'declaration');
  const declare = (name: string, body: unknown) => aDeclaration<Declaration>(call, name, body);

  beforeAll(async () => {
    t = await startTestApp(kind);
    outsider = await outsiderToken(t);
  });
  afterAll(() => t.close());

  it('lists the declarations API in the OpenAPI document', async () => {
    const spec = (await t.client().api('GET', '/api/openapi.json')).json() as {
      paths: Record<string, Record<string, { tags?: string[]; requestBody?: unknown }>>;
    };
    expect(Object.keys(spec.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/declaration-kinds',
        '/api/v1/declarations',
        '/api/v1/declarations/preview',
        '/api/v1/declarations/{id}',
        '/api/v1/declarations/{id}/end',
        '/api/v1/declarations/{id}/amend',
        '/api/v1/declarations/{id}/review',
        '/api/v1/declaration-reviews',
      ]),
    );
    expect(spec.paths['/api/v1/declarations']?.post?.tags).toEqual(['interests']);
    expect(JSON.stringify(spec.paths['/api/v1/declarations']?.post?.requestBody)).toContain('answers');
    expect(JSON.stringify(spec.paths['/api/v1/declarations/{id}/review']?.post?.requestBody)).toContain(
      'conflict-managed',
    );
  });

  it('lists every kind of interest with the questions to answer', async () => {
    const response = await call('liam.barker', 'GET', '/api/v1/declaration-kinds');
    expect(response.statusCode).toBe(200);
    const { items } = response.json() as {
      items: {
        kind: string;
        name: string;
        questions: { key: string; type: string; optional: boolean; askedWhen?: unknown }[];
      }[];
    };
    expect(items).toHaveLength(13);
    const secondary = items.find((item) => item.kind === 'secondary-employment');
    expect(secondary?.name).toBe('Secondary employment');
    expect(secondary?.questions).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ key: 'hoursPerWeek', type: 'hours', optional: false }),
        expect.objectContaining({ key: 'startedOn', type: 'date', optional: true }),
      ]),
    );
    const business = items.find((item) => item.kind === 'business-interest');
    expect(business?.questions.find((question) => question.key === 'associateName')?.askedWhen).toEqual({
      key: 'whose',
      in: ['partner', 'family', 'associate'],
    });
  });

  it('previews a declaration without making it: the 48-hour warning, the reviewer, who is told', async () => {
    const before = await declarationCount();
    const response = await call('liam.barker', 'POST', '/api/v1/declarations/preview', barWork);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({
      kind: 'secondary-employment',
      summary: 'Bar staff, The Red Lion, 16 hours a week',
      parties: [{ kind: 'organisation', role: 'Employer', name: 'The Red Lion' }],
      hoursWarning: { total: 56, limit: 48, message: expect.stringContaining('Working Time Regulations') },
      reviewerName: 'Grace Whitmore',
      notified: [],
    });
    const planning = await call('megan.hall', 'POST', '/api/v1/declarations/preview', {
      kind: 'planning-application',
      answers: { applicant: 'me', siteAddress: '4 Mill Lane, Exampleton' },
    });
    expect(planning.json()).toMatchObject({
      hoursWarning: null,
      reviewerName: 'Robert Ashworth',
      notified: [
        { name: 'Head of Development', why: expect.stringContaining('001 §47') },
        { name: 'Rajesh Patel', why: expect.stringContaining('001 §47') },
      ],
    });
    expect(await declarationCount()).toBe(before);
  });

  it('declares an interest, naming its parties, and asks the line manager to review it', async () => {
    const declaration = await declare('liam.barker', contractor);
    expect(declaration).toMatchObject({
      personId: await idOf('liam.barker'),
      kind: 'contractor-relationship',
      summary: 'Business relationship with Harbour Facilities Ltd',
      reviewerId: await idOf('grace.whitmore'),
      reviewState: 'awaiting-review',
      outcome: null,
      declaredAt: '2026-11-23T09:00:00.000Z',
      version: 1,
    });
    expect(declaration.reference).toMatch(/^DOI-2026-\d{4}$/);
    const email = t.smtp.received.find(
      (message) => message.to.includes('grace.whitmore') && message.subject.includes(declaration.reference),
    );
    expect(email?.subject).toContain('Declaration of interest to review: Liam Barker');
    expect(email?.text).toContain(`/interests/reviews/${declaration.id}`);

    const detail = (
      await call('liam.barker', 'GET', `/api/v1/declarations/${declaration.id}`)
    ).json() as Detail;
    expect(detail.parties).toEqual([
      {
        kind: 'organisation',
        role: 'Contractor',
        name: 'Harbour Facilities Ltd',
        address: '',
        companyNumber: '01234567',
      },
    ]);
    expect(detail.versions.map((version) => version.reason)).toEqual(['Declared']);
    expect(detail).toMatchObject({ canReview: false, canChange: true });
  });

  it.each([
    ['missing everything', {}, ['kind', 'answers']],
    ['an unknown kind', { ...contractor, kind: 'hobby' }, ['kind']],
    ['a number for the kind', { ...contractor, kind: 5 }, ['kind']],
    ['answers as a list', { ...contractor, answers: ['Harbour'] }, ['answers']],
    [
      'an answer as a number',
      { ...barWork, answers: { ...barWork.answers, hoursPerWeek: 16 } },
      ['answers.hoursPerWeek'],
    ],
    [
      'no answers',
      { kind: 'contractor-relationship', answers: {} },
      ['answers.contractorName', 'answers.relationship', 'answers.engages'],
    ],
    [
      'an unknown choice',
      { ...contractor, answers: { ...contractor.answers, relationship: 'cousin' } },
      ['answers.relationship'],
    ],
    [
      'a bad company number',
      { ...contractor, answers: { ...contractor.answers, contractorCompanyNumber: '123' } },
      ['answers.contractorCompanyNumber'],
    ],
    [
      'hours as words',
      { ...barWork, answers: { ...barWork.answers, hoursPerWeek: 'sixteen' } },
      ['answers.hoursPerWeek'],
    ],
    [
      'a start in the future',
      { ...barWork, answers: { ...barWork.answers, startedOn: '2026-11-24' } },
      ['answers.startedOn'],
    ],
    [
      'a start that is not a date',
      { ...barWork, answers: { ...barWork.answers, startedOn: '2026-02-30' } },
      ['answers.startedOn'],
    ],
    [
      'a name too long',
      { ...contractor, answers: { ...contractor.answers, contractorName: 'x'.repeat(201) } },
      ['answers.contractorName'],
    ],
    [
      'a NUL character',
      { ...contractor, answers: { ...contractor.answers, contractorName: 'Harbour\u0000Ltd' } },
      ['answers'],
    ],
  ])('refuses %s with a problem naming the field, and saves nothing', async (_, body, keys) => {
    const before = await declarationCount();
    for (const url of ['/api/v1/declarations', '/api/v1/declarations/preview']) {
      const response = await call('liam.barker', 'POST', url, body);
      expectProblem(response, 400);
      const problem = response.json() as Problem;
      expect(problem.title).toBe('Invalid input');
      expect(problem.errors?.map((error) => error.key)).toEqual(expect.arrayContaining(keys));
    }
    expect(await declarationCount()).toBe(before);
  });

  it('shows each person only the declarations they may see, and audits views of others’', async () => {
    const liams = await declare('liam.barker', barWork);
    const sophies = await declare('sophie.turner', {
      kind: 'membership',
      answers: {
        organisationName: 'Riverside Allotment Society',
        organisationType: 'club',
        role: 'Treasurer',
      },
    });
    const mine = (await call('liam.barker', 'GET', '/api/v1/declarations?limit=500')).json() as Page;
    expect(mine.items.length).toBeGreaterThan(0);
    const liam = await idOf('liam.barker');
    expect(mine.items.every((item) => item.personId === liam)).toBe(true);
    const peer = (await call('sophie.turner', 'GET', '/api/v1/declarations')).json() as Page;
    expect(peer.items.map((item) => item.id)).toEqual([sophies.id]);
    const peeking = await call('sophie.turner', 'GET', `/api/v1/declarations/${liams.id}`);
    expectProblem(peeking, 403);
    for (const name of ['grace.whitmore', 'helen.marsh', 'emma.clarke']) {
      expect((await call(name, 'GET', `/api/v1/declarations/${liams.id}`)).statusCode, name).toBe(200);
      const list = (await call(name, 'GET', '/api/v1/declarations?limit=500')).json() as Page;
      expect(list.items.map((item) => item.id)).toEqual(expect.arrayContaining([liams.id, sophies.id]));
    }
    expectProblem(await call('tom.whitfield', 'GET', `/api/v1/declarations/${liams.id}`), 403);
    expect((await call('tom.whitfield', 'GET', '/api/v1/declarations')).json()).toEqual({
      items: [],
      nextCursor: null,
    });
    const views = await auditEvents(t.db, { action: 'declaration.viewed', recordId: liams.id });
    expect(views.map((view) => view.actor_id)).toEqual(
      expect.arrayContaining([await idOf('grace.whitmore'), await idOf('emma.clarke')]),
    );
  });

  it('filters and pages the register like the register page', async () => {
    // Made in the same instant: the cursor's id breaks the tie.
    for (const organisation of ['Alpha', 'Bravo', 'Charlie', 'Delta', 'Echo']) {
      await declare('megan.hall', {
        kind: 'membership',
        answers: {
          organisationName: `${organisation} Paging Club`,
          organisationType: 'club',
          role: 'Member',
        },
      });
    }
    const all: string[] = [];
    let url = '/api/v1/declarations?limit=2&search=Paging';
    for (let pages = 0; pages < 10; pages++) {
      const page = (await call('emma.clarke', 'GET', url)).json() as Page;
      expect(page.items.length).toBeLessThanOrEqual(2);
      all.push(...page.items.map((item) => item.summary));
      if (!page.nextCursor) break;
      url = `/api/v1/declarations?limit=2&search=Paging&cursor=${page.nextCursor}`;
    }
    expect(new Set(all).size).toBe(5);
    expect(all).toHaveLength(5);

    const memberships = (
      await call('emma.clarke', 'GET', '/api/v1/declarations?kind=membership&status=awaiting-review')
    ).json() as Page;
    expect(memberships.items.length).toBeGreaterThanOrEqual(6);
    expect(memberships.items.every((item) => item.kind === 'membership')).toBe(true);
    const [planning] = (await t.db
      .selectFrom('service')
      .select('id')
      .where('name', '=', 'Planning and Building Control')
      .execute()) as { id: string }[];
    const inPlanning = (
      await call('emma.clarke', 'GET', `/api/v1/declarations?service=${planning?.id}&limit=500`)
    ).json() as Page;
    expect(inPlanning.items.map((item) => item.personId)).toEqual(
      Array(inPlanning.items.length).fill(await idOf('megan.hall')),
    );

    const bad = await call(
      'emma.clarke',
      'GET',
      '/api/v1/declarations?service=planning&kind=hobby&status=lost',
    );
    expectProblem(bad, 400);
    expect((bad.json() as Problem).errors?.map((error) => error.key)).toEqual(['service', 'kind', 'status']);
    for (const [query, key] of [
      ['limit=0', 'limit'],
      ['limit=501', 'limit'],
      ['cursor=garbage', 'cursor'],
      [
        `cursor=${Buffer.from(JSON.stringify(['2026-02-30T00:00:00.000Z', await idOf('liam.barker')])).toString('base64url')}`,
        'cursor',
      ],
      [
        `cursor=${Buffer.from(JSON.stringify(['2026-01-01T00:00:00.000Z', 'x'])).toString('base64url')}`,
        'cursor',
      ],
      ['search=a%00b', 'search'],
    ]) {
      const response = await call('emma.clarke', 'GET', `/api/v1/declarations?${query}`);
      expectProblem(response, 400);
      expect(
        (response.json() as Problem).errors?.map((error) => error.key),
        query,
      ).toContain(key);
    }
  });

  it('takes the review only from the reviewer, checks it, and tells the officer', async () => {
    const declaration = await declare('liam.barker', {
      kind: 'financial-interest',
      answers: {
        bodyName: 'Northgate Revenues Systems plc',
        interestType: 'shareholding',
        councilMatter: 'The revenues system contract renewal',
      },
    });
    const tasks = (await call('grace.whitmore', 'GET', '/api/v1/declaration-reviews')).json() as Page;
    expect(tasks.items.map((item) => item.id)).toContain(declaration.id);
    expect((await call('helen.marsh', 'GET', '/api/v1/declaration-reviews')).json()).toEqual({ items: [] });

    const url = `/api/v1/declarations/${declaration.id}/review`;
    const managed = {
      outcome: 'conflict-managed',
      managementAction: 'Removed from the contract renewal panel',
      nextReviewOn: '2027-05-23',
    };
    for (const name of ['liam.barker', 'helen.marsh', 'emma.clarke']) {
      const wrong = await call(name, 'POST', url, managed);
      expectProblem(wrong, 403);
    }
    expectProblem(await call('sophie.turner', 'POST', url, managed), 403);
    for (const [body, keys] of [
      [{}, ['outcome']],
      [{ outcome: 'fine' }, ['outcome']],
      [{ outcome: 'conflict-managed' }, ['managementAction', 'nextReviewOn']],
      [{ ...managed, nextReviewOn: '2026-11-23' }, ['nextReviewOn']],
      [{ ...managed, nextReviewOn: 'next May' }, ['nextReviewOn']],
      [{ ...managed, managementAction: 'x'.repeat(2001) }, ['managementAction']],
      [{ outcome: 'referred' }, ['referredTo']],
      [{ outcome: 'referred', referredTo: 'police' }, ['referredTo']],
    ] as const) {
      const response = await call('grace.whitmore', 'POST', url, body);
      expectProblem(response, 400);
      expect(
        (response.json() as Problem).errors?.map((error) => error.key),
        JSON.stringify(body),
      ).toEqual(keys);
    }
    const unchanged = (
      await call('liam.barker', 'GET', `/api/v1/declarations/${declaration.id}`)
    ).json() as Detail;
    expect(unchanged.declaration).toMatchObject({ reviewState: 'awaiting-review', version: 1 });

    const reviewed = await call('grace.whitmore', 'POST', url, managed);
    expect(reviewed.statusCode, reviewed.body).toBe(200);
    expect(reviewed.json()).toMatchObject({
      reviewState: 'reviewed',
      outcome: 'conflict-managed',
      managementAction: 'Removed from the contract renewal panel',
      nextReviewOn: '2027-05-23',
      reviewedByName: 'Grace Whitmore',
      version: 2,
    });
    expectProblem(await call('grace.whitmore', 'POST', url, { outcome: 'no-conflict' }), 400);
    const email = t.smtp.received.find(
      (message) => message.to.includes('liam.barker') && message.subject.includes(declaration.reference),
    );
    expect(email?.subject).toContain('has been reviewed: Conflict managed');
    expect(email?.text).toContain('Removed from the contract renewal panel');
    const seen = (
      await call('liam.barker', 'GET', `/api/v1/declarations/${declaration.id}`)
    ).json() as Detail;
    expect(seen.versions.map((version) => version.reason)).toEqual([
      'Declared',
      'Reviewed: Conflict managed',
    ]);
  });

  it('ends a declaration, keeping it, and only its officer may', async () => {
    const declaration = await declare('sophie.turner', {
      kind: 'membership',
      answers: { organisationName: 'Town Bowls Club', organisationType: 'club', role: 'Member' },
    });
    const url = `/api/v1/declarations/${declaration.id}/end`;
    expectProblem(
      await call('grace.whitmore', 'POST', url, { endedOn: '2026-11-20', endReason: 'Left' }),
      403,
    );
    for (const [body, keys] of [
      [{}, ['endedOn', 'endReason']],
      [{ endedOn: '2026-11-24', endReason: 'Left' }, ['endedOn']],
      [{ endedOn: 'yesterday', endReason: 'Left' }, ['endedOn']],
      [{ endedOn: '2026-11-23', endReason: 'x'.repeat(1001) }, ['endReason']],
      [{ endedOn: '2026-11-20', endReason: 'Left before I declared it' }, ['endedOn']],
      [{ endedOn: 20261120, endReason: 'Left' }, ['endedOn']],
    ] as const) {
      const response = await call('sophie.turner', 'POST', url, body);
      expectProblem(response, 400);
      expect(
        (response.json() as Problem).errors?.map((error) => error.key),
        JSON.stringify(body),
      ).toEqual(keys);
    }
    const ended = await call('sophie.turner', 'POST', url, {
      endedOn: '2026-11-23',
      endReason: 'I left the club',
    });
    expect(ended.statusCode, ended.body).toBe(200);
    expect(ended.json()).toMatchObject({ endedOn: '2026-11-23', endReason: 'I left the club', version: 2 });
    expectProblem(
      await call('sophie.turner', 'POST', url, { endedOn: '2026-11-23', endReason: 'Again' }),
      400,
    );
    const listed = (await call('sophie.turner', 'GET', '/api/v1/declarations?status=ended')).json() as Page;
    expect(listed.items.map((item) => item.id)).toEqual([declaration.id]);
    const current = (
      await call('sophie.turner', 'GET', '/api/v1/declarations?status=current')
    ).json() as Page;
    expect(current.items.map((item) => item.id)).not.toContain(declaration.id);
    expectProblem(
      await call('sophie.turner', 'POST', `/api/v1/declarations/${declaration.id}/amend`, {
        answers: { organisationName: 'Town Bowls Club', organisationType: 'club', role: 'Captain' },
        changeReason: 'Promoted',
      }),
      403,
    );
  });

  it('amends a declaration as a new version that goes back for review', async () => {
    const declaration = await declare('liam.barker', {
      kind: 'membership',
      answers: { organisationName: 'Friends of the Park', organisationType: 'grant-aided', role: 'Member' },
    });
    await call('grace.whitmore', 'POST', `/api/v1/declarations/${declaration.id}/review`, {
      outcome: 'no-conflict',
    });
    const url = `/api/v1/declarations/${declaration.id}/amend`;
    const answers = {
      organisationName: 'Friends of the Park',
      organisationType: 'grant-aided',
      role: 'Chair',
    };
    const noReason = await call('liam.barker', 'POST', url, { answers });
    expectProblem(noReason, 400);
    expect((noReason.json() as Problem).errors?.map((error) => error.key)).toEqual(['changeReason']);
    const badAnswer = await call('liam.barker', 'POST', url, {
      answers: { ...answers, organisationType: 'cult' },
    });
    expect((badAnswer.json() as Problem).errors?.map((error) => error.key)).toEqual([
      'answers.organisationType',
      'changeReason',
    ]);
    expectProblem(await call('grace.whitmore', 'POST', url, { answers, changeReason: 'Elected chair' }), 403);
    const before = t.smtp.received.length;
    const amended = await call('liam.barker', 'POST', url, { answers, changeReason: 'Elected chair' });
    expect(amended.statusCode, amended.body).toBe(200);
    expect(amended.json()).toMatchObject({
      declaration: {
        summary: 'Chair of Friends of the Park',
        reviewState: 'awaiting-review',
        outcome: null,
        version: 3,
      },
      hoursWarning: null,
    });
    expect(
      t.smtp.received
        .slice(before)
        .some(
          (message) =>
            message.to.includes('grace.whitmore') && message.text.includes('changed a declaration'),
        ),
    ).toBe(true);
  });

  it('keeps another council out, even with a declaration’s id', async () => {
    const [any] = (await sql<{ id: string }>`select id from declaration limit 1`.execute(t.db)).rows;
    const browser = t.client();
    const read = await browser.api('GET', `/api/v1/declarations/${any?.id}`, undefined, outsider);
    expectProblem(read, 404);
    const list = await browser.api('GET', '/api/v1/declarations?limit=500', undefined, outsider);
    expect(list.json()).toEqual({ items: [], nextCursor: null });
    const review = await browser.api(
      'POST',
      `/api/v1/declarations/${any?.id}/review`,
      { outcome: 'no-conflict' },
      outsider,
    );
    expectProblem(review, 404);
  });

  it('answers 404 for ids that are not UUIDs or not declarations, and 401 without a token', async () => {
    for (const url of [
      '/api/v1/declarations/not-a-uuid',
      '/api/v1/declarations/0196f3a0-0000-7000-8000-000000000000',
      "/api/v1/declarations/1'%20or%201=1",
    ]) {
      expectProblem(await call('emma.clarke', 'GET', url), 404);
    }
    for (const [action, body] of [
      ['review', { outcome: 'no-conflict' }],
      ['end', { endedOn: '2026-11-23', endReason: 'Ended' }],
      ['amend', { answers: {}, changeReason: 'x' }],
    ] as const) {
      expectProblem(await call('grace.whitmore', 'POST', `/api/v1/declarations/12345/${action}`, body), 404);
    }
    expectProblem(await t.client().api('GET', '/api/v1/declarations'), 401);
    expectProblem(await t.client().api('POST', '/api/v1/declarations', contractor), 401);
  });
});
