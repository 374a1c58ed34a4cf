import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  anonymiseLetters,
  type ComplaintLetters,
  complaintLetters,
  kindNames,
  letterKinds,
} from '../../src/modules/letters/service.ts';
import { policyFields } from '../../src/modules/organisation/policy-settings/catalogue.ts';
import { organisationService } from '../../src/modules/organisation/service.ts';
import { actorFor } from '../../src/platform/audit/audit-trail.ts';
import type { Principal } from '../../src/platform/auth/principal.ts';
import { principalByEmail } from '../../src/platform/auth/principals.ts';
import { fixedClock } from '../../src/platform/clock.ts';
import { InvalidInput } from '../../src/platform/errors.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { demo, demoClients } from '../support/clients.ts';
import { receiveComplaint } from '../support/complaints.ts';
import { databaseKinds, demoSeededAt } from '../support/databases.ts';
import { type OtherCouncil, seedOtherCouncil } from '../support/other-council.ts';
import { pdfWords } from '../support/pdf-text.ts';
import { auditEvents } from '../support/rows.ts';

// Letters are checked before they go (issue 17): a decision's letter is a draft its writer reads
// as it will be sent, may change, and sends; where the council requires a second person's
// approval of the kind, someone on the complaints team who had no hand in it approves it, which
// sends it, or returns it. One letter goes however many people press at once; a sent letter never
// changes; the Code's dates are the day the letter went. The demo council's clock reads Monday
// 23 November 2026, 9am.

const day = 24 * 60 * 60 * 1000;

