import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nameKey } from '../../src/modules/interests/names.ts';
import {
  type ComplaintLetters,
  complaintLetters,
  defaultTemplate,
  type LetterInput,
} from '../../src/modules/letters/service.ts';
import { addPersonDuringSetUp, createCouncil } from '../../src/modules/organisation/councils/set-up.ts';
import { organisationService } from '../../src/modules/organisation/service.ts';
import { hashPassword } from '../../src/platform/auth/passwords.ts';
import type { Principal } from '../../src/platform/auth/principal.ts';
import { principalByEmail } from '../../src/platform/auth/principals.ts';
import { uuidv7 } from '../../src/platform/db/ids.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { demo, demoClients } from '../support/clients.ts';
import { databaseKinds } from '../support/databases.ts';
import { pdfPageCount, pdfWords } from '../support/pdf-text.ts';
import { personIdByEmail, signedInAs, testPassword } from '../support/people.ts';
import { auditEvents } from '../support/rows.ts';

// Letters to complainants and to customers about their behaviour (Complaint
// Handling Code; 003 §5.5, §8.1): written from the council's templates, checked and sent by the
// officer (letter-drafts.test.ts has the checking), stored as sent, emailed with the PDF, shown and
// printed only to the complaints team (and heads of service for behaviour letters).

const now = new Date('2026-11-23T09:00:00Z');
const lgsco = 'PO Box 4771, Coventry, CV4 0EH';
const housingOmbudsman = 'Exchange Tower, Harbour Exchange Square, London, E14 9GE';

