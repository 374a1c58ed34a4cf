import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseworkService } from '../../src/modules/complaints/casework/service.ts';
import { customersService } from '../../src/modules/customers/service.ts';
import { complaintLetters } from '../../src/modules/letters/service.ts';
import { organisationService } from '../../src/modules/organisation/service.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { demo, demoClients, demoPersonId } from '../support/clients.ts';
import { receiveComplaint } from '../support/complaints.ts';
import { databaseKinds } from '../support/databases.ts';
import { sendWrittenLetter } from '../support/letters.ts';

describe.each(databaseKinds)('complaint casework on %s', (kind) => {
  let t: TestApp;
  const client = demoClients(() => t);
  beforeAll(async () => {
    t = await startTestApp(kind);
  });
  afterAll(() => t.close());

  const personId = (name: string) => demoPersonId(t, name);
  const complaint = (reference: string) =>
    t.db
      .selectFrom('complaint')
      .selectAll()
      .where('council_id', '=', t.councilId)
      .where('reference', '=', reference)
      .executeTakeFirstOrThrow();
  const stage = async (reference: string, number: 1 | 2) =>
    t.db
      .selectFrom('complaint_stage')
      .selectAll()
      .where('council_id', '=', t.councilId)
      .where('complaint_id', '=', (await complaint(reference)).id)
      .where('stage', '=', number)
      .executeTakeFirstOrThrow();
  const letters = async (reference: string) =>
    t.db
      .selectFrom('letter')
      .select(['kind', 'body', 'recipient_email', 'recipient_address'])
      .where('council_id', '=', t.councilId)
      .where('complaint_id', '=', (await complaint(reference)).id)
      .orderBy('sent_at')
      .execute();
  const emailsTo = (name: string) => t.smtp.received.filter((email) => email.to === demo(name));
  const post = async (who: string, url: string, form: Record<string, string> | [string, string][]) =>
    (await client(who)).post(url, form);

  it('takes a housing complaint from triage to closure over two stages, with every letter', async () => {
    const reference = await receiveComplaint(t, { name: 'Amira Shah', email: 'amira.shah@example.test' });
    const lucy = await client('lucy.adeyemi');

    const queue = await lucy.get('/complaints');
    expect(queue.statusCode).toBe(200);
    expect(queue.body).toContain('Awaiting triage');
    expect(queue.body).toContain(reference);
    // Not yet acknowledged: the date it must meet next is the acknowledgement's, not the response's.
    const at = queue.body.indexOf(`>${reference}</a>`);
    const row = queue.body.slice(at, queue.body.indexOf('</tr>', at));
    expect(row).toContain('Acknowledgement due');
    expect(row).toContain('30 November 2026');
    expect((await stage(reference, 1)).respond_by).not.toBe('2026-11-30');

    const page = await lucy.get(`/complaints/${reference}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Complaint from Amira Shah');
    expect(page.body).toContain('amira.shah@example.test');
    // Received Monday 23 November 2026: acknowledge within 5 working days, with how it was worked out.
    expect(page.body).toContain(
      'Stage 1 acknowledgement: 5 working days after it was received on Monday 23 November 2026, under the Complaint Handling Code, on England and Wales bank holidays',
    );

    // Bad input: the form comes back with the error summary and what was typed.
    const incomplete = await post('lucy.adeyemi', `/complaints/${reference}/triage`, {
      decision: 'complaint',
      reason: 'kept',
    });
    expect(incomplete.statusCode).toBe(400);
    expect(incomplete.body).toContain('There is a problem');
    expect(incomplete.body).toContain('Select what the complaint is about');
    expect(incomplete.body).toContain('>kept</textarea>');

    // The housing question defaults to yes for the Housing service.
    const triagePage = await lucy.get(`/complaints/${reference}/triage`);
    expect(triagePage.body).toMatch(/name="housing" type="radio" value="yes" checked/);
    // Each decision's letter is checked and sent by whoever made it (letter-drafts.test.ts).
    await sendWrittenLetter(
      lucy,
      await post('lucy.adeyemi', `/complaints/${reference}/triage`, {
        decision: 'complaint',
        category: 'delay',
        housing: 'yes',
      }),
    );
    const accepted = await complaint(reference);
    expect(accepted).toMatchObject({
      status: 'stage-1',
      triage_decision: 'complaint',
      category: 'delay',
      housing: true,
    });
    // Accepting it is its acknowledgement, today: the response is due 10 working days later.
    expect(await stage(reference, 1)).toMatchObject({
      acknowledged_on: '2026-11-23',
      respond_by: '2026-12-07',
    });
    expect((await letters(reference)).map((l) => l.kind)).toEqual(['acknowledgement']);

    // Allocation: a complaints officer independent of Housing.
    const hannah = await personId('hannah.price');
    expect(
      (await post('lucy.adeyemi', `/complaints/${reference}/allocate`, { handlerId: hannah })).statusCode,
    ).toBe(303);
    expect(emailsTo('hannah.price').some((email) => email.subject.includes(reference))).toBe(true);

    // Accounts from the service (its head, Kwame Mensah) and a named officer.
    const michael = await personId('michael.bennett');
    const asked = await post('lucy.adeyemi', `/complaints/${reference}/ask`, [
      ['service', 'yes'],
      ['officerIds', michael],
      ['question', 'What happened to the repair request in October?'],
      ['dueOn-day', '30'],
      ['dueOn-month', '11'],
      ['dueOn-year', '2026'],
    ]);
    expect(asked.statusCode, asked.body).toBe(303);
    expect(emailsTo('kwame.mensah').some((email) => email.subject.includes(reference))).toBe(true);
    expect(emailsTo('michael.bennett').some((email) => email.text.includes('/complaints/accounts/'))).toBe(
      true,
    );

    // Extension: at most 10 working days at stage 1, with a reason.
    const tooLong = await post('lucy.adeyemi', `/complaints/${reference}/extend`, { days: '11', reason: '' });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.body).toContain('Stage 1 can be extended by at most 10 working days');
    expect(tooLong.body).toContain('Give the good reason for the extension');
    await sendWrittenLetter(
      lucy,
      await post('lucy.adeyemi', `/complaints/${reference}/extend`, {
        days: '5',
        reason: 'Waiting for repair records',
      }),
    );
    expect(await stage(reference, 1)).toMatchObject({
      extended_to: '2026-12-14',
      extension_reason: 'Waiting for repair records',
    });
    const extension = (await letters(reference)).find((l) => l.kind === 'extension');
    expect(extension?.body).toContain('14 December 2026');
    expect(extension?.body).toContain('Housing Ombudsman');

    // A remedy with an amount in pounds, kept in pence.
    const kwame = await personId('kwame.mensah');
    const remedy = await post('lucy.adeyemi', `/complaints/${reference}/remedies`, {
      kind: 'financial-redress',
      description: 'Refund of the call-out charge',
      amount: '120.50',
      ownerId: kwame,
      'dueOn-day': '18',
      'dueOn-month': '12',
      'dueOn-year': '2026',
    });
    expect(remedy.statusCode, remedy.body).toBe(303);
    const remedies = await t.db
      .selectFrom('complaint_remedy')
      .selectAll()
      .where('complaint_id', '=', accepted.id)
      .execute();
    expect(remedies).toMatchObject([{ kind: 'financial-redress', amount_pence: 12050, done_on: null }]);

    // Stage 1 response.
    const responded = await post('lucy.adeyemi', `/complaints/${reference}/respond`, {
      outcome: 'partially-upheld',
      findings: 'The repair was booked late.',
    });
    await sendWrittenLetter(lucy, responded);
    expect(await complaint(reference)).toMatchObject({
      status: 'stage-1-responded',
      resolved_on: '2026-11-23',
    });
    const stage1Letter = (await letters(reference)).find((l) => l.kind === 'stage-1-response');
    expect(stage1Letter?.body).toContain('partially upheld');
    expect(stage1Letter?.body).toContain('£120.50');

    // Escalation received by phone; stage 2 must go to someone other than Hannah.
    await sendWrittenLetter(
      lucy,
      await post('lucy.adeyemi', `/complaints/${reference}/escalate`, { reason: 'Said by phone' }),
    );
    expect(await complaint(reference)).toMatchObject({ status: 'stage-2', stage: 2, resolved_on: null });
    expect(await stage(reference, 2)).toMatchObject({
      started_on: '2026-11-23',
      acknowledged_on: '2026-11-23',
      respond_by: '2026-12-21',
    });
    const sameHandler = await post('lucy.adeyemi', `/complaints/${reference}/allocate`, {
      handlerId: hannah,
    });
    expect(sameHandler.statusCode).toBe(400);
    expect(sameHandler.body).toContain(
      'Hannah Price handled stage 1: stage 2 must be handled by someone else',
    );
    const james = await personId('james.oneill');
    expect(
      (await post('lucy.adeyemi', `/complaints/${reference}/allocate`, { handlerId: james })).statusCode,
    ).toBe(303);

    // Nor may the stage 1 handler write the stage 2 response.
    const sameResponder = await post('hannah.price', `/complaints/${reference}/respond`, {
      outcome: 'not-upheld',
      findings: 'Reviewed.',
    });
    expect(sameResponder.statusCode).toBe(400);
    expect(sameResponder.body).toContain(
      'You handled stage 1: the stage 2 response must come from someone else',
    );
    expect(await complaint(reference)).toMatchObject({ status: 'stage-2' });

    // The final response names the Housing Ombudsman.
    await sendWrittenLetter(
      lucy,
      await post('lucy.adeyemi', `/complaints/${reference}/respond`, {
        outcome: 'not-upheld',
        findings: 'Reviewed.',
      }),
    );
    const final = (await letters(reference)).find((l) => l.kind === 'stage-2-response');
    expect(final?.body).toContain('Housing Ombudsman');
    expect(final?.recipient_email).toBe('amira.shah@example.test');
    // Every letter went once, by email with its PDF: the acknowledgement, the extension, both
    // responses and the stage 2 acknowledgement.
    const sent = t.smtp.received.filter((e) => e.to === 'amira.shah@example.test' && e.attachments.length);
    expect(sent).toHaveLength(5);

    // Remedies are tracked after the response; improvements recorded against the service.
    const remedyId = remedies[0]?.id ?? '';
    expect(
      (await post('lucy.adeyemi', `/complaints/${reference}/remedies/${remedyId}/done`, {})).statusCode,
    ).toBe(303);
    expect(
      (
        await post('lucy.adeyemi', `/complaints/${reference}/improvements`, {
          improvement: 'Repairs are booked the day they are reported',
        })
      ).statusCode,
    ).toBe(303);
    const improvement = await t.db
      .selectFrom('service_improvement')
      .selectAll()
      .where('complaint_id', '=', accepted.id)
      .executeTakeFirstOrThrow();
    expect(improvement.service_name).toBe('Housing');

    expect((await post('lucy.adeyemi', `/complaints/${reference}/close`, {})).statusCode).toBe(303);
    expect((await complaint(reference)).status).toBe('closed');
    const again = await post('lucy.adeyemi', `/complaints/${reference}/close`, {});
    expect(again.statusCode).toBe(400);
    expect(again.body).toContain('This complaint cannot be closed: it is closed');

    const closedPage = await lucy.get(`/complaints/${reference}`);
    expect(closedPage.body).toContain('Closed');
    expect(closedPage.body).toContain('Refund of the call-out charge');

    const audit = await t.db
      .selectFrom('audit_event')
      .select('action')
      .where('council_id', '=', t.councilId)
      .where('record_id', '=', accepted.id)
      .execute();
    expect(new Set(audit.map((a) => a.action))).toEqual(
      new Set([
        'complaint.received',
        'complaint.viewed',
        'complaint.triaged',
        'complaint.allocated',
        'complaint.accounts-requested',
        'complaint.extended',
        'complaint.remedy-added',
        'complaint.responded',
        'complaint.escalated',
        'complaint.remedy-done',
        'complaint.improvement-recorded',
        'complaint.closed',
        ...audit.map((a) => a.action).filter((action) => action.startsWith('letter.')),
      ]),
    );
  });

  it('refuses what is not a complaint with a letter giving the reason and the Ombudsman', async () => {
    const reference = await receiveComplaint(t, {
      service: 'Planning and Building Control',
      email: 'ben@example.test',
    });
    const noReason = await post('lucy.adeyemi', `/complaints/${reference}/triage`, {
      decision: 'out-of-scope',
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.body).toContain('Give the reason, for the letter to the person');
    await sendWrittenLetter(
      await client('lucy.adeyemi'),
      await post('lucy.adeyemi', `/complaints/${reference}/triage`, {
        decision: 'out-of-scope',
        reason:
          'The planning committee made this decision; councillors’ decisions cannot be looked at (003 §2.4).',
      }),
    );
    expect(await complaint(reference)).toMatchObject({
      status: 'not-accepted',
      triage_decision: 'out-of-scope',
      resolved_on: '2026-11-23',
    });
    const [refusal] = await letters(reference);
    expect(refusal?.kind).toBe('refusal');
    expect(refusal?.body).toContain('councillors’ decisions cannot be looked at');
    expect(refusal?.body).toContain('Local Government and Social Care Ombudsman');
    expect(
      t.smtp.received.some((email) => email.to === 'ben@example.test' && email.text.includes('Ombudsman')),
    ).toBe(true);

    const respond = await post('lucy.adeyemi', `/complaints/${reference}/respond`, {
      outcome: 'upheld',
      findings: 'x',
    });
    expect(respond.statusCode).toBe(400);
    expect(respond.body).toContain(
      'This complaint cannot be given a stage 1 response: it was not accepted as a complaint',
    );
    const allocate = await post('lucy.adeyemi', `/complaints/${reference}/allocate`, {
      handlerId: await personId('james.oneill'),
    });
    expect(allocate.statusCode).toBe(400);
  });

  it('accepts a late complaint only at discretion, and refuses a handler from the service complained about', async () => {
    const reference = await receiveComplaint(t, {
      service: 'Legal and Democratic Services',
      email: 'cara@example.test',
      address: '1 High Street, Demo Town',
      preference: 'post',
      'happenedOn-year': '2024',
    });
    const late = await post('lucy.adeyemi', `/complaints/${reference}/triage`, {
      decision: 'complaint',
      category: 'staff-behaviour',
      housing: 'no',
    });
    expect(late.statusCode).toBe(400);
    expect(late.body).toContain('It was made more than 12 months after the event');
    expect(late.body).toContain('Say why you are accepting a late complaint');
    expect(
      (
        await post('lucy.adeyemi', `/complaints/${reference}/triage`, {
          decision: 'complaint',
          category: 'staff-behaviour',
          housing: 'no',
          lateAccepted: 'yes',
          reason: 'They were in hospital for most of the year',
        })
      ).statusCode,
    ).toBe(303);
    expect(await complaint(reference)).toMatchObject({ late_accepted: true, housing: false });
    // They asked for post: the acknowledgement is printed and posted, not emailed.
    expect(await letters(reference)).toMatchObject([
      { kind: 'acknowledgement', recipient_email: '', recipient_address: '1 High Street, Demo Town' },
    ]);

    const refused = await post('lucy.adeyemi', `/complaints/${reference}/allocate`, {
      handlerId: await personId('james.oneill'),
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('works in Legal and Democratic Services, the service complained about');
    expect((await stage(reference, 1)).handler_id).toBeNull();
    // The form says it before anyone tries.
    expect((await (await client('lucy.adeyemi')).get(`/complaints/${reference}/allocate`)).body).toContain(
      'choose a complaints officer independent of it',
    );
  });

  it('reminds the handler once before each deadline, however many processes run the job', async () => {
    const reference = await receiveComplaint(t, {
      service: 'Finance and Revenues',
      email: 'dev@example.test',
    });
    await post('lucy.adeyemi', `/complaints/${reference}/triage`, {
      decision: 'complaint',
      category: 'service-quality',
      housing: 'no',
    });
    await post('lucy.adeyemi', `/complaints/${reference}/allocate`, {
      handlerId: await personId('james.oneill'),
    });
    expect((await stage(reference, 1)).respond_by).toBe('2026-12-07');

    // Two processes, each with its own services over the same database.
    const process = () => {
      const deps = { db: t.db, clock: t.clock, outbox: t.outbox, baseUrl: 'http://probity.test' };
      const organisation = organisationService(deps);
      const letters = complaintLetters({ ...deps, organisation });
      const customers = customersService({ ...deps, organisation }, { letters });
      return caseworkService({ ...deps, organisation }, { letters, customers });
    };
    const reminders = () =>
      emailsTo('james.oneill').filter((email) => email.subject.includes(`complaint ${reference} response`));

    // The handler's queue shows each complaint with where its deadline stands (signed in afresh:
    // the clock moves past the session's idle limit).
    const queueRow = async () => {
      client.forget();
      const body = (await (await client('james.oneill')).get('/complaints')).body;
      const at = body.indexOf(`>${reference}</a>`);
      return at < 0 ? '' : body.slice(at, body.indexOf('</tr>', at));
    };

    // Monday 23rd: the response is 10 working days away, not yet at risk.
    await process().sendReminders(t.councilId);
    expect(reminders()).toHaveLength(0);
    expect(await queueRow()).toContain('On track');
    expect(await queueRow()).toContain('Response due');

    // Thursday 3 December: two working days before Monday 7th.
    const forward = Date.parse('2026-12-03T07:00:00Z') - t.clock.now().getTime();
    t.clock.advance(forward);
    await Promise.all([process().sendReminders(t.councilId), process().sendReminders(t.councilId)]);
    await process().sendReminders(t.councilId);
    await t.deliverEmails();
    expect(reminders()).toHaveLength(1);
    expect(reminders()[0]?.subject).toBe(
      `Due soon: complaint ${reference} response is due Monday 7 December 2026`,
    );
    expect(reminders()[0]?.text).toContain(`http://probity.test/complaints/${reference}`);
    expect(await queueRow()).toContain('At risk');
    t.clock.advance(7 * 86_400_000);
    expect(await queueRow()).toContain('Overdue');
    t.clock.advance(-forward - 7 * 86_400_000);
  });
  it('under the council’s single-stage policy: 3 working days, 10 weeks, one final response, no stage 2', async () => {
    const stored = await t.db
      .selectFrom('council_policy')
      .select('settings')
      .where('council_id', '=', t.councilId)
      .executeTakeFirst();
    const setRegime = (regime: string) => {
      const settings = JSON.stringify({
        ...((stored?.settings as object | undefined) ?? {}),
        complaintRegime: regime,
      });
      return t.db
        .insertInto('council_policy')
        .values({ council_id: t.councilId, settings, updated_at: new Date() })
        .onConflict((oc) => oc.column('council_id').doUpdateSet({ settings }))
        .execute();
    };
    await setRegime('single-stage');
    try {
      const reference = await receiveComplaint(t, {
        service: 'Customer Services',
        email: 'sol@example.test',
      });
      expect(await complaint(reference)).toMatchObject({ regime: 'single-stage' });
      expect(await stage(reference, 1)).toMatchObject({
        acknowledge_by: '2026-11-26',
        respond_by: '2027-02-01',
      });
      await post('lucy.adeyemi', `/complaints/${reference}/triage`, {
        decision: 'complaint',
        category: 'other',
        housing: 'no',
      });
      // Accepting does not move a resolution date counted from receipt (003 §5.3).
      expect((await stage(reference, 1)).respond_by).toBe('2027-02-01');
      const responded = await post('lucy.adeyemi', `/complaints/${reference}/respond`, {
        outcome: 'upheld',
        findings: 'We got it wrong.',
      });
      expect(responded.statusCode).toBe(303);
      const final = (await letters(reference)).find((l) => l.kind === 'single-stage-response');
      expect(final?.body).toContain('Local Government and Social Care Ombudsman');
      const escalate = await post('lucy.adeyemi', `/complaints/${reference}/escalate`, { reason: '' });
      expect(escalate.statusCode).toBe(400);
      expect(escalate.body).toContain('The council’s single-stage complaints policy has no stage 2');
      expect((await post('lucy.adeyemi', `/complaints/${reference}/close`, {})).statusCode).toBe(303);
    } finally {
      await setRegime('complaint-handling-code');
    }
  });
});
