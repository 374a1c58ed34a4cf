import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/platform/clock.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { demoClients } from '../support/clients.ts';
import { csrfOf, postMultipart } from '../support/complaint-intake.ts';
import { receiveComplaint } from '../support/complaints.ts';
import { databaseKinds, demoSeededAt } from '../support/databases.ts';
import { sendWrittenLetter } from '../support/letters.ts';

// Working days never run out: outside GOV.UK's list of bank holidays (2018–2028 as shipped) they are
// worked out from the division's rules, and each deadline says so; and each deadline's explanation
// is the one its date was worked out with.
describe.each(databaseKinds)('deadlines before and after the bank holiday list on %s', (kind) => {
  let t: TestApp;
  const clock = fixedClock(demoSeededAt);
  const client = demoClients(() => t);
  beforeAll(async () => {
    t = await startTestApp(kind, { clock });
  });
  afterAll(() => t.close());

  const stage = (reference: string, number: 1 | 2) =>
    t.db
      .selectFrom('complaint_stage as s')
      .innerJoin('complaint as c', (join) =>
        join.onRef('c.council_id', '=', 's.council_id').onRef('c.id', '=', 's.complaint_id'),
      )
      .selectAll('s')
      .where('c.council_id', '=', t.councilId)
      .where('c.reference', '=', reference)
      .where('s.stage', '=', number)
      .executeTakeFirstOrThrow();
  const post = async (who: string, url: string, form: Record<string, string>) =>
    (await client(who)).post(url, form);
  const accept = async (reference: string) =>
    sendWrittenLetter(
      await client('lucy.adeyemi'),
      await post('lucy.adeyemi', `/complaints/${reference}/triage`, {
        decision: 'complaint',
        category: 'delay',
        housing: 'yes',
      }),
    );

  it('logs a complaint received in 2016 and works out its deadlines from the rules', async () => {
    const james = await client('james.oneill');
    const form = await james.get('/complaints/log');
    expect(form.statusCode).toBe(200);
    const submission = /name="submission" value="([^"]+)"/.exec(form.body)?.[1] as string;
    const logged = await postMultipart(
      t,
      james,
      '/complaints/log',
      {
        _csrf: csrfOf(form.body),
        submission,
        channel: 'letter',
        'receivedOn-day': '21',
        'receivedOn-month': '12',
        'receivedOn-year': '2016',
        receivedTime: '10:00am',
        forWhom: 'self',
        name: 'Ada Early',
        email: 'ada.early@example.test',
        phone: '',
        address: '',
        preference: 'email',
        serviceId: 'unknown',
        whatHappened: 'A letter found in an old file, never answered.',
        'happenedOn-day': '1',
        'happenedOn-month': '12',
        'happenedOn-year': '2016',
        wantedOutcome: 'An answer.',
        needsAdjustments: 'no',
        adjustments: '',
      },
      null,
    );
    expect(logged.statusCode, logged.body).toBe(303);
    const reference = /CMP-\d{4}-\d{4}/.exec(String(logged.headers.location))?.[0] as string;
    // Wednesday 21 December 2016: Boxing Day on the Monday, Christmas Day's substitute on the Tuesday.
    expect(await stage(reference, 1)).toMatchObject({
      started_on: '2016-12-21',
      acknowledge_by: '2016-12-30',
    });
    const page = await james.get(`/complaints/${reference}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(
      'bank holidays before 1 January 2018 are worked out from their rules, not from GOV.UK’s list',
    );
  });

  it('keeps each date with the explanation it was worked out with when the policy changes before triage', async () => {
    clock.set(demoSeededAt);
    const reference = await receiveComplaint(t, { name: 'Ben Policy', email: 'ben.policy@example.test' });
    // Logged on Monday 23 November 2026 with 5 working days to acknowledge.
    expect(await stage(reference, 1)).toMatchObject({ acknowledge_by: '2026-11-30' });
    await sql`update council_policy set settings = settings || '{"stage1AcknowledgeDays": 3, "stage1RespondDays": 15}'::jsonb
      where council_id = ${t.councilId}`.execute(t.db);
    await accept(reference);
    const accepted = await stage(reference, 1);
    // The acknowledgement date stays as worked out at logging, and so does its line; the response
    // date is worked out again at triage, on the new policy, and its line says so.
    expect(accepted).toMatchObject({ acknowledge_by: '2026-11-30', respond_by: '2026-12-14' });
    const [acknowledgeLine, respondLine] = accepted.deadline_basis.split('\n');
    expect(acknowledgeLine).toContain('Stage 1 acknowledgement: 5 working days after it was received');
    expect(respondLine).toContain(
      'Stage 1 response: 15 working days after it was acknowledged on Monday 23 November 2026',
    );
    const page = await (await client('lucy.adeyemi')).get(`/complaints/${reference}`);
    expect(page.body).toContain('Stage 1 acknowledgement: 5 working days after it was received');
    expect(page.body).toContain('Stage 1 response: 15 working days after it was acknowledged');
    await sql`update council_policy set settings = settings || '{"stage1AcknowledgeDays": 5, "stage1RespondDays": 10}'::jsonb
      where council_id = ${t.councilId}`.execute(t.db);
  });

  it('logs, accepts, extends and escalates a complaint with the clock in 2029, and queues it', async () => {
    // Thursday 20 December 2029, after GOV.UK's list ends: Christmas and Boxing Day, New Year's Day.
    clock.set(new Date('2029-12-20T10:00:00Z'));
    client.forget();
    const reference = await receiveComplaint(t, {
      name: 'Cara Later',
      email: 'cara.later@example.test',
      'happenedOn-day': '3',
      'happenedOn-month': '12',
      'happenedOn-year': '2029',
    });
    expect(await stage(reference, 1)).toMatchObject({
      started_on: '2029-12-20',
      acknowledge_by: '2029-12-31',
    });
    await accept(reference);
    expect(await stage(reference, 1)).toMatchObject({ respond_by: '2030-01-08' });
    const lucy = await client('lucy.adeyemi');
    await sendWrittenLetter(
      lucy,
      await post('lucy.adeyemi', `/complaints/${reference}/extend`, {
        days: '5',
        reason: 'Records held over',
      }),
    );
    const extended = await stage(reference, 1);
    expect(extended.extended_to).toBe('2030-01-15');
    expect(extended.deadline_basis).toContain(
      'bank holidays after 31 December 2028 are worked out from their rules, not from GOV.UK’s list',
    );
    const queue = await lucy.get('/complaints');
    expect(queue.statusCode).toBe(200);
    expect(queue.body).toContain(reference);
    expect(queue.body).toContain('15 January 2030');
    expect((await lucy.get('/')).statusCode).toBe(200);

    await sendWrittenLetter(
      lucy,
      await post('lucy.adeyemi', `/complaints/${reference}/respond`, {
        outcome: 'upheld',
        findings: 'The records were late.',
      }),
    );
    await sendWrittenLetter(
      lucy,
      await post('lucy.adeyemi', `/complaints/${reference}/escalate`, { reason: 'Said by phone' }),
    );
    // Stage 2 from Thursday 20 December 2029: 20 working days, past Christmas and New Year.
    expect(await stage(reference, 2)).toMatchObject({ started_on: '2029-12-20', respond_by: '2030-01-22' });
  });

  it('works out the gift register review due dates in 2030', async () => {
    clock.set(new Date('2030-01-21T10:00:00Z'));
    client.forget();
    const head = await client('helen.marsh');
    const reviews = await head.get('/gifts/reviews');
    expect(reviews.statusCode).toBe(200);
    expect(reviews.body).toContain('Q4 2029 (October to December)');
    expect(reviews.body).toMatch(/January 2030/);
    expect((await head.get('/')).statusCode).toBe(200);
    const oversight = await client('emma.clarke');
    expect((await oversight.get('/gifts/reviews/dashboard')).statusCode).toBe(200);
  });
});