describe.each(databaseKinds)('letters checked before they go on %s', (kind) => {
  let t: TestApp;
  let letters: ComplaintLetters;
  let other: OtherCouncil;
  const clock = fixedClock(demoSeededAt);
  const client = demoClients(() => t);
  const principal = async (name: string, councilId = t.councilId, email = demo(name)) => {
    const found = await principalByEmail(t.db, councilId, email);
    if (!found) throw new Error(`No such person: ${email}`);
    return found;
  };
  const row = (id: string) =>
    t.db.selectFrom('letter').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const letterIdOf = (location: unknown) =>
    /^\/letters\/([0-9a-f-]{36})\?done=written$/.exec(String(location))?.[1] ?? '';
  const emailsTo = (address: string) => t.smtp.received.filter((email) => email.to === address);
  // The letters in the outbox to this address (not the email confirming a complaint was received).
  const outboxFor = async (address: string) =>
    (
      await t.db
        .selectFrom('outbound_email')
        .select('id')
        .where('recipient', '=', address)
        .where('subject', 'not like', '%: CMP-%')
        .execute()
    ).length;
  const needApproval = async (kinds: string[]) => {
    const deps = { db: t.db, clock, outbox: t.outbox, baseUrl: 'http://probity.test' };
    const organisation = organisationService(deps);
    const admin = await principal('chris.taylor');
    const policy = await organisation.policy(t.councilId);
    await organisation.updatePolicy(actorFor(admin), { ...policy, lettersNeedingApproval: kinds });
  };
  const taskCount = async (who: Principal, title: string) =>
    (await t.tasksFor(who)).find((task) => task.title === title)?.count ?? 0;

  // A complaint received online and triaged by the complaints manager: its acknowledgement drafted.
  async function triaged(name: string) {
    const reference = await receiveComplaint(t, {
      name,
      email: `${name.split(' ')[0]?.toLowerCase()}@example.test`,
    });
    const response = await (await client('lucy.adeyemi')).post(`/complaints/${reference}/triage`, {
      decision: 'complaint',
      category: 'delay',
      housing: 'yes',
    });
    expect(response.statusCode).toBe(303);
    return { reference, letterId: letterIdOf(response.headers.location) };
  }

  beforeAll(async () => {
    t = await startTestApp(kind, { clock });
    const deps = { db: t.db, clock, outbox: t.outbox, baseUrl: 'http://probity.test' };
    letters = complaintLetters({ ...deps, organisation: organisationService(deps) });
    other = await seedOtherCouncil(t);
  });
  afterAll(() => t?.close());

  it('keeps a decision’s letter as a draft its writer reads as it will go, changes and sends, once', async () => {
    const { reference, letterId } = await triaged('Amira Shah');
    expect(letterId).not.toBe('');
    expect(await row(letterId)).toMatchObject({ state: 'draft', version: 1, sent_at: null, emailed: true });
    expect(await outboxFor('amira@example.test')).toBe(0);

    const lucy = await client('lucy.adeyemi');
    const page = await lucy.get(`/letters/${letterId}?done=written`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Your decision is recorded. Its letter has not gone yet');
    expect(page.body).toContain('Not sent yet');
    expect(page.body).toContain('The letter as it will be sent');
    expect(page.body).toContain('Dear Amira Shah');
    expect(page.body).toContain('Send the letter');
    expect(page.body).toContain(`href="/letters/${letterId}/edit"`);
    // The PDF as it will go, dated today.
    const preview = await lucy.get(`/letters/${letterId}/pdf`);
    expect(pdfWords(preview.rawPayload)).toContain('Date: 23 November 2026');
    // On the case and on the writer's home page.
    expect((await lucy.get(`/complaints/${reference}`)).body).toMatch(
      /id="unsent-letters"[\s\S]*href="\/letters\/[0-9a-f-]{36}">Acknowledgement<\/a>: not sent yet/,
    );
    expect((await lucy.get(`/complaints/${reference}/letters`)).body).toMatch(
      /Acknowledgement<\/a>[\s\S]*Not sent yet/,
    );
    const lucyP = await principal('lucy.adeyemi');
    expect(await taskCount(lucyP, 'Letters you wrote to check and send')).toBe(1);
    expect((await t.tasksFor(lucyP)).find((task) => task.module === 'letters')?.urgency).toBe('today');
    expect((await lucy.get('/letters')).body).toContain(`href="/letters/${letterId}"`);

    // A change that drops the response date the records hold is refused, changing nothing.
    const original = (await row(letterId)).body;
    const dropped = await lucy.post(`/letters/${letterId}/edit`, {
      version: '1',
      subject: '',
      body: original.replace('7 December 2026', 'soon'),
    });
    expect(dropped.statusCode).toBe(400);
    expect(dropped.body).toContain('There is a problem');
    expect(dropped.body).toContain('<a href="#subject">Enter the subject</a>');
    expect(dropped.body).toContain(
      'Letter must still give the date the response is due, as written: “7 December 2026”',
    );
    expect(await row(letterId)).toMatchObject({ version: 1, body: original });

    const changed = original.replace(
      'Thank you for your complaint',
      'Thank you for telling us about your complaint',
    );
    const saved = await lucy.post(`/letters/${letterId}/edit`, {
      version: '1',
      subject: 'We have your complaint',
      body: changed.replaceAll('\n', '\r\n'),
    });
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe(`/letters/${letterId}?done=saved`);
    expect(await row(letterId)).toMatchObject({
      version: 2,
      subject: 'We have your complaint',
      body: changed,
    });

    // Sent from a page read before the change: refused, so that what goes is what was read.
    const stale = await lucy.post(`/letters/${letterId}`, { action: 'send', version: '1' });
    expect(stale.statusCode).toBe(400);
    expect(stale.body).toContain('Someone changed this letter after you opened it');
    const sent = await lucy.post(`/letters/${letterId}`, { action: 'send', version: '2' });
    expect(sent.statusCode).toBe(303);
    expect(await row(letterId)).toMatchObject({ state: 'sent', version: 3, sent_by: lucyP.personId });
    const emails = emailsTo('amira@example.test').filter((email) => !email.subject.includes(': CMP-'));
    expect(emails.map((email) => email.subject)).toEqual(['We have your complaint']);
    expect(emails[0]?.text).toContain('Thank you for telling us about your complaint');
    expect(emails[0]?.attachments.map((a) => a.filename)).toEqual([`${reference}-acknowledgement.pdf`]);
    expect(pdfWords(emails[0]?.attachments[0]?.content ?? Buffer.alloc(0))).toContain(
      'Thank you for telling us about your complaint',
    );
    const changes = (await auditEvents(t.db, { recordId: letterId })).filter(
      (e) => e.action !== 'letter.viewed',
    );
    expect(changes.map((event) => [event.action, event.actor_id])).toEqual([
      ['letter.written', lucyP.personId],
      ['letter.edited', lucyP.personId],
      ['letter.sent', lucyP.personId],
    ]);
    expect(await taskCount(lucyP, 'Letters you wrote to check and send')).toBe(0);
  });

  it('never changes a sent letter: not by its page, its service, nor in the database; retention may blank it', async () => {
    const { letterId } = await triaged('Bella Okafor');
    const lucyP = await principal('lucy.adeyemi');
    await letters.send(lucyP, letterId, 1);
    const sent = await row(letterId);
    const lucy = await client('lucy.adeyemi');
    expect((await lucy.get(`/letters/${letterId}/edit`)).statusCode).toBe(404);
    const edit = await lucy.post(`/letters/${letterId}/edit`, {
      version: String(sent.version),
      subject: 'New',
      body: sent.body,
    });
    expect(edit.statusCode).toBe(400);
    expect(edit.body).toContain('This letter has been sent. A sent letter cannot be changed');
    await expect(letters.send(lucyP, letterId, sent.version)).rejects.toThrow(InvalidInput);
    const page = await lucy.get(`/letters/${letterId}`);
    expect(page.body).toContain('The letter as sent');
    expect(page.body).not.toContain('Send the letter');
    expect(page.body).not.toContain('Change the letter');
    // The database refuses too.
    await expect(
      sql`update letter set body = 'Changed' where id = ${letterId}`.execute(t.db),
    ).rejects.toThrow(/a sent letter cannot be changed/);
    await expect(sql`update letter set sent_at = now() where id = ${letterId}`.execute(t.db)).rejects.toThrow(
      /a sent letter cannot be changed/,
    );
    await expect(sql`delete from letter where id = ${letterId}`.execute(t.db)).rejects.toThrow(
      /a sent letter cannot be changed/,
    );
    expect(await row(letterId)).toEqual(sent);
    await t.db
      .transaction()
      .execute((trx) => anonymiseLetters(trx, t.councilId, 'customer_id', sent.customer_id));
    expect(await row(letterId)).toMatchObject({
      recipient_name: '',
      subject: expect.stringMatching(/^Removed/),
      state: 'sent',
    });
  });

  it('needs a second person on the complaints team to approve the kinds the council chooses, and sends one email', async () => {
    await needApproval(['stage-1-response']);
    const [policyEvent] = (await auditEvents(t.db, { action: 'policy.updated' })).slice(-1);
    expect(policyEvent?.after).toEqual({ lettersNeedingApproval: ['stage-1-response'] });
    expect((await (await client('chris.taylor')).get('/admin/policy')).body).toContain(
      'Letters a second person must approve before they are sent',
    );

    const { reference, letterId: ackId } = await triaged('Chidi Eze');
    // An acknowledgement is not a kind that needs approval.
    const lucyP = await principal('lucy.adeyemi');
    await letters.send(lucyP, ackId, 1);
    const james = await client('james.oneill');
    const responded = await james.post(`/complaints/${reference}/respond`, {
      outcome: 'partially-upheld',
      findings: 'The repair was booked late.',
    });
    expect(responded.statusCode).toBe(303);
    const id = letterIdOf(responded.headers.location);
    const page = await james.get(`/letters/${id}`);
    expect(page.body).toContain('The council requires a second person to approve this kind of letter');
    expect(page.body).toContain('Send for approval');
    expect(page.body).not.toContain('>Send the letter<');

    const sendAnyway = await james.post(`/letters/${id}`, { action: 'send', version: '1' });
    expect(sendAnyway.statusCode).toBe(400);
    expect(sendAnyway.body).toContain('send it for approval');
    expect((await james.post(`/letters/${id}`, { action: 'submit', version: '1' })).statusCode).toBe(303);
    expect(await row(id)).toMatchObject({ state: 'awaiting-approval', version: 2 });

    // Its writer cannot approve it, nor can a head of service; a complaints officer who had no hand
    // in it sees it on their home page and approves it.
    const jamesP = await principal('james.oneill');
    const hannahP = await principal('hannah.price');
    expect(await taskCount(jamesP, 'Letters waiting for your approval')).toBe(0);
    expect(await taskCount(hannahP, 'Letters waiting for your approval')).toBe(1);
    const ownApproval = await james.post(`/letters/${id}`, {
      action: 'decide',
      decision: 'approve',
      version: '2',
    });
    expect(ownApproval.statusCode).toBe(400);
    expect(ownApproval.body).toContain('A second person must approve this letter');
    expect(
      (
        await (
          await client('kwame.mensah')
        ).post(`/letters/${id}`, { action: 'decide', decision: 'approve', version: '2' })
      ).statusCode,
    ).toBe(404);

    // Returned with a reason, changed by its writer and sent for approval again.
    const hannah = await client('hannah.price');
    const noReason = await hannah.post(`/letters/${id}`, {
      action: 'decide',
      decision: 'return',
      version: '2',
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.body).toContain('Say what needs changing in the letter');
    const noDecision = await hannah.post(`/letters/${id}`, { action: 'decide', version: '2' });
    expect(noDecision.body).toContain('Select whether to approve the letter or return it');
    expect(
      (
        await hannah.post(`/letters/${id}`, {
          action: 'decide',
          decision: 'return',
          reason: 'Say sorry for the delay.',
          version: '2',
        })
      ).statusCode,
    ).toBe(303);
    expect(await row(id)).toMatchObject({
      state: 'draft',
      return_reason: 'Say sorry for the delay.',
      returned_by: hannahP.personId,
    });
    expect((await james.get(`/letters/${id}`)).body).toContain('Say sorry for the delay.');
    expect(await taskCount(jamesP, 'Letters you wrote to check and send')).toBe(1);
    const body = (await row(id)).body.replace('Our decision', 'We are sorry for the delay.\n\nOur decision');
    await letters.edit(jamesP, id, { version: 3, subject: (await row(id)).subject, body });
    await letters.submit(jamesP, id, 4);
    expect(emailsTo('chidi@example.test').map((email) => email.subject)).toContain(
      `Your complaint ${reference}: we have received it`,
    );
    expect(await outboxFor('chidi@example.test')).toBe(1);

    // Two approvers at once: one approval sends it; the other is told it changed.
    const answers = await Promise.allSettled([
      letters.approve(hannahP, id, 5),
      letters.approve(lucyP, id, 5),
    ]);
    expect(answers.map((answer) => answer.status).sort()).toEqual(['fulfilled', 'rejected']);
    const refusal = answers.find((answer) => answer.status === 'rejected');
    expect(refusal?.status === 'rejected' && refusal.reason).toBeInstanceOf(InvalidInput);
    await t.deliverEmails();
    const responses = emailsTo('chidi@example.test').filter((email) =>
      email.subject.includes('our stage 1 response'),
    );
    expect(responses).toHaveLength(1);
    expect(responses[0]?.text).toContain('We are sorry for the delay.');
    expect(responses[0]?.attachments.map((a) => a.filename)).toEqual([`${reference}-stage-1-response.pdf`]);
    const approved = await row(id);
    expect(approved).toMatchObject({ state: 'sent', sent_by: jamesP.personId, written_by: jamesP.personId });
    expect([hannahP.personId, lucyP.personId]).toContain(approved.approved_by);
    expect(
      (await auditEvents(t.db, { recordId: id }))
        .map((event) => event.action)
        .filter((a) => a !== 'letter.viewed'),
    ).toEqual([
      'letter.written',
      'letter.submitted',
      'letter.returned',
      'letter.edited',
      'letter.submitted',
      'letter.approved',
      'letter.sent',
    ]);
    const shown = await james.get(`/letters/${id}`);
    expect(shown.body).toMatch(/Approved by[\s\S]*(Hannah Price|Lucy Adeyemi)/);
    await needApproval([]);
  });

  it('sends one letter when two people send the same draft at once', async () => {
    const { letterId } = await triaged('Dev Patel');
    const [lucyP, hannahP] = [await principal('lucy.adeyemi'), await principal('hannah.price')];
    const answers = await Promise.allSettled([
      letters.send(lucyP, letterId, 1),
      letters.send(hannahP, letterId, 1),
    ]);
    expect(answers.filter((answer) => answer.status === 'fulfilled')).toHaveLength(1);
    expect(await outboxFor('dev@example.test')).toBe(1);
    expect(await auditEvents(t.db, { recordId: letterId, action: 'letter.sent' })).toHaveLength(1);
  });

  it('dates the response the day its letter was sent, when that is later than the decision', async () => {
    await needApproval(['stage-1-response']);
    const { reference, letterId: ackId } = await triaged('Erin Walsh');
    const [lucyP, jamesP] = [await principal('lucy.adeyemi'), await principal('james.oneill')];
    await letters.send(lucyP, ackId, 1);
    const responded = await (await client('james.oneill')).post(`/complaints/${reference}/respond`, {
      outcome: 'upheld',
      findings: 'We lost the form.',
    });
    const id = letterIdOf(responded.headers.location);
    await letters.submit(jamesP, id, 1);
    const complaintId = (await row(id)).complaint_id ?? '';
    const stage = () =>
      t.db
        .selectFrom('complaint_stage')
        .selectAll()
        .where('complaint_id', '=', complaintId)
        .executeTakeFirstOrThrow();
    const complaint = () =>
      t.db.selectFrom('complaint').selectAll().where('id', '=', complaintId).executeTakeFirstOrThrow();
    expect((await stage()).responded_on).toBe('2026-11-23');
    const respondBy = (await stage()).respond_by;
    // Approved on Wednesday.
    clock.advance(2 * day);
    try {
      await letters.approve(lucyP, id, 2);
    } finally {
      clock.advance(-2 * day);
    }
    expect(await stage()).toMatchObject({
      responded_on: '2026-11-25',
      acknowledged_on: '2026-11-23',
      respond_by: respondBy,
    });
    expect((await complaint()).resolved_on).toBe('2026-11-25');
    const [dated] = await auditEvents(t.db, { recordId: complaintId, action: 'complaint.dated-by-letter' });
    expect(dated?.before).toEqual({ stage: 1, respondedOn: '2026-11-23' });
    expect(dated?.after).toMatchObject({
      respondedOn: '2026-11-25',
      resolvedOn: '2026-11-25',
      letter: 'stage-1-response',
    });
    await needApproval([]);
  });

  it('shows another council’s letters to no one here, and ours to no one there', async () => {
    const { letterId } = await triaged('Farah Iqbal');
    const quentin = await principal('', other.councilId, 'quentin@quixhollow.test');
    await expect(letters.send(quentin, letterId, 1)).rejects.toThrow('No such letter');
    await expect(letters.edit(quentin, letterId, { version: 1, subject: 'x', body: 'y' })).rejects.toThrow(
      'No such letter',
    );
    expect(await letters.letterPage(quentin, letterId)).toBeNull();
    expect((await letters.waiting(quentin)).drafts.map((letter) => letter.id)).not.toContain(letterId);
    const theirs = other.records.letter;
    const lucy = await client('lucy.adeyemi');
    expect((await lucy.get(`/letters/${theirs}`)).statusCode).toBe(404);
    expect((await lucy.post(`/letters/${theirs}`, { action: 'send', version: '1' })).statusCode).toBe(404);
    expect((await lucy.get(`/letters/${theirs}/edit`)).statusCode).toBe(404);
    const lucyP = await principal('lucy.adeyemi');
    expect((await letters.waiting(lucyP)).drafts.map((letter) => letter.id)).toEqual([letterId]);
    await letters.send(lucyP, letterId, 1);
  });

  it('offers for approval exactly the council’s kinds of letter, by their names', () => {
    const field = policyFields.find((f) => f.key === 'lettersNeedingApproval');
    expect(field && 'options' in field ? field.options : []).toEqual(
      letterKinds.map((value) => ({ value, text: kindNames[value] })),
    );
  });
});
