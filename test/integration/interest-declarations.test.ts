import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.ts';
import { demo, demoClients } from '../support/clients.ts';
import { databaseKinds } from '../support/databases.ts';
import { personIdByEmail } from '../support/people.ts';
import { auditEvents, rowCount } from '../support/rows.ts';

type Client = ReturnType<TestApp['client']>;

const unknownId = '01900000-0000-7000-8000-000000000000';

const secondJob = {
  employerName: 'Fastway Couriers',
  jobTitle: 'Delivery driver',
  hoursPerWeek: '12',
  contractedHours: '37',
  paid: 'yes',
};

// The declaration pages, through HTTP as a browser uses them.
describe.each(databaseKinds)('declaring an interest on %s', (kind) => {
  let t: TestApp;
  const client = demoClients(() => t);
  const count = (table: 'declaration' | 'declaration_version' | 'declaration_party') => rowCount(t.db, table);
  const emailsTo = (name: string) => t.smtp.received.filter((email) => email.to === demo(name));

  async function start(officer: Client, declarationKind: string) {
    const started = await officer.post('/interests/new', { kind: declarationKind });
    expect(started.statusCode).toBe(303);
    return String(started.headers.location);
  }

  // Answers a kind's questions and opens the check page.
  async function answer(officer: Client, declarationKind: string, form: Record<string, string>) {
    const draft = await start(officer, declarationKind);
    const answered = await officer.post(draft, form);
    expect(answered.statusCode, answered.body).toBe(303);
    expect(answered.headers.location).toBe(`${draft}/check`);
    const check = await officer.get(`${draft}/check`);
    expect(check.statusCode).toBe(200);
    return { draft, check };
  }

  async function declare(officer: Client, declarationKind: string, form: Record<string, string>) {
    const { draft, check } = await answer(officer, declarationKind, form);
    const made = await officer.post(`${draft}/check`);
    expect(made.statusCode).toBe(303);
    const location = String(made.headers.location);
    expect(location).toMatch(/^\/interests\/[0-9a-f-]{36}\?made=1$/);
    return { draft, check, id: location.slice('/interests/'.length, -'?made=1'.length), location };
  }

  beforeAll(async () => {
    t = await startTestApp(kind);
  });
  afterAll(() => t.close());

  it('offers every kind of declaration, with its hint', async () => {
    const officer = await client('liam.barker');
    const page = await officer.get('/interests/new');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('What do you want to declare?');
    expect(page.body).toContain('Secondary employment');
    expect(page.body).toContain('Any other job, self-employment or business activity, paid or unpaid');
    expect(page.body).toContain('Relationship with a councillor');
    expect(page.body.match(/name="kind"/g)).toHaveLength(13);
  });

  it('warns an officer whose secondary employment passes 48 hours a week, and sends it to their line manager', async () => {
    const officer = await client('liam.barker');
    const { check, id, location } = await declare(officer, 'secondary-employment', secondJob);
    expect(check.body).toContain(
      'Your contracted and declared hours come to 49 a week, more than the average of 48',
    );
    expect(check.body).toContain('ask your manager for advice');
    expect(check.body).toContain('Your declaration goes to Grace Whitmore to review');
    expect(check.body).toContain('Fastway Couriers');
    expect(check.body).toContain('12 hours');

    const entry = await officer.get(location);
    expect(entry.statusCode).toBe(200);
    expect(entry.body).toContain('Declaration made');
    expect(entry.body).toMatch(/Your reference is DOI-2026-\d{4}/);
    expect(entry.body).toContain('Delivery driver, Fastway Couriers, 12 hours a week');
    expect(entry.body).toContain('Awaiting review');
    expect(entry.body).toContain('Hours a week in this job');
    expect(entry.body).toContain('Change this declaration');
    expect(entry.body).toMatch(
      /<a href="\/interests\/[0-9a-f-]{36}\/end" role="button"[^>]*class="govuk-button govuk-button--secondary"[^>]*>Record that this interest has ended<\/a>/,
    );
    expect(entry.body).not.toContain('Review this declaration');
    // The Working Time Regulations warning stays on the declaration and on its reviewer's page.
    expect(entry.body).toContain('Your contracted and declared hours come to 49 a week');
    const again = await officer.get(`/interests/${id}`);
    expect(again.body).toContain('id="hours-warning"');
    const reviewer = await client('grace.whitmore');
    const review = await reviewer.get(`/interests/reviews/${id}`);
    expect(review.body).toContain(
      'Their contracted and declared hours come to 49 a week, more than the average of 48',
    );
    expect((await reviewer.get(`/interests/${id}`)).body).toContain('They should ask their manager');
    // The officer's answers read to their manager in the third person.
    expect(entry.body).toContain('Your contracted hours a week with the council');
    for (const page of [review, await reviewer.get(`/interests/${id}`)]) {
      expect(page.body).toContain('Their contracted hours a week with the council');
      expect(page.body).not.toContain('Your contracted hours');
    }

    const [email] = emailsTo('grace.whitmore').filter((e) => e.text.includes('Fastway Couriers'));
    expect(email?.subject).toContain('Declaration of interest to review: Liam Barker');
    expect(email?.text).toContain(`http://probity.test/interests/reviews/${id}`);
  });

  it('records both the business and the partner of a partner’s business interest', async () => {
    const officer = await client('sophie.turner');
    const before = await count('declaration_party');
    const { check, location } = await declare(officer, 'business-interest', {
      whose: 'partner',
      'associateName-partner': 'Sam Turner',
      businessName: 'Turner Landscapes Ltd',
      businessCompanyNumber: '01234567',
      businessAddress: '1 High Street, Ashford',
      position: 'director',
      councilWork: 'may-contract',
    });
    expect(check.body).toContain('Business: Turner Landscapes Ltd (company number 01234567)');
    expect(check.body).toContain('Person with the interest: Sam Turner');
    expect(await count('declaration_party')).toBe(before + 2);
    const entry = await officer.get(location);
    expect(entry.body).toContain('My husband, wife or partner');
    expect(entry.body).toContain('Sam Turner');
    expect(entry.body).toContain('1 High Street, Ashford');
    expect(entry.body).toContain('Person with the interest');
  });

  it('tells the Head of Development and the monitoring officer of a planning application', async () => {
    const officer = await client('megan.hall');
    const { check } = await declare(officer, 'planning-application', {
      applicant: 'relative',
      'applicantName-relative': 'Ann Hall',
      siteAddress: '4 Mill Lane\nAshford',
      applicationReference: 'PA/26/0042',
    });
    expect(check.body).toContain('Head of Development');
    expect(check.body).toContain('Rajesh Patel');
    expect(check.body).toContain('Your declaration goes to Robert Ashworth to review');
    const told = (name: string) =>
      emailsTo(name).filter((email) => email.text.includes('Planning application PA/26/0042'));
    expect(told('tom.whitfield')).toHaveLength(1);
    expect(told('tom.whitfield')[0]?.text).toContain('(Officers’ Code of Conduct, paragraph 47)');
    expect(told('rajesh.patel')).toHaveLength(1);
    expect(told('robert.ashworth')).toHaveLength(1);
  });

  it('tells the officer to write to the Head of Development when the council has not said who that is', async () => {
    const settings = (
      await t.db
        .selectFrom('council_policy')
        .select('settings')
        .where('council_id', '=', t.councilId)
        .executeTakeFirstOrThrow()
    ).settings as Record<string, unknown>;
    const setEmail = (email: unknown) =>
      t.db
        .updateTable('council_policy')
        .set({ settings: JSON.stringify({ ...settings, headOfDevelopmentEmail: email }) })
        .where('council_id', '=', t.councilId)
        .execute();
    await setEmail('');
    try {
      const { check } = await answer(await client('ahmed.karim'), 'planning-application', {
        applicant: 'me',
        siteAddress: '9 Mill Lane',
      });
      expect(check.body).toContain('has not set the Head of Development’s email address');
      expect(check.body).toContain('Rajesh Patel');
    } finally {
      await setEmail(settings.headOfDevelopmentEmail);
    }
  });

  it('sends a declaration naming the line manager to the manager’s manager', async () => {
    const officer = await client('liam.barker');
    const { check } = await declare(officer, 'close-associate', {
      associateName: 'Grace Whitmore',
      relationship: 'sibling',
      situation: 'employed',
      associateJob: 'Revenues Team Leader',
    });
    expect(check.body).toContain('Your declaration goes to Helen Marsh to review');
    expect(emailsTo('helen.marsh').some((email) => email.text.includes('Brother or sister employed'))).toBe(
      true,
    );
  });

  it('answers bad input with messages, keeps what was typed, and makes nothing', async () => {
    const officer = await client('liam.barker');
    const declarations = await count('declaration');

    const noKind = await officer.post('/interests/new', {});
    expect(noKind.statusCode).toBe(400);
    expect(noKind.body).toContain('Select what you are declaring');
    expect(noKind.body).toContain('href="#kind"');
    expect((await officer.post('/interests/new', { kind: 'bribery' })).statusCode).toBe(400);

    const draft = await start(officer, 'secondary-employment');
    const empty = await officer.post(draft, {});
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('There is a problem');
    expect(empty.body).toContain('Enter an answer to “Employer or business name”');
    expect(empty.body).toContain('Select an answer to “Is it paid”');
    const wrong = await officer.post(draft, {
      ...secondJob,
      hoursPerWeek: 'lots',
      employerCompanyNumber: '123',
      'startedOn-day': '31',
      'startedOn-month': '2',
      'startedOn-year': '2026',
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain('“Hours a week in this job” must be a number of hours, like 16 or 7.5');
    expect(wrong.body).toContain('Company number must be 8 characters');
    expect(wrong.body).toContain('“When did it start” must be a real date');
    expect(wrong.body).toContain('href="#startedOn-day"');
    expect(wrong.body).toContain('value="lots"');
    expect(wrong.body).toContain('value="31"');
    // The check page sends an officer with wrong answers back to the questions.
    const check = await officer.get(`${draft}/check`);
    expect(check.statusCode).toBe(303);
    expect(check.headers.location).toBe(draft);
    const made = await officer.post(`${draft}/check`);
    expect(made.headers.location).toBe(draft);
    // What was typed is still there when the officer comes back to the page.
    expect((await officer.get(draft)).body).toContain('value="lots"');

    const planning = await start(officer, 'planning-application');
    const noName = await officer.post(planning, { applicant: 'associate', siteAddress: '4 Mill Lane' });
    expect(noName.statusCode).toBe(400);
    expect(noName.body).toContain('Enter an answer to “The applicant’s full name”');
    expect(noName.body).toContain('href="#applicantName-associate"');
    expect(await count('declaration')).toBe(declarations);
  });

  it('finds no one else’s draft, and makes a declaration once however often it is sent', async () => {
    const officer = await client('liam.barker');
    const peer = await client('sophie.turner');
    const draft = await start(officer, 'membership');
    expect((await peer.get(draft)).statusCode).toBe(404);
    expect((await peer.post(draft, { organisationName: 'Stolen' })).statusCode).toBe(404);
    expect((await officer.get(`/interests/new/${unknownId}`)).statusCode).toBe(404);
    expect((await officer.get('/interests/new/not-a-draft/check')).statusCode).toBe(404);
    expect((await officer.get(`/interests/${unknownId}`)).statusCode).toBe(404);
    expect((await officer.get('/interests/not-an-id/change')).statusCode).toBe(404);

    await officer.post(draft, {
      organisationName: 'Ashford Rotary Club',
      organisationType: 'club',
      role: 'Member',
    });
    const before = await count('declaration');
    const [first, second] = await Promise.all([
      officer.post(`${draft}/check`),
      officer.post(`${draft}/check`),
    ]);
    expect(await count('declaration')).toBe(before + 1);
    expect([first?.headers.location, second?.headers.location]).toContain('/interests');
    const again = await officer.post(`${draft}/check`);
    expect(again.headers.location).toBe('/interests');
    expect((await officer.get(draft)).statusCode).toBe(404);
    expect((await peer.post(`/interests/new/${unknownId}/check`)).headers.location).toBe('/interests');
    expect(await count('declaration')).toBe(before + 1);
  });

  it('forgets drafts left for more than a week', async () => {
    const officer = await client('sophie.turner');
    const kept = await start(officer, 'membership');
    const abandoned = await start(officer, 'membership');
    await t.db
      .updateTable('declaration_draft')
      .set({ updated_at: new Date('2026-11-15T09:00:00Z') })
      .where('id', '=', abandoned.split('/').at(-1) ?? '')
      .execute();
    await t.jobs.find((job) => job.name === 'abandoned declaration drafts')?.run();
    expect((await officer.get(abandoned)).statusCode).toBe(404);
    expect((await officer.get(kept)).statusCode).toBe(200);
  });

  it('shows a declaration to the declarant, their line manager and HR, and audits who looked', async () => {
    const officer = await client('liam.barker');
    const { id } = await declare(officer, 'contractor-relationship', {
      contractorName: 'Kent Roofing Ltd',
      relationship: 'private',
      engages: 'no',
    });
    expect((await (await client('sophie.turner')).get(`/interests/${id}`)).statusCode).toBe(403);
    expect((await (await client('sophie.turner')).get(`/interests/${id}/change`)).statusCode).toBe(403);
    expect((await (await client('sophie.turner')).post(`/interests/${id}/end`)).statusCode).toBe(403);
    const manager = await (await client('grace.whitmore')).get(`/interests/${id}`);
    expect(manager.statusCode).toBe(200);
    expect(manager.body).toContain('Review this declaration');
    expect(manager.body).toContain(`href="/interests/reviews/${id}"`);
    expect(manager.body).not.toContain('Change this declaration');
    expect((await (await client('grace.whitmore')).get(`/interests/${id}/change`)).statusCode).toBe(403);
    const hr = await (await client('emma.clarke')).get(`/interests/${id}`);
    expect(hr.statusCode).toBe(200);
    expect(hr.body).toContain('Kent Roofing Ltd');
    expect(hr.body).not.toContain('Review this declaration');

    const viewers = await auditEvents(t.db, { action: 'declaration.viewed', recordId: id });
    const ids = viewers.map((row) => row.actor_id);
    expect(ids).toContain(await personIdByEmail(t.db, demo('grace.whitmore')));
    expect(ids).toContain(await personIdByEmail(t.db, demo('emma.clarke')));
    expect(ids).not.toContain(await personIdByEmail(t.db, demo('liam.barker')));
  });

  it('ends a declaration and keeps it, marked ended', async () => {
    const officer = await client('sophie.turner');
    const { id } = await declare(officer, 'membership', {
      organisationName: 'Ashford Allotment Society',
      organisationType: 'club',
      role: 'Treasurer',
    });
    const versions = await count('declaration_version');
    const form = await officer.get(`/interests/${id}/end`);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('When did it end?');

    const endOn = (day: string, month: string, year: string) =>
      officer.post(`/interests/${id}/end`, {
        'endedOn-day': day,
        'endedOn-month': month,
        'endedOn-year': year,
        endReason: 'Left the society',
      });
    const empty = await officer.post(`/interests/${id}/end`, {});
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('Enter the date the interest ended');
    expect(empty.body).toContain('Say why the interest ended');
    expect(empty.body).toContain('href="#endedOn-day"');
    const future = await endOn('1', '1', '2027');
    expect(future.statusCode).toBe(400);
    expect(future.body).toContain('Date it ended must be today or in the past');
    expect(future.body).toContain('Left the society');
    expect(future.body).toContain('value="2027"');
    const impossible = await endOn('30', '2', '2026');
    expect(impossible.body).toContain('Date it ended must be a real date');
    expect(await count('declaration_version')).toBe(versions);

    const ended = await endOn('23', '11', '2026');
    expect(ended.statusCode).toBe(303);
    expect(ended.headers.location).toBe(`/interests/${id}?ended=1`);
    const entry = await officer.get(String(ended.headers.location));
    expect(entry.body).toContain('Declaration ended');
    expect(entry.body).toContain('Ended on 23 November 2026');
    expect(entry.body).toContain('Ended: Left the society');
    expect(entry.body).toContain('Ashford Allotment Society');
    expect(entry.body).not.toContain('Change this declaration');
    // An ended declaration can no longer be changed or ended: its pages lead back to it.
    expect((await officer.get(`/interests/${id}/end`)).headers.location).toBe(`/interests/${id}`);
    expect((await officer.get(`/interests/${id}/change`)).headers.location).toBe(`/interests/${id}`);
    expect(await count('declaration_version')).toBe(versions + 1);
  });

  it('saves a change as a new version, sends it for review again and warns of the hours', async () => {
    const officer = await client('ahmed.karim');
    const { id } = await declare(officer, 'secondary-employment', {
      ...secondJob,
      employerName: 'Weekend Surveys',
      hoursPerWeek: '4',
    });
    await t.db
      .updateTable('declaration')
      .set({
        review_state: 'reviewed',
        outcome: 'no-conflict',
        reviewed_by_name: 'Robert Ashworth',
        reviewed_at: new Date(),
      })
      .where('id', '=', id)
      .execute();
    const reviewed = (await officer.get(`/interests/${id}`)).body;
    expect(reviewed).toContain('Reviewed: No conflict');
    // The officer sees the outcome in the review's own rows too.
    expect(reviewed).toMatch(/Outcome\s*<\/dt>\s*<dd class="govuk-summary-list__value">\s*No conflict/);

    const form = await officer.get(`/interests/${id}/change`);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('value="Weekend Surveys"');
    expect(form.body).toContain('value="4"');

    const versions = await count('declaration_version');
    const noReason = await officer.post(`/interests/${id}/change`, { ...secondJob, hoursPerWeek: '' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.body).toContain('Say what has changed');
    expect(noReason.body).toContain('Enter an answer to “Hours a week in this job”');
    expect(noReason.body).toContain('value="Fastway Couriers"');
    expect(await count('declaration_version')).toBe(versions);

    const changed = await officer.post(`/interests/${id}/change`, {
      ...secondJob,
      employerName: 'Weekend Surveys',
      hoursPerWeek: '20',
      changeReason: 'My hours went up',
    });
    expect(changed.statusCode).toBe(303);
    const entry = await officer.get(String(changed.headers.location));
    expect(entry.body).toContain('Declaration changed and sent for review');
    expect(entry.body).toContain('Your contracted and declared hours come to 57 a week');
    expect(entry.body).toContain('Awaiting review');
    expect(entry.body).toContain('My hours went up, by Ahmed Karim');
    expect(entry.body).toContain('Weekend Surveys, 20 hours a week');
    const row = await t.db
      .selectFrom('declaration')
      .select(['version', 'review_state', 'weekly_hours'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ version: 2, review_state: 'awaiting-review', weekly_hours: 20 });
    expect(await count('declaration_version')).toBe(versions + 1);
    expect(
      emailsTo('robert.ashworth').some(
        (email) => email.text.includes('has changed a declaration') && email.text.includes('Weekend Surveys'),
      ),
    ).toBe(true);
  });
});
