import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoApi, expectProblem, outsider, type Problem } from '../support/api.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { demo, demoClients } from '../support/clients.ts';
import { errorSummary } from '../support/customers.ts';
import { databaseKinds } from '../support/databases.ts';
import { addTestPerson, personIdByEmail, tokenFor } from '../support/people.ts';
import { auditEvents, rowCount } from '../support/rows.ts';

// The customers API: the customer pages' use cases over JSON (003 vexatious procedure), with the
// same need-to-know, and every letter written as a draft to check. Today in the test app is
// Monday 23 November 2026.

type Restriction = { id: string; kind: string; endsOn: string | null; reviewOn: string; active: boolean };
type Record = {
  customer: { id: string; name: string; category: string };
  wholeRecord: boolean;
  warning: { restrictions: { id: string }[] } | null;
  contacts: { id: string; summary: string; loggedByName: string }[];
  restrictions: Restriction[];
  reviews: { decision: string | null }[];
};
type Decided = { record: Record; letter: { id: string; state: string; checkAt: string } };

const contact = (summary: string) => ({
  date: '2026-11-20',
  time: '14:30',
  channel: 'phone',
  minutes: 25,
  summary,
  outcome: 'Told them the matter is closed',
});
const evidence = {
  behaviour: 'You have phoned 14 times in two weeks about a matter we answered on 2 October.',
  evidence: '14 calls between 9 and 20 November, 5 hours of officer time.',
  equalityCheck: 'No disability or other need known; written contact offered.',
};