describe.each(databaseKinds)('complaint letters on %s', (kind) => {
  let t: TestApp;
  let letters: ComplaintLetters;
  let lucy: { councilId: string; personId: string; label: string };
  let lucyPrincipal: Principal;
  const client = demoClients(() => t);
  const complaints = new Map<string, { id: string; customerId: string }>();

  async function insertComplaint(
    reference: string,
    opts: { housing: boolean; email: string; service: string },
  ) {
    const customerId = uuidv7();
    const id = uuidv7();
    // Straight into the tables (the schema's types make every column a value to give).
    await sql`insert into customer (council_id, id, name, email, address, name_key, created_at, updated_at)
      values (${t.councilId}, ${customerId}, 'Siobhan O’Connor', ${opts.email}, ${'12 Café Row\nLeicester LE1 1AA'},
        ${nameKey('Siobhan O’Connor')}, ${now}, ${now})`.execute(t.db);
    await sql`insert into complaint (council_id, id, reference, customer_id, contact_email, service_name, what_happened,
        channel, received_at, received_on, regime, housing, status, updated_at)
      values (${t.councilId}, ${id}, ${reference}, ${customerId}, ${opts.email}, ${opts.service}, 'The repair was not done.',
        'online', ${now}, '2026-11-23', 'complaint-handling-code', ${opts.housing}, 'stage-1', ${now})`.execute(
      t.db,
    );
    await sql`insert into complaint_stage (council_id, complaint_id, stage, started_on, acknowledge_by, respond_by, deadline_basis)
      values (${t.councilId}, ${id}, 1, '2026-11-23', '2026-11-30', '2026-12-14', 'Test')`.execute(t.db);
    complaints.set(reference, { id, customerId });
  }

  const input = (reference: string, overrides: Partial<LetterInput> = {}): LetterInput => {
    const complaint = complaints.get(reference);
    if (!complaint) throw new Error(`No complaint ${reference}`);
    return {
      councilId: t.councilId,
      kind: 'acknowledgement',
      complaintId: complaint.id,
      customerId: complaint.customerId,
      recipient: {
        name: 'Siobhan O’Connor',
        email: 'siobhan@example.test',
        address: '12 Café Row\nLeicester LE1 1AA',
      },
      values: {
        summary: 'Your boiler repair, reported on 2 November, was not done.',
        respondBy: '14 December 2026',
      },
      sentBy: lucy,
      at: now,
      ...overrides,
    };
  };

  // Written, and sent as it was written when it was a draft of Lucy's.
  async function send(letter: LetterInput) {
    const written = await t.db.transaction().execute((trx) => letters.write(trx, letter));
    if (written.state === 'draft') await letters.send(lucyPrincipal, written.id, 1);
    const before = t.smtp.received.length;
    await t.deliverEmails();
    return { id: written.id, emails: t.smtp.received.slice(before) };
  }

  const letterRow = (id: string) =>
    t.db.selectFrom('letter').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  beforeAll(async () => {
    t = await startTestApp(kind);
    const deps = { db: t.db, clock: t.clock, outbox: t.outbox, baseUrl: 'http://probity.test' };
    letters = complaintLetters({ ...deps, organisation: organisationService(deps) });
    lucy = {
      councilId: t.councilId,
      personId: await personIdByEmail(t.db, demo('lucy.adeyemi')),
      label: 'Lucy Adeyemi',
    };
    const principal = await principalByEmail(t.db, t.councilId, demo('lucy.adeyemi'));
    if (!principal) throw new Error('No Lucy');
    lucyPrincipal = principal;
    await insertComplaint('CMP-2026-0001', {
      housing: false,
      email: 'siobhan@example.test',
      service: 'Planning and Building Control',
    });
    await insertComplaint('CMP-2026-0002', {
      housing: true,
      email: 'siobhan@example.test',
      service: 'Housing',
    });
  });

  afterAll(async () => {
    await t?.close();
  });

  it('writes a letter from the template, and once sent stores it as sent, audits it and emails it with its PDF', async () => {
    const { id, emails } = await send(input('CMP-2026-0001'));
    const row = await letterRow(id);
    expect(row).toMatchObject({
      kind: 'acknowledgement',
      complaint_id: complaints.get('CMP-2026-0001')?.id,
      recipient_email: 'siobhan@example.test',
      subject: 'Your complaint CMP-2026-0001: we have received it',
      emailed: true,
      state: 'sent',
      written_by: lucy.personId,
      sent_by: lucy.personId,
    });
    expect(row.body).toMatch(/^Dear Siobhan O’Connor\n/);
    expect(row.body).toContain('Thank you for your complaint about Planning and Building Control');
    expect(row.body).toContain('Your boiler repair, reported on 2 November, was not done.');
    expect(row.body).toContain('We will send you our response by 14 December 2026.');
    expect(row.body).toMatch(/Lucy Adeyemi\nComplaints Team\nDemo .*$/);

    const audit = await t.db.selectFrom('audit_event').selectAll().where('record_id', '=', id).execute();
    expect(audit.map((event) => [event.action, event.actor_id])).toEqual([
      ['letter.written', lucy.personId],
      ['letter.sent', lucy.personId],
    ]);

    expect(emails).toHaveLength(1);
    const [email] = emails;
    expect(email?.to).toBe('siobhan@example.test');
    expect(email?.subject).toBe(row.subject);
    expect(email?.text.trim()).toBe(row.body);
    expect(email?.attachments.map((a) => [a.filename, a.contentType])).toEqual([
      ['CMP-2026-0001-acknowledgement.pdf', 'application/pdf'],
    ]);
    const pdf = email?.attachments[0]?.content ?? Buffer.alloc(0);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const words = pdfWords(pdf);
    expect(words).toContain('Our reference: CMP-2026-0001');
    expect(words).toContain('12 Café Row Leicester LE1 1AA');
    expect(words).toContain('Date: 23 November 2026');
    expect(words).toContain('Dear Siobhan O’Connor');
    expect(words).toContain('We will send you our response by 14 December 2026.');
  });

  it.each([
    ['CMP-2026-0001', lgsco, housingOmbudsman],
    ['CMP-2026-0002', housingOmbudsman, lgsco],
  ])('names the right Ombudsman in the final response to %s', async (reference, named, notNamed) => {
    const values = {
      outcome: 'partially upheld',
      findings: 'The repair was booked late.',
      remedies: '- An apology',
    };
    const { id, emails } = await send(input(reference, { kind: 'stage-2-response', values }));
    const row = await letterRow(id);
    expect(row.subject).toBe(`Your complaint ${reference}: our final response`);
    expect(row.body).toContain(named);
    expect(row.body).not.toContain(notNamed);
    expect(pdfWords(emails[0]?.attachments[0]?.content ?? Buffer.alloc(0))).toContain(named);
  });

  it('signs a letter no one signed in sent (the complainant escalating online) from the complaints manager', async () => {
    const { id } = await send(
      input('CMP-2026-0001', {
        kind: 'escalation-acknowledgement',
        values: { respondBy: '22 December 2026' },
        sentBy: null,
      }),
    );
    const row = await letterRow(id);
    expect([row.state, row.written_by, row.sent_by]).toEqual(['sent', null, null]);
    expect(row.body).toContain('We will send you our final response by 22 December 2026.');
    expect(row.body).toMatch(/Lucy Adeyemi\nComplaints Team\nDemo .*$/);
    const [event] = await t.db.selectFrom('audit_event').selectAll().where('record_id', '=', id).execute();
    expect([event?.actor_id, event?.actor_label]).toEqual([null, 'Probity (automatic letter)']);
  });

  it('falls back to the default wording when a saved template uses a placeholder the letter no longer has', async () => {
    await sql`insert into letter_template (council_id, kind, subject, body, updated_by, updated_at)
      values (${t.councilId}, 'escalation-acknowledgement', 'Stage 2 for ((reference))',
        'Dear ((name)), ((handler)) will reply by ((respondBy)).', ${lucy.personId}, ${now})`.execute(t.db);
    const { id } = await send(
      input('CMP-2026-0001', {
        kind: 'escalation-acknowledgement',
        values: { respondBy: '22 December 2026' },
      }),
    );
    expect((await letterRow(id)).subject).toBe(
      'Your complaint CMP-2026-0001: your request for a stage 2 review',
    );
    const [event] = await t.db
      .selectFrom('audit_event')
      .select('after')
      .where('record_id', '=', id)
      .execute();
    expect(event?.after).toMatchObject({ defaultWordingUsed: expect.stringContaining('no longer has') });
    await sql`delete from letter_template where kind = 'escalation-acknowledgement'`.execute(t.db);
  });

  it('refuses a letter missing a value the kind needs, storing nothing', async () => {
    const count = async () => (await t.db.selectFrom('letter').select('id').execute()).length;
    const before = await count();
    await expect(
      send(input('CMP-2026-0001', { kind: 'extension', values: { newDate: '4 January 2027' } })),
    ).rejects.toThrow(/no value for previousDate, reason/);
    expect(await count()).toBe(before);
  });

  it('stores a letter to someone with no email address as not emailed, and sends nothing', async () => {
    const { id, emails } = await send(
      input('CMP-2026-0001', { recipient: { name: 'Siobhan O’Connor', email: '', address: '12 Café Row' } }),
    );
    expect((await letterRow(id)).emailed).toBe(false);
    expect(emails).toHaveLength(0);
  });

  it('uses the council’s edited template for the next letter, and the default again after a reset', async () => {
    const lucyBrowser = await client('lucy.adeyemi');
    const edited = {
      subject: 'We have your complaint ((reference))',
      body: 'Dear ((name))\n\nWe will reply by ((respondBy)). Call us on 0116 454 1000.\n\n((sender))',
    };
    const preview = await lucyBrowser.post('/complaints/templates/acknowledgement', {
      ...edited,
      action: 'preview',
    });
    expect(preview.statusCode).toBe(200);
    expect(preview.body).toContain('We will reply by 7 December 2026. Call us on 0116 454 1000.');
    expect(preview.body).toContain('We have your complaint CMP-2026-0113');

    const saved = await lucyBrowser.post('/complaints/templates/acknowledgement', {
      ...edited,
      action: 'save',
    });
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe('/complaints/templates?saved=acknowledgement');
    const list = await lucyBrowser.get(saved.headers.location ?? '');
    expect(list.body).toContain('Acknowledgement letter saved');
    expect(list.body).toMatch(
      /Acknowledgement<\/a><\/td>\s*<td class="govuk-table__cell">\s*<strong class="govuk-tag govuk-tag--blue">\s*Changed/,
    );

    const { id, emails } = await send(input('CMP-2026-0001'));
    const row = await letterRow(id);
    expect(row.subject).toBe('We have your complaint CMP-2026-0001');
    expect(row.body).toBe(
      'Dear Siobhan O’Connor\n\nWe will reply by 14 December 2026. Call us on 0116 454 1000.\n\nLucy Adeyemi',
    );
    expect(emails[0]?.subject).toBe('We have your complaint CMP-2026-0001');
    const audit = await t.db
      .selectFrom('audit_event')
      .select(['action', 'actor_id'])
      .where('record_type', '=', 'letter-template')
      .execute();
    expect(audit).toEqual([{ action: 'letter-template.changed', actor_id: lucy.personId }]);

    expect((await lucyBrowser.post('/complaints/templates/acknowledgement/reset')).statusCode).toBe(303);
    const { id: afterReset } = await send(input('CMP-2026-0001'));
    expect((await letterRow(afterReset)).subject).toBe('Your complaint CMP-2026-0001: we have received it');
    // The letter sent before stays as it was sent.
    expect((await letterRow(id)).subject).toBe('We have your complaint CMP-2026-0001');
  });

  it('refuses a bad template with the reasons, keeping what was typed and saving nothing', async () => {
    const lucyBrowser = await client('lucy.adeyemi');
    const body = defaultTemplate('refusal').body.replace('((ombudsman))', 'the Ombudsman ((ombudsmanPhone))');
    const response = await lucyBrowser.post('/complaints/templates/refusal', {
      subject: '',
      body,
      action: 'save',
    });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('There is a problem');
    expect(response.body).toContain('<a href="#subject">Enter the subject</a>');
    expect(response.body).toContain(
      'Letter uses a placeholder this letter does not have: ((ombudsmanPhone))',
    );
    expect(response.body).toContain('Letter must include ((ombudsman))');
    expect(response.body).toContain('the Ombudsman ((ombudsmanPhone))');
    const stored = await t.db
      .selectFrom('letter_template')
      .selectAll()
      .where('kind', '=', 'refusal')
      .execute();
    expect(stored).toEqual([]);
  });

  it('keeps templates to the complaints manager', async () => {
    for (const name of ['james.oneill', 'emma.clarke']) {
      const browser = await client(name);
      expect((await browser.get('/complaints/templates')).statusCode, name).not.toBe(200);
      expect(
        (await browser.post('/complaints/templates/refusal', { subject: 'x', body: 'y' })).statusCode,
        name,
      ).not.toBe(303);
    }
    expect(
      (await (await client('lucy.adeyemi')).get('/complaints/templates/no-such-letter')).statusCode,
    ).toBe(404);
  });

  it('shows a letter and its PDF to the complaints team, and to no one else', async () => {
    const { id } = await send(input('CMP-2026-0001'));
    const hannah = await client('hannah.price');
    const page = await hannah.get(`/letters/${id}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Your complaint CMP-2026-0001: we have received it');
    expect(page.body).toContain(`href="/letters/${id}/pdf"`);
    expect(page.body).toContain('By email to siobhan@example.test');
    expect(page.body).toMatch(/12 Café Row<br \/>\s*Leicester LE1 1AA/);
    expect(page.body).toContain('We will send you our response by 14 December 2026.');

    const pdf = await hannah.get(`/letters/${id}/pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['content-disposition']).toBe(
      'attachment; filename="CMP-2026-0001-acknowledgement.pdf"',
    );
    expect(pdfPageCount(pdf.rawPayload)).toBe(1);
    expect(pdfWords(pdf.rawPayload)).toContain('We will send you our response by 14 December 2026.');

    const list = await hannah.get('/complaints/CMP-2026-0001/letters');
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain(`href="/letters/${id}"`);
    expect(list.body).toContain('Stage 2 response (final)');
    expect(list.body).toContain('CMP-2026-0001 · Siobhan O’Connor · Planning and Building Control');
    expect(list.body).toMatch(/aria-current="page">Letters</);

    const viewed = await auditEvents(t.db, {
      recordId: id,
      actorId: await personIdByEmail(t.db, demo('hannah.price')),
    });
    expect(viewed.map((event) => event.action)).toContain('letter.viewed');

    // An officer outside the team, and a head of service for a letter about a complaint.
    for (const name of ['emma.clarke', 'kwame.mensah']) {
      const browser = await client(name);
      expect((await browser.get(`/letters/${id}`)).statusCode, name).toBe(404);
      expect((await browser.get(`/letters/${id}/pdf`)).statusCode, name).toBe(404);
    }
    expect((await hannah.get('/letters/not-a-letter')).statusCode).toBe(404);
    expect((await hannah.get('/complaints/CMP-2026-9999/letters')).statusCode).toBe(404);
  });

  it('shows a letter about a customer’s behaviour to heads of service too', async () => {
    const complaint = complaints.get('CMP-2026-0001');
    const { id, emails } = await send({
      ...input('CMP-2026-0001'),
      kind: 'warning',
      at: new Date(now.getTime() + 60_000),
      complaintId: null,
      customerId: complaint?.customerId ?? '',
      values: {
        behaviour: 'You have phoned the housing team 40 times since 2 November about the same repair.',
      },
    });
    expect((await letterRow(id)).subject).toMatch(/^Your contact with Demo /);
    expect(emails[0]?.attachments[0]?.filename).toBe('letter-2026-11-23-warning.pdf');
    const kwame = await client('kwame.mensah');
    expect((await kwame.get(`/letters/${id}`)).statusCode).toBe(200);
    expect((await kwame.get(`/letters/${id}/pdf`)).statusCode).toBe(200);
    expect((await (await client('emma.clarke')).get(`/letters/${id}`)).statusCode).toBe(404);
    expect((await letters.forCustomer(t.councilId, complaint?.customerId ?? '')).at(-1)?.id).toBe(id);
  });

  it('shows another council nothing', async () => {
    const [letter] = await letters.forComplaint(t.councilId, complaints.get('CMP-2026-0001')?.id ?? '');
    const at = new Date();
    await t.db.transaction().execute(async (trx) => {
      const council = await createCouncil(
        trx,
        {
          name: 'Other Borough Council',
          slug: 'other-letters',
          division: 'england-and-wales',
          directorates: [{ name: 'Resources', services: ['Complaints'] }],
        },
        at,
      );
      await addPersonDuringSetUp(
        trx,
        council.councilId,
        {
          name: 'Olive Other',
          email: 'olive@other-letters.test',
          jobTitle: 'Complaints Manager',
          serviceId: null,
          lineManagerId: null,
          employmentType: 'employee',
          politicallyRestricted: false,
          roles: ['officer', 'complaints-manager'],
        },
        await hashPassword(testPassword),
        at,
      );
    });
    const olive = await signedInAs(t, 'olive@other-letters.test');
    expect((await olive.get(`/letters/${letter?.id}`)).statusCode).toBe(404);
    expect((await olive.get(`/letters/${letter?.id}/pdf`)).statusCode).toBe(404);
    expect((await olive.get('/complaints/CMP-2026-0001/letters')).statusCode).toBe(404);
    const templates = await olive.get('/complaints/templates');
    expect(templates.statusCode).toBe(200);
    expect(templates.body).not.toContain('Changed');
  });
});
