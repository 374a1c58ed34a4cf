import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customersService } from '../../src/modules/customers/service.ts';
import { complaintLetters } from '../../src/modules/letters/service.ts';
import { organisationService } from '../../src/modules/organisation/service.ts';
import { outsider } from '../support/api.ts';
import { startTestApp, type TestApp, testClient } from '../support/app.ts';
import { demoClients } from '../support/clients.ts';
import { addCustomer, contactPosted, decisionPosted, errorSummary } from '../support/customers.ts';
import { databaseKinds } from '../support/databases.ts';
import { sendWrittenLetter } from '../support/letters.ts';
import { personIdByEmail, testPassword } from '../support/people.ts';

// Today in the test app: Monday 23 November 2026, 09:00 London.
const contact = contactPosted;
const decision = decisionPosted;

describe.each(databaseKinds)('managing unreasonable behaviour on %s', (kind) => {
  let t: TestApp;
  const client = demoClients(() => t);

  beforeAll(async () => {
    t = await startTestApp(kind);
  });
  afterAll(() => t.close());

  // The service as the app builds it, over the test app's database, clock and SMTP server.
  const service = () => {
    const deps = { db: t.db, clock: t.clock, outbox: t.outbox, baseUrl: 'http://probity.test' };
    const organisation = organisationService(deps);
    return customersService(
      { ...deps, organisation },
      { letters: complaintLetters({ ...deps, organisation }) },
    );
  };

  const personId = (email: string) => personIdByEmail(t.db, email);

  const newCustomer = (name: string, email = '') =>
    addCustomer(client, { name, email, phone: '0116 496 0000', address: '1 High Street, Demoton' });

  async function logContact(by: string, id: string, summary: string) {
    const response = await (await client(by)).post(`/customers/${id}/contacts/new`, contact(summary));
    expect(response.statusCode, response.body).toBe(303);
  }

  const category = async (id: string) =>
    (
      await sql<{
        category: string;
        category_review_on: string | null;
      }>`select category, category_review_on::text from customer where id = ${id}`.execute(t.db)
    ).rows[0];

  const lettersTo = (email: string) => t.smtp.received.filter((mail) => mail.to === email);

  it('finds customers by name, email and phone, and adds one', async () => {
    const id = await newCustomer('Gordon Searchable', 'gordon.searchable@example.com');
    const officer = await client('chloe.roberts');
    for (const q of ['searchable', 'GORDON.SEARCHABLE@EXAMPLE', '01164960000']) {
      const page = await officer.get(`/customers?q=${encodeURIComponent(q)}`);
      expect(page.statusCode).toBe(200);
      expect(page.body, q).toContain(`/customers/${id}/contacts/new`);
    }
    const refused = await officer.post('/customers/new', {
      name: '',
      email: 'not an email',
      phone: '',
      address: '',
    });
    expect(refused.statusCode).toBe(400);
    expect(errorSummary(refused.body)).toEqual([
      'Enter the customer’s name',
      'Enter an email address in the correct format, like name@example.com',
    ]);
    expect(refused.body).toContain('value="not an email"');
  });

  it('findOrCreate matches the same email in any case and not an anonymised customer', async () => {
    const first = await newCustomer('Fiona Match', 'fiona.match@example.com');
    const customers = service();
    const at = t.clock.now();
    const find = (name: string, email: string) =>
      t.db
        .transaction()
        .execute((trx) =>
          customers.findOrCreate(trx, t.councilId, { name, email, phone: '', address: '' }, at),
        );
    expect(await find('F Match', 'FIONA.MATCH@example.com')).toBe(first);
    await sql`update customer set anonymised_at = now() where id = ${first}`.execute(t.db);
    const fresh = await find('Fiona Match', 'fiona.match@example.com');
    expect(fresh).not.toBe(first);
    expect((await customers.search(t.councilId, 'fiona match')).map((c) => c.id)).toEqual([fresh]);
    expect(await find('No Email', '')).not.toBe(await find('No Email', ''));
    expect(await customers.contactWarning(t.councilId, fresh, null)).toBeNull();
  });

  it('logs contacts on the timeline, refusing bad input with the values kept', async () => {
    const id = await newCustomer('Timothy Timeline');
    const officer = await client('chloe.roberts');
    const form = await officer.get(`/customers/${id}/contacts/new`);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('value="09:00"'); // now, London time
    expect(form.body).not.toContain('contact-warning'); // nothing to warn about
    const refused = await officer.post(
      `/customers/${id}/contacts/new`,
      contact('', { channel: '', 'date-day': '31', 'date-month': '2', time: '25:00', minutes: 'ten' }),
    );
    expect(refused.statusCode).toBe(400);
    expect(errorSummary(refused.body)).toEqual([
      'The date of the contact must be a real date',
      'Enter the time as hours and minutes, like 14:30 or 2:30pm',
      'Select how they made contact: phone call, email, letter, visit in person, meeting, online',
      'Officer time must be a whole number of minutes from 0 to 1440',
      'Enter a summary of the contact',
    ]);
    expect(refused.body).toContain('value="ten"');
    const future = await officer.post(
      `/customers/${id}/contacts/new`,
      contact('Tomorrow', { 'date-day': '24' }),
    );
    expect(errorSummary(future.body)).toEqual(['The contact must not be in the future']);
    const unknown = await officer.post(
      `/customers/${id}/contacts/new`,
      contact('A call', { complaintReference: 'CMP-2026-9999' }),
    );
    expect(errorSummary(unknown.body)).toEqual(['No complaint CMP-2026-9999 from Timothy Timeline']);

    await logContact('chloe.roberts', id, 'Asked again about the bin collection');
    const [row] = (
      await sql<{
        occurred_at: Date;
        minutes: number;
        logged_by_name: string;
      }>`select occurred_at, minutes, logged_by_name from customer_contact where customer_id = ${id}`.execute(
        t.db,
      )
    ).rows;
    expect(row?.occurred_at.toISOString()).toBe('2026-11-20T14:30:00.000Z');
    expect(row?.minutes).toBe(25);
    expect(row?.logged_by_name).toBe('Chloe Roberts');
    const audit = await sql<{
      action: string;
      after: unknown;
    }>`select action, after from audit_event where record_id = ${id} order by seq`.execute(t.db);
    expect(audit.rows.map((r) => r.action)).toContain('customer.contact-logged');
    // The hash-chained trail cannot be anonymised, so it never holds what was said.
    expect(JSON.stringify(audit.rows)).not.toContain('bin collection');
  });

  it('takes a customer from warning to vexatious, each step by the right people with evidence and a letter', async () => {
    const email = 'victor.vexed@example.com';
    const id = await newCustomer('Victor Vexed', email);
    const head = await client('sarah.jenkins');
    const officer = await client('james.oneill');
    const manager = await client('lucy.adeyemi');

    // No evidence yet: the timeline must have entries (003 vexatious procedure §4.2-4.3).
    const empty = await head.post(`/customers/${id}/warning`, decision());
    expect(empty.statusCode).toBe(400);
    expect(errorSummary(empty.body)).toEqual([
      'Log the contacts on the customer’s timeline first: the evidence is the timeline',
    ]);
    await logContact('chloe.roberts', id, 'Shouted at the adviser about the parking fine');
    await logContact('chloe.roberts', id, 'Called again about the same fine');

    // The Equality Act check is recorded first (DOMAIN.md §4).
    const noCheck = await head.post(`/customers/${id}/warning`, decision({ equalityCheck: '' }));
    expect(errorSummary(noCheck.body)).toEqual(['Enter the Equality Act check']);
    expect(noCheck.body).toContain('14 calls between 9 and 20 November'); // kept

    // An officer may not warn: the route is for heads of service and the complaints team.
    expect(
      (await (await client('chloe.roberts')).post(`/customers/${id}/warning`, decision())).statusCode,
    ).toBe(403);
    // Not pre-vexatious before a warning.
    const early = await officer.post(
      `/customers/${id}/pre-vexatious`,
      decision({ singlePointOfContactId: await personId('lucy.adeyemi@demo.probity.test') }),
    );
    expect(errorSummary(early.body)).toEqual([
      'A customer must be warned before they can be pre-vexatious (Procedure for Managing Vexatious Customers, paragraph 4.1)',
    ]);

    const warned = await head.post(`/customers/${id}/warning`, decision());
    // Each decision's letter is checked and sent by whoever made it (letter-drafts.test.ts).
    await sendWrittenLetter(head, warned);
    expect(await category(id)).toEqual({ category: 'warned', category_review_on: null });
    expect(lettersTo(email).map((mail) => mail.subject)).toEqual(['Your contact with Demo District Council']);
    expect(lettersTo(email)[0]?.text).toContain('You have phoned 14 times in two weeks');

    // A head of service cannot mark pre-vexatious (003 §4.4: the complaints team).
    expect((await head.post(`/customers/${id}/pre-vexatious`, decision())).statusCode).toBe(403);
    const noSpoc = await officer.post(
      `/customers/${id}/pre-vexatious`,
      decision({ singlePointOfContactId: '' }),
    );
    expect(errorSummary(noSpoc.body)).toEqual(['Choose the single point of contact']);
    const lucy = await personId('lucy.adeyemi@demo.probity.test');
    const pre = await officer.post(
      `/customers/${id}/pre-vexatious`,
      decision({ singlePointOfContactId: lucy }),
    );
    await sendWrittenLetter(officer, pre);
    expect(await category(id)).toEqual({ category: 'pre-vexatious', category_review_on: '2027-03-23' });
    const finalWarning = lettersTo(email).at(-1);
    expect(finalWarning?.subject).toBe('Your contact with Demo District Council: final warning');
    expect(finalWarning?.text).toContain(
      'Lucy Adeyemi, Complaints and Feedback Manager, lucy.adeyemi@demo.probity.test',
    );

    // Only the complaints manager decides vexatious (003 §4.5).
    expect((await officer.get(`/customers/${id}/vexatious`)).statusCode).toBe(403);
    const record = await officer.get(`/customers/${id}`);
    expect(record.body).toContain('Only the complaints manager can decide that a customer is vexatious.');
    const vexatious = await manager.post(`/customers/${id}/vexatious`, {
      ...decision({ singlePointOfContactId: lucy }),
      restrictions: 'no-phone',
    });
    await sendWrittenLetter(manager, vexatious);
    expect(await category(id)).toEqual({ category: 'vexatious', category_review_on: '2027-03-23' });
    const letter = lettersTo(email).at(-1);
    expect(letter?.subject).toBe('Your contact with Demo District Council: restrictions');
    expect(letter?.text).toContain(
      'We will not accept phone calls from you or from anyone calling for you. (all of the council, from 23 November 2026)',
    );
    expect(letter?.text).toContain('We will review this decision by 23 March 2027');

    // The point of contact: an adviser logging their call sees the warning before anything else.
    const form = await (await client('chloe.roberts')).get(`/customers/${id}/contacts/new`);
    const warningAt = form.body.indexOf('id="contact-warning"');
    expect(warningAt).toBeGreaterThan(0);
    expect(warningAt).toBeLessThan(form.body.indexOf('name="channel"'));
    expect(form.body).toContain(
      'Do not accept phone calls from this person or from anyone calling for them.',
    );
    expect(form.body).toContain('Single point of contact: Lucy Adeyemi.');
    expect(form.body).toContain('Vexatious: contact restricted');

    // The whole record for the complaints team: history with evidence, letters, officer time.
    const whole = await manager.get(`/customers/${id}`);
    expect(whole.body).toContain('Contact timeline');
    expect(whole.body).toContain('2 contacts, 50 minutes of officer time');
    expect(whole.body).toContain('No disability or other need known');
    expect(whole.body.match(/href="\/letters\/[0-9a-f-]{36}"/g)).toHaveLength(3);
    const audit = await sql<{
      action: string;
    }>`select action from audit_event where record_id = ${id} order by seq`.execute(t.db);
    expect(audit.rows.map((r) => r.action).filter((a) => a === 'customer.categorised')).toHaveLength(3);
  });

  it('shows an officer the warning and their own contacts, not the timeline; another council gets 404', async () => {
    const id = await newCustomer('Olive Others', 'olive.others@example.com');
    await logContact('lucy.adeyemi', id, 'Secret complaints team note');
    await logContact('chloe.roberts', id, 'Chloe’s own call');
    await (await client('lucy.adeyemi')).post(`/customers/${id}/warning`, decision());
    // The warning letter is on the record, not sent yet, until Lucy has checked and sent it.
    expect((await (await client('lucy.adeyemi')).get(`/customers/${id}`)).body).toMatch(
      /href="\/letters\/[0-9a-f-]{36}">Your contact with Demo District Council<\/a>: behaviour warning\s*<strong class="govuk-tag govuk-tag--blue">\s*Not sent yet/,
    );
    const page = await (await client('chloe.roberts')).get(`/customers/${id}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Warned about their behaviour');
    expect(page.body).toContain('Contacts you logged');
    expect(page.body).toContain('Chloe’s own call');
    expect(page.body).not.toContain('Secret complaints team note');
    expect(page.body).not.toContain('Equality Act');
    expect(page.body).not.toContain('olive.others@example.com');
    // A committee member does not handle contact.
    expect((await (await client('patricia.fleming')).get(`/customers/${id}`)).statusCode).toBe(403);

    const { email } = await outsider(t, 'customers-other');
    const stranger = testClient(t.app);
    await stranger.signIn(email, testPassword);
    expect((await stranger.get(`/customers/${id}`)).statusCode).toBe(404);
    expect((await stranger.get(`/customers/${id}/contacts/new`)).statusCode).toBe(404);
    expect((await stranger.post(`/customers/${id}/contacts/new`, contact('x'))).statusCode).toBe(404);
    expect((await stranger.get('/customers?q=Olive')).body).not.toContain('Olive Others');
    expect((await (await client('chloe.roberts')).get('/customers/not-a-uuid')).statusCode).toBe(404);
  });

  async function vexatiousCustomer(name: string, email: string) {
    const id = await newCustomer(name, email);
    await logContact('chloe.roberts', id, 'Abusive call');
    const lucy = await personId('lucy.adeyemi@demo.probity.test');
    const manager = await client('lucy.adeyemi');
    for (const step of ['warning', 'pre-vexatious', 'vexatious']) {
      const response = await manager.post(
        `/customers/${id}/${step}`,
        decision({ singlePointOfContactId: lucy }),
      );
      expect(response.statusCode, response.body).toBe(303);
    }
    return id;
  }

  it('defaults a restriction’s review date from the policy, and the policy can change it', async () => {
    const id = await vexatiousCustomer('Rita Restricted', 'rita@example.com');
    const manager = await client('lucy.adeyemi');
    const form = await manager.get(`/customers/${id}/restrictions/new`);
    expect(form.body).toMatch(/name="reviewOn-month"[^>]*value="3"/);
    await sql`update council_policy set settings = settings || '{"restrictionReviewMonths": 6}'::jsonb where council_id = ${t.councilId}`.execute(
      t.db,
    );
    try {
      const six = await manager.get(`/customers/${id}/restrictions/new`);
      expect(six.body).toMatch(/name="reviewOn-month"[^>]*value="5"/);
      expect(six.body).toContain('every 6 months');
      const housing = (
        await sql<{
          id: string;
        }>`select id from service where name = 'Housing' and council_id = ${t.councilId}`.execute(t.db)
      ).rows[0]?.id as string;
      const missing = await manager.post(`/customers/${id}/restrictions/new`, {
        kind: 'named-officer-only',
        scopeServiceId: housing,
        reason: '',
        detail: '',
        namedOfficerId: '',
      });
      expect(errorSummary(missing.body)).toEqual([
        'Enter the reason for the restriction',
        'Choose the officer they may contact',
        'Enter the date the restriction starts',
      ]);
      const added = await manager.post(`/customers/${id}/restrictions/new`, {
        kind: 'no-meetings',
        scopeServiceId: housing,
        reason: 'Meetings with Housing officers became abusive',
        detail: '',
        namedOfficerId: '',
        'startsOn-day': '31',
        'startsOn-month': '10',
        'startsOn-year': '2026',
        'reviewOn-day': '',
        'reviewOn-month': '',
        'reviewOn-year': '',
      });
      await sendWrittenLetter(manager, added);
      const [row] = (
        await sql<{
          review_on: string;
          scope_service_name: string;
        }>`select review_on::text, scope_service_name from contact_restriction where customer_id = ${id}`.execute(
          t.db,
        )
      ).rows;
      expect(row).toEqual({ review_on: '2027-04-30', scope_service_name: 'Housing' });
      const told = lettersTo('rita@example.com').at(-1);
      expect(told?.subject).toBe('Your contact with Demo District Council: restrictions');
      expect(told?.text).toContain('We will not hold meetings with you. (Housing, from 31 October 2026)');
      expect(told?.text).toContain('We will review this decision by 30 April 2027');
    } finally {
      await sql`update council_policy set settings = settings - 'restrictionReviewMonths' where council_id = ${t.councilId}`.execute(
        t.db,
      );
    }
    // Ending it: the reason is asked for, and the adviser no longer sees it.
    const [meetings] = (
      await sql<{
        id: string;
      }>`select id from contact_restriction where customer_id = ${id} and kind = 'no-meetings'`.execute(t.db)
    ).rows;
    const endPath = `/customers/${id}/restrictions/${meetings?.id}/end`;
    expect((await manager.get(endPath)).statusCode).toBe(200);
    expect(errorSummary((await manager.post(endPath, { endReason: '' })).body)).toEqual([
      'Enter why the restriction is ending',
    ]);
    await sendWrittenLetter(manager, await manager.post(endPath, { endReason: 'Meetings went well' }));
    const ended = lettersTo('rita@example.com').at(-1);
    expect(ended?.subject).toBe('Your contact with Demo District Council: review of restrictions');
    expect(ended?.text).toContain('Meetings went well');
    expect(ended?.text).toContain('No restrictions apply.');
    expect((await (await client('chloe.roberts')).get(`/customers/${id}/contacts/new`)).body).not.toContain(
      'Do not arrange or hold meetings',
    );
    expect((await manager.get(endPath)).statusCode).toBe(404);
    // A restriction before vexatious is refused.
    const warnedOnly = await newCustomer('Wendy Warned');
    await logContact('chloe.roberts', warnedOnly, 'A call');
    const refused = await manager.post(`/customers/${warnedOnly}/restrictions/new`, {
      kind: 'no-phone',
      scopeServiceId: '',
      reason: 'x',
      detail: '',
      namedOfficerId: '',
      'startsOn-day': '23',
      'startsOn-month': '11',
      'startsOn-year': '2026',
    });
    expect(errorSummary(refused.body)[0]).toMatch(
      /once the complaints manager has decided the customer is vexatious/,
    );
    // Only the complaints manager restricts.
    expect((await (await client('james.oneill')).get(`/customers/${id}/restrictions/new`)).statusCode).toBe(
      403,
    );
  });

  it('reviews: keep, change and lift, each told in writing; a request for a review is recorded and answered', async () => {
    const email = 'reggie.review@example.com';
    const id = await newCustomer('Reggie Review', email);
    await logContact('chloe.roberts', id, 'Abusive call');
    const lucy = await personId('lucy.adeyemi@demo.probity.test');
    const manager = await client('lucy.adeyemi');
    for (const step of ['warning', 'pre-vexatious']) {
      expect(
        (await manager.post(`/customers/${id}/${step}`, decision({ singlePointOfContactId: lucy })))
          .statusCode,
      ).toBe(303);
    }
    const vex = await manager.post(`/customers/${id}/vexatious`, [
      ...Object.entries(decision({ singlePointOfContactId: lucy })),
      ['restrictions', 'no-phone'],
      ['restrictions', 'written-only'],
    ]);
    expect(vex.statusCode, vex.body).toBe(303);

    const nothing = await manager.post(`/customers/${id}/review`, { decision: '', notes: '' });
    expect(errorSummary(nothing.body)).toEqual([
      'Select keep, change or lift',
      'Enter the reasons for the decision',
    ]);
    expect((await (await client('james.oneill')).get(`/customers/${id}/review`)).statusCode).toBe(403);

    const keep = await manager.post(`/customers/${id}/review`, {
      decision: 'keep',
      notes: 'Calls continued in December.',
    });
    await sendWrittenLetter(manager, keep);
    const kept = lettersTo(email).at(-1);
    expect(kept?.subject).toBe('Your contact with Demo District Council: review of restrictions');
    expect(kept?.text).toContain('we have decided to keep the restrictions as they are');
    expect(kept?.text).toContain('We will review this again by 23 March 2027.');

    // Their request for a review, answered at the next review.
    const handler = await client('james.oneill');
    const request = await handler.post(`/customers/${id}/review-request`, {
      'requestedOn-day': '20',
      'requestedOn-month': '11',
      'requestedOn-year': '2026',
      request: 'I have stopped calling and want to phone again.',
    });
    expect(request.statusCode, request.body).toBe(303);
    const twice = await handler.post(`/customers/${id}/review-request`, {
      'requestedOn-day': '21',
      'requestedOn-month': '11',
      'requestedOn-year': '2026',
      request: 'Again',
    });
    expect(errorSummary(twice.body)).toEqual([
      'Their earlier request for a review has not been answered yet',
    ]);
    const due = await handler.get('/customers/reviews');
    expect(due.body).toContain('Reggie Review');

    const [phone] = (
      await sql<{
        id: string;
      }>`select id from contact_restriction where customer_id = ${id} and kind = 'no-phone'`.execute(t.db)
    ).rows;
    const change = await manager.post(`/customers/${id}/review`, [
      ['decision', 'change'],
      ['category', 'pre-vexatious'],
      ['endRestrictionIds', phone?.id as string],
      ['notes', 'No calls since October; phone calls may resume.'],
    ]);
    await sendWrittenLetter(manager, change);
    expect((await category(id))?.category).toBe('pre-vexatious');
    const answer = lettersTo(email).at(-1);
    expect(answer?.subject).toBe('Your contact with Demo District Council: your request for a review');
    expect(answer?.text).toContain('On 20 November 2026 you asked us');
    expect(answer?.text).not.toContain('phone calls from you');
    expect(answer?.text).toContain('You may contact us only in writing');
    const phoneNow = await (await client('chloe.roberts')).get(`/customers/${id}/contacts/new`);
    expect(phoneNow.body).not.toContain('Do not accept phone calls');
    expect(phoneNow.body).toContain('Written contact only');

    const lift = await manager.post(`/customers/${id}/review`, {
      decision: 'lift',
      notes: 'Behaviour has changed.',
    });
    await sendWrittenLetter(manager, lift);
    expect(await category(id)).toEqual({ category: 'none', category_review_on: null });
    expect(lettersTo(email).at(-1)?.text).toContain('we have decided to lift the restrictions');
    expect(lettersTo(email).at(-1)?.text).toContain('No restrictions apply.');
    const clear = await (await client('chloe.roberts')).get(`/customers/${id}/contacts/new`);
    expect(clear.body).not.toContain('id="contact-warning"');
    const reviews = await sql<{
      decision: string;
      letter_id: string | null;
    }>`select decision, letter_id from behaviour_review where customer_id = ${id} order by decided_at, id`.execute(
      t.db,
    );
    expect(reviews.rows.map((r) => r.decision).sort()).toEqual(['change', 'keep', 'lift']); // one fixed instant
    expect(reviews.rows.every((r) => r.letter_id)).toBe(true);
  });

  it('reminds the complaints manager once per review date', async () => {
    const id = await vexatiousCustomer('Mabel Reminder', 'mabel@example.com');
    const customers = service();
    const reminders = () => t.smtp.received.filter((mail) => mail.subject.includes('Mabel Reminder'));
    await customers.sendReviewReminders(t.councilId);
    expect(reminders()).toEqual([]); // due 23 March 2027: not yet
    await sql`update customer set category_review_on = '2026-11-27' where id = ${id}`.execute(t.db);
    await customers.sendReviewReminders(t.councilId);
    await customers.sendReviewReminders(t.councilId);
    await t.deliverEmails();
    expect(reminders().map((mail) => [mail.to, mail.subject])).toEqual([
      ['lucy.adeyemi@demo.probity.test', 'Review due by 27 November 2026: Mabel Reminder'],
    ]);
    expect(reminders()[0]?.text).toContain(`http://probity.test/customers/${id}/review`);
  });

  // What another module (a field visit) shows about a customer: contactWarning(councilId,
  // customerId, serviceId) needs no one signed in; serviceId null gives every restriction in force.
  it('gives another module the restrictions in force in words and the named contacts', async () => {
    const id = await vexatiousCustomer('Nora Named', 'nora@example.com');
    const [lucy, james] = await Promise.all([
      personId('lucy.adeyemi@demo.probity.test'),
      personId('james.oneill@demo.probity.test'),
    ]);
    const added = await (await client('lucy.adeyemi')).post(`/customers/${id}/restrictions/new`, {
      kind: 'named-officer-only',
      scopeServiceId: '',
      reason: 'Threatened an officer at her door',
      detail: 'Visits only with James present',
      namedOfficerId: james,
      'startsOn-day': '23',
      'startsOn-month': '11',
      'startsOn-year': '2026',
      'reviewOn-day': '',
      'reviewOn-month': '',
      'reviewOn-year': '',
    });
    expect(added.statusCode, added.body).toBe(303);
    const customers = service();
    expect(await customers.contactWarning(t.councilId, id, null)).toEqual({
      customerId: id,
      name: 'Nora Named',
      category: 'vexatious',
      categoryText: 'Vexatious: contact restricted',
      singlePointOfContact: { id: lucy, name: 'Lucy Adeyemi' },
      restrictions: [
        {
          id: expect.any(String),
          kind: 'named-officer-only',
          text: "Contact only through James O'Neill: pass any contact to them.",
          scopeText: 'The whole council',
          detail: 'Visits only with James present',
          namedOfficerName: "James O'Neill",
          reviewOn: '2027-03-23',
        },
      ],
    });
    // Someone with nothing recorded against them, or no such customer: nothing to show.
    expect(await customers.contactWarning(t.councilId, await newCustomer('Norman Plain'), null)).toBeNull();
    expect(
      await customers.contactWarning(t.councilId, '00000000-0000-7000-8000-000000000000', null),
    ).toBeNull();
  });
});