describe.each(databaseKinds)('the customers API on %s', (kind) => {
  let t: TestApp;
  const call = demoApi(() => t);
  const browser = demoClients(() => t);
  const lucyId = () => personIdByEmail(t.db, demo('lucy.adeyemi'));

  beforeAll(async () => {
    t = await startTestApp(kind);
  });
  afterAll(() => t.close());

  async function newCustomer(name: string) {
    const made = await call('lucy.adeyemi', 'POST', '/api/v1/customers', {
      name,
      email: '',
      phone: '0116 496 0000',
    });
    expect(made.statusCode, made.body).toBe(201);
    const id = (made.json() as Record).customer.id;
    const logged = await call(
      'lucy.adeyemi',
      'POST',
      `/api/v1/customers/${id}/contacts`,
      contact('Called again'),
    );
    expect(logged.statusCode, logged.body).toBe(201);
    return id;
  }

  async function step(name: string, id: string, path: string, extra: object = {}) {
    const answer = await call(name, 'POST', `/api/v1/customers/${id}/${path}`, { ...evidence, ...extra });
    expect(answer.statusCode, answer.body).toBe(200);
    return answer.json() as Decided;
  }

  async function vexatious(name: string) {
    const id = await newCustomer(name);
    await step('james.oneill', id, 'warning');
    await step('james.oneill', id, 'pre-vexatious', { singlePointOfContactId: await lucyId() });
    await step('lucy.adeyemi', id, 'vexatious', { singlePointOfContactId: await lucyId() });
    return id;
  }

  const letter = (id: string) =>
    t.db
      .selectFrom('letter')
      .select(['state', 'kind', 'sent_at'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();

  it('shows the whole record to the complaints team, and others only the warning and their own contacts', async () => {
    const id = await newCustomer('Vera Visibility');
    const logged = await call(
      'chloe.roberts',
      'POST',
      `/api/v1/customers/${id}/contacts`,
      contact('Chloe took a call'),
    );
    expect(logged.statusCode, logged.body).toBe(201);
    expect(logged.json()).toMatchObject({ summary: 'Chloe took a call', channel: 'phone', minutes: 25 });

    const adviser = (await call('chloe.roberts', 'GET', `/api/v1/customers/${id}`)).json() as Record;
    expect(adviser.wholeRecord).toBe(false);
    expect(adviser.contacts.map((c) => c.summary)).toEqual(['Chloe took a call']);
    expectProblem(await call('chloe.roberts', 'GET', `/api/v1/customers/${id}/restrictions`), 403);

    const team = (await call('james.oneill', 'GET', `/api/v1/customers/${id}`)).json() as Record;
    expect(team.wholeRecord).toBe(true);
    expect(team.contacts.map((c) => c.summary).sort()).toEqual(['Called again', 'Chloe took a call']);
    const timeline = await call('james.oneill', 'GET', `/api/v1/customers/${id}/contacts`);
    expect(timeline.json()).toMatchObject({ totalMinutes: 50 });
    const found = await call('chloe.roberts', 'GET', '/api/v1/customers?q=Vera%20Visibility');
    expect(found.json().items.map((c: { id: string }) => c.id)).toEqual([id]);
  });

  it('takes a customer up each step and restricts them, each letter a draft; an ended restriction stops showing', async () => {
    const id = await newCustomer('Wendell Warned');
    const warned = await step('james.oneill', id, 'warning');
    expect(warned.record.customer.category).toBe('warned');
    expect(warned.letter).toMatchObject({ state: 'draft', checkAt: `/letters/${warned.letter.id}` });
    expect(await letter(warned.letter.id)).toMatchObject({ state: 'draft', kind: 'warning', sent_at: null });
    await step('james.oneill', id, 'pre-vexatious', { singlePointOfContactId: await lucyId() });
    const vex = await step('lucy.adeyemi', id, 'vexatious', {
      singlePointOfContactId: await lucyId(),
      restrictions: ['no-phone'],
    });
    expect(vex.record.restrictions).toMatchObject([{ kind: 'no-phone', active: true, endsOn: null }]);

    const restricted = await call('lucy.adeyemi', 'POST', `/api/v1/customers/${id}/restrictions`, {
      kind: 'no-meetings',
      reason: 'Meetings have ended in shouting',
      startsOn: '2026-11-23',
      reviewOn: '2027-01-04',
      endsOn: '2027-02-01',
    });
    expect(restricted.statusCode, restricted.body).toBe(201);
    const made = restricted.json() as Decided;
    expect(await letter(made.letter.id)).toMatchObject({ state: 'draft', kind: 'vexatious' });
    const meetings = made.record.restrictions.find((r) => r.kind === 'no-meetings');
    expect(meetings).toMatchObject({ endsOn: '2027-02-01', reviewOn: '2027-01-04', active: true });

    // On the page too, with its end date.
    const page = await (await browser('lucy.adeyemi')).get(`/customers/${id}`);
    expect(page.body).toContain('Ends 1 February 2027');

    // Lifted early at a review: the letter is a draft, and the restriction is no longer active.
    const lifted = await call(
      'lucy.adeyemi',
      'POST',
      `/api/v1/customers/${id}/restrictions/${meetings?.id}/end`,
      { endReason: 'Meetings have been calm since' },
    );
    expect(lifted.statusCode, lifted.body).toBe(200);
    const after = lifted.json() as Decided;
    expect(after.record.restrictions.find((r) => r.id === meetings?.id)?.active).toBe(false);
    expect(await letter(after.letter.id)).toMatchObject({ state: 'draft', kind: 'restriction-review' });
    const again = await call(
      'lucy.adeyemi',
      'POST',
      `/api/v1/customers/${id}/restrictions/${meetings?.id}/end`,
      {
        endReason: 'Twice',
      },
    );
    expectProblem(again, 400);
  });

  it('refuses a restriction whose end date is not after its review, and changes nothing', async () => {
    const id = await vexatious('Edna Enddate');
    const before = await rowCount(t.db, 'contact_restriction');
    const lettersBefore = await rowCount(t.db, 'letter');
    const refused = await call('lucy.adeyemi', 'POST', `/api/v1/customers/${id}/restrictions`, {
      kind: 'no-phone',
      reason: 'Abusive calls',
      startsOn: '2026-11-23',
      reviewOn: '2027-03-23',
      endsOn: '2027-01-01',
    });
    expectProblem(refused, 400);
    expect((refused.json() as Problem).errors).toEqual([
      {
        key: 'endsOn',
        message: 'The review date must be before the end date, so that it is reviewed before it ends',
      },
    ]);
    const backwards = await call('lucy.adeyemi', 'POST', `/api/v1/customers/${id}/restrictions`, {
      kind: 'no-phone',
      reason: 'Abusive calls',
      startsOn: '2026-11-23',
      endsOn: '2026-11-01',
    });
    expectProblem(backwards, 400);
    expect((backwards.json() as Problem).errors?.map((e) => e.key)).toContain('endsOn');
    // The page takes the end date too, by the same rule.
    const page = await (await browser('lucy.adeyemi')).post(`/customers/${id}/restrictions/new`, {
      kind: 'no-phone',
      scopeServiceId: '',
      reason: 'Abusive calls',
      detail: '',
      namedOfficerId: '',
      ...{ 'startsOn-day': '23', 'startsOn-month': '11', 'startsOn-year': '2026' },
      ...{ 'reviewOn-day': '23', 'reviewOn-month': '3', 'reviewOn-year': '2027' },
      ...{ 'endsOn-day': '1', 'endsOn-month': '1', 'endsOn-year': '2027' },
    });
    expect(page.statusCode).toBe(400);
    expect(errorSummary(page.body)).toEqual([
      'The review date must be before the end date, so that it is reviewed before it ends',
    ]);
    const malformed = await call('lucy.adeyemi', 'POST', `/api/v1/customers/${id}/restrictions`, { kind: 3 });
    expectProblem(malformed, 400);
    // An officer who is not a person's id, and a review date past the policy's period, are refused.
    const refusals = async (body: { [field: string]: unknown }) => {
      const answer = await call('lucy.adeyemi', 'POST', `/api/v1/customers/${id}/restrictions`, {
        reason: 'Abusive calls',
        startsOn: '2026-11-23',
        ...body,
      });
      expectProblem(answer, 400);
      return (answer.json() as Problem).errors?.map((e) => e.message);
    };
    expect(await refusals({ kind: 'named-officer-only', namedOfficerId: 'nope' })).toEqual([
      'Choose the officer they may contact',
    ]);
    expect(await refusals({ kind: 'no-phone', reviewOn: '9999-12-30' })).toEqual([
      'The review date must be no later than 23 March 2027, 4 months after the start',
    ]);
    expect(await refusals({ kind: 'no-phone', startsOn: '1900-01-01' })).toEqual([
      'The start date must be within the last year',
    ]);
    expect(await rowCount(t.db, 'contact_restriction')).toBe(before);
    expect(await rowCount(t.db, 'letter')).toBe(lettersBefore);
  });

  it('stops showing a restriction to staff once its end date has passed', async () => {
    const id = await vexatious('Pat Passed');
    await t.db
      .insertInto('contact_restriction')
      .values({
        council_id: t.councilId,
        id: '019a0000-0000-7000-8000-000000000001',
        customer_id: id,
        kind: 'end-calls',
        scope_service_id: null,
        scope_service_name: '',
        detail: '',
        reason: 'Long calls',
        named_officer_id: null,
        starts_on: '2026-06-01',
        review_on: '2026-09-01',
        ends_on: '2026-11-23',
        ended_on: null,
        end_reason: '',
        imposed_by: await lucyId(),
        imposed_at: new Date('2026-06-01T09:00:00Z'),
      })
      .execute();
    const record = (await call('lucy.adeyemi', 'GET', `/api/v1/customers/${id}`)).json() as Record;
    expect(record.restrictions.find((r) => r.kind === 'end-calls')?.active).toBe(false);
    expect(record.warning?.restrictions ?? []).toEqual([]);
    const reviews = (await call('lucy.adeyemi', 'GET', '/api/v1/customer-reviews')).json();
    expect(reviews.items.map((r: { id: string }) => r.id)).not.toContain(id);
    const page = await (await browser('lucy.adeyemi')).get(`/customers/${id}`);
    expect(page.body).toContain('Ended 23 November 2026, its end date');
  });

  it('records a request for a review and the review, whose letter is a draft', async () => {
    const id = await vexatious('Rory Review');
    const asked = await call('james.oneill', 'POST', `/api/v1/customers/${id}/review-requests`, {
      requestedOn: '2026-11-20',
      request: 'Please lift the restrictions',
    });
    expect(asked.statusCode, asked.body).toBe(201);
    const due = (await call('lucy.adeyemi', 'GET', '/api/v1/customer-reviews')).json();
    expect(due.items.find((r: { id: string }) => r.id === id)).toMatchObject({ requested: true });
    expectProblem(
      await call('james.oneill', 'POST', `/api/v1/customers/${id}/reviews`, { decision: 'lift', notes: 'x' }),
      403,
    );
    const reviewed = await call('lucy.adeyemi', 'POST', `/api/v1/customers/${id}/reviews`, {
      decision: 'lift',
      notes: 'Calm for three months',
    });
    expect(reviewed.statusCode, reviewed.body).toBe(200);
    const decided = reviewed.json() as Decided;
    expect(decided.record.customer.category).toBe('none');
    expect(await letter(decided.letter.id)).toMatchObject({ state: 'draft', sent_at: null });
  });

  it('answers 403 without the permission and 404 for another council’s customer, changing nothing', async () => {
    const id = await newCustomer('Olu Otherwise');
    expectProblem(await call('chloe.roberts', 'POST', `/api/v1/customers/${id}/warning`, evidence), 403);
    expectProblem(await call('james.oneill', 'POST', `/api/v1/customers/${id}/vexatious`, evidence), 403);
    const other = await outsider(t, 'customers-elsewhere');
    const managerThere = await addTestPerson(t.db, other.councilId, {
      email: 'manager@customers-elsewhere.test',
      roles: ['officer', 'complaints-manager'],
    });
    const token = await tokenFor(t.db, other.councilId, managerThere);
    expectProblem(await t.client().api('GET', `/api/v1/customers/${id}`, undefined, token), 404);
    const warning = await t.client().api('POST', `/api/v1/customers/${id}/warning`, evidence, token);
    expectProblem(warning, 404);
    const contactThere = await t
      .client()
      .api('POST', `/api/v1/customers/${id}/contacts`, contact('x'), token);
    expectProblem(contactThere, 404);
    const record = (await call('lucy.adeyemi', 'GET', `/api/v1/customers/${id}`)).json() as Record;
    expect(record.customer.category).toBe('none');
    expect(record.contacts).toHaveLength(1);
  });

  it('lets one of two simultaneous warnings win: one decision, one letter', async () => {
    const id = await newCustomer('Sid Simultaneous');
    const answers = await Promise.all([
      call('james.oneill', 'POST', `/api/v1/customers/${id}/warning`, evidence),
      call('hannah.price', 'POST', `/api/v1/customers/${id}/warning`, evidence),
    ]);
    expect(answers.map((answer) => answer.statusCode).sort()).toEqual([200, 400]);
    const categorised = await auditEvents(t.db, { recordId: id, action: 'customer.categorised' });
    expect(categorised).toHaveLength(1);
    const letters = await t.db.selectFrom('letter').select('kind').where('customer_id', '=', id).execute();
    expect(letters.map((row) => row.kind)).toEqual(['warning']);
  });

  it('puts one restriction of a kind in place for a scope, however many ask at once', async () => {
    const id = await vexatious('Greta Again');
    const restriction = { kind: 'written-only', reason: 'Calls became abusive', startsOn: '2026-11-23' };
    const path = `/api/v1/customers/${id}/restrictions`;
    const answers = await Promise.all(
      Array.from({ length: 6 }, () => call('lucy.adeyemi', 'POST', path, restriction)),
    );
    expect(answers.map((answer) => answer.statusCode).sort()).toEqual([201, 400, 400, 400, 400, 400]);
    for (const refused of answers.filter((answer) => answer.statusCode === 400))
      expect(refused.body).toMatch(/already have this restriction across the council|Someone else has just/);
    const later = await call('lucy.adeyemi', 'POST', path, restriction);
    expectProblem(later, 400);
    expect(later.body).toContain('They already have this restriction across the council');
    const kept = await t.db
      .selectFrom('contact_restriction')
      .select('kind')
      .where('customer_id', '=', id)
      .where('kind', '=', 'written-only')
      .execute();
    expect(kept).toHaveLength(1);
    const letters = await t.db.selectFrom('letter').select('kind').where('customer_id', '=', id).execute();
    expect(letters.filter((row) => row.kind === 'vexatious')).toHaveLength(2);
  });

  it('ends a restriction once when asked to end it many times at once: one review, one letter', async () => {
    const id = await vexatious('Ezra Ended');
    const made = await call('lucy.adeyemi', 'POST', `/api/v1/customers/${id}/restrictions`, {
      kind: 'no-meetings',
      reason: 'Meetings have ended in shouting',
      startsOn: '2026-11-23',
    });
    expect(made.statusCode, made.body).toBe(201);
    const restrictionId = (made.json() as Decided).record.restrictions.find(
      (r) => r.kind === 'no-meetings',
    )?.id;
    const end = () =>
      call('lucy.adeyemi', 'POST', `/api/v1/customers/${id}/restrictions/${restrictionId}/end`, {
        endReason: 'Calm since',
      });
    const answers = await Promise.all(Array.from({ length: 6 }, end));
    expect(answers.map((answer) => answer.statusCode).sort()).toEqual([200, 400, 400, 400, 400, 400]);
    expect(await auditEvents(t.db, { recordId: id, action: 'customer.reviewed' })).toHaveLength(1);
    const letters = await t.db.selectFrom('letter').select('kind').where('customer_id', '=', id).execute();
    expect(letters.filter((row) => row.kind === 'restriction-review')).toHaveLength(1);
  });
});
