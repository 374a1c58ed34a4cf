import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { intakeService } from '../../src/modules/complaints/intake/service.ts';
import type { ModuleDeps } from '../../src/modules/organisation/module-deps.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { demoClients } from '../support/clients.ts';
import {
  complaintAnswers,
  csrfOf,
  fillPublicForm,
  pdfBytes,
  postMultipart,
  publicForm,
  submitPublicComplaint,
  uploadAuthority,
} from '../support/complaint-intake.ts';
import { databaseKinds } from '../support/databases.ts';

const progressPage = '/public/demo/complaints/progress';

describe.each(databaseKinds)('complaint intake on %s', (kind) => {
  let t: TestApp;
  const staff = demoClients(() => t);

  const complaintRow = async (reference: string) =>
    (
      await sql<
        Record<string, unknown>
      >`select c.*, s.acknowledge_by, s.respond_by, s.deadline_basis, s.started_on,
          cu.name as customer_name, cu.email as customer_email
        from complaint c join complaint_stage s on s.council_id = c.council_id and s.complaint_id = c.id and s.stage = 1
        join customer cu on cu.council_id = c.council_id and cu.id = c.customer_id
        where c.reference = ${reference}`.execute(t.db)
    ).rows[0];

  beforeAll(async () => {
    t = await startTestApp(kind);
  });
  afterAll(() => t.close());

  it('takes a complaint from the public, with a reference on screen and by email, and the dates it will be dealt with by', async () => {
    const browser = t.client();
    const { reference, confirmation } = await submitPublicComplaint(browser);
    expect(reference).toBe('CMP-2026-0001');
    // Received Monday 23 November 2026: acknowledged within 5 working days, the response within 10
    // working days of that (the Code, England and Wales).
    expect(confirmation.body).toContain('Monday 30 November 2026');
    expect(confirmation.body).toContain('Monday 14 December 2026');
    expect(confirmation.body).toContain('jo.public@example.test');

    const row = await complaintRow(reference);
    expect(row).toMatchObject({
      status: 'awaiting-triage',
      stage: 1,
      channel: 'online',
      regime: 'complaint-handling-code',
      received_on: '2026-11-23',
      started_on: '2026-11-23',
      acknowledge_by: '2026-11-30',
      respond_by: '2026-12-14',
      contact_email: 'jo.public@example.test',
      customer_name: 'Jo Public',
      customer_email: 'jo.public@example.test',
      what_happened: complaintAnswers.whatHappened,
      happened_on: '2026-11-02',
      representative_name: '',
      logged_by: null,
    });
    expect(String(row?.deadline_basis)).toMatch(/England and Wales/);

    const email = t.smtp.received.find((message) => message.subject.includes(reference));
    expect(email?.to).toBe('jo.public@example.test');
    expect(email?.text).toContain('Monday 30 November 2026');
    expect(email?.text).toContain('Monday 14 December 2026');
    expect(email?.text).toContain(`http://probity.test${progressPage}`);

    const audit = await sql<{
      action: string;
      actor_label: string;
    }>`select action, actor_label from audit_event
      where record_id = ${String(row?.id)}`.execute(t.db);
    expect(audit.rows.map((event) => event.action)).toEqual(['complaint.received']);

    // The confirmation stays on a refresh; a second press of the button makes no second complaint.
    expect((await browser.get(`${publicForm}/confirmation`)).body).toContain(reference);
    const again = await browser.post(`${publicForm}/check`);
    expect(again.headers.location).toBe(`${publicForm}/confirmation`);
    const count = await sql<{ n: number }>`select count(*)::int as n from complaint`.execute(t.db);
    expect(count.rows[0]?.n).toBe(1);

    // The next complaint takes the next number.
    const second = await submitPublicComplaint(t.client(), {
      email: 'second.person@example.test',
      name: 'Sam Second',
    });
    expect(second.reference).toBe('CMP-2026-0002');
  });

  it('keeps a complaint made for someone else with their written authority', async () => {
    const browser = t.client();
    await browser.get(publicForm);
    await browser.post(publicForm, { topic: 'complaint' });
    const who = await browser.post(`${publicForm}/who`, {
      forWhom: 'someone-else',
      theirName: 'Edna Elder',
      relationship: 'Her son',
    });
    expect(who.headers.location).toBe(`${publicForm}/authority`);
    const page = await browser.get(`${publicForm}/authority`);
    expect(page.body).toContain('Edna Elder');
    const uploaded = await uploadAuthority(t, browser, csrfOf(page.body), 'permission.pdf', pdfBytes);
    expect(uploaded.statusCode, uploaded.body).toBe(303);
    expect(uploaded.headers.location).toBe(`${publicForm}/contact`);
    const filled = await fillPublicForm(browser, { name: 'Ray Elder', email: 'ray.elder@example.test' });
    // Filling in again as oneself drops the other person: back to someone else for this complaint.
    expect(filled).toBe(`${publicForm}/check`);
    await browser.post(`${publicForm}/who`, {
      forWhom: 'someone-else',
      theirName: 'Edna Elder',
      relationship: 'Her son',
      returnTo: 'check',
    });
    const check = await browser.get(`${publicForm}/check`);
    expect(check.body).toContain('permission.pdf');
    await browser.post(`${publicForm}/check`);
    const confirmation = await browser.get(`${publicForm}/confirmation`);
    const reference = /id="reference">(CMP-\d{4}-\d{4})</.exec(confirmation.body)?.[1] as string;
    const row = await complaintRow(reference);
    expect(row).toMatchObject({
      customer_name: 'Edna Elder',
      customer_email: '',
      representative_name: 'Ray Elder',
      representative_relationship: 'Her son',
      contact_email: 'ray.elder@example.test',
    });
    const documents = await sql<{
      purpose: string;
      file_name: string;
      content_type: string;
      size_bytes: number;
    }>`
      select purpose, file_name, content_type, size_bytes from complaint_document where complaint_id = ${String(row?.id)}`.execute(
      t.db,
    );
    expect(documents.rows).toEqual([
      {
        purpose: 'authority',
        file_name: 'permission.pdf',
        content_type: 'application/pdf',
        size_bytes: pdfBytes.length,
      },
    ]);
    const drafts = await sql<{ n: number }>`select count(*)::int as n from complaint_draft_document`.execute(
      t.db,
    );
    expect(drafts.rows[0]?.n).toBe(0);
    // The complaints team can read it; the download is audited.
    const documentId = (
      await sql<{
        id: string;
      }>`select id from complaint_document where complaint_id = ${String(row?.id)}`.execute(t.db)
    ).rows[0]?.id;
    const lucy = await staff('lucy.adeyemi');
    expect((await lucy.get(`/complaints/${reference}`)).body).toContain(
      `href="/complaints/${reference}/documents/${documentId}">permission.pdf</a>`,
    );
    const download = await lucy.get(`/complaints/${reference}/documents/${documentId}`);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['content-disposition']).toBe('attachment; filename="permission.pdf"');
    expect(download.rawPayload.equals(pdfBytes)).toBe(true);
    expect((await lucy.get(`/complaints/CMP-1999-0001/documents/${documentId}`)).statusCode).toBe(404);
    expect(
      (await (await staff('megan.hall')).get(`/complaints/${reference}/documents/${documentId}`)).statusCode,
    ).toBe(403);
    const viewed = await sql<{
      n: number;
    }>`select count(*)::int as n from audit_event where action = 'complaint.document-viewed'`.execute(t.db);
    expect(viewed.rows[0]?.n).toBe(1);
  });

  it('lets the complaints team log a complaint received by phone, for a new or a known customer', async () => {
    const james = await staff('james.oneill');
    const find = await james.get('/complaints/log?q=Jo%20Public');
    expect(find.statusCode).toBe(200);
    const customerId = /\/complaints\/log\?customer=([0-9a-f-]{36})/.exec(find.body)?.[1];
    expect(customerId, find.body).toBeDefined();
    const form = await james.get(`/complaints/log?customer=${customerId}`);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('value="jo.public@example.test"');
    expect(form.body).not.toContain('id="contact-warning"');
    const submission = /name="submission" value="([^"]+)"/.exec(form.body)?.[1] as string;
    const fields = {
      _csrf: csrfOf(form.body),
      submission,
      customer: customerId as string,
      channel: 'phone',
      'receivedOn-day': '20',
      'receivedOn-month': '11',
      'receivedOn-year': '2026',
      receivedTime: '4:15pm',
      forWhom: 'self',
      name: 'Jo Public',
      email: 'jo.public@example.test',
      phone: '07700 900982',
      address: '',
      preference: 'phone',
      serviceId: 'unknown',
      whatHappened: 'Rang to say the council tax bill is wrong again.',
      'happenedOn-day': '1',
      'happenedOn-month': '11',
      'happenedOn-year': '2026',
      wantedOutcome: 'A corrected bill.',
      needsAdjustments: 'yes',
      adjustments: 'Large print letters',
    };
    const logged = await postMultipart(t, james, '/complaints/log', fields, null);
    expect(logged.statusCode, logged.body).toBe(303);
    const reference = /CMP-2026-\d{4}/.exec(String(logged.headers.location))?.[0] as string;
    expect(logged.headers.location).toBe(`/complaints/${reference}`);
    const row = await complaintRow(reference);
    expect(row).toMatchObject({
      channel: 'phone',
      customer_id: customerId,
      contact_preference: 'phone',
      adjustments: 'Large print letters',
      // Friday 20 November at 16:15 GMT: the deadlines count from that day, not from when it was logged.
      received_on: '2026-11-20',
      acknowledge_by: '2026-11-27',
      respond_by: '2026-12-11',
    });
    expect(new Date(row?.received_at as Date).toISOString()).toBe('2026-11-20T16:15:00.000Z');
    expect(row?.logged_by).not.toBeNull();
    // The same form sent twice (a double click) logs one complaint.
    const twice = await postMultipart(t, james, '/complaints/log', fields, null);
    expect(twice.headers.location).toBe(`/complaints/${reference}`);
    const count = await sql<{
      n: number;
    }>`select count(*)::int as n from complaint where channel = 'phone'`.execute(t.db);
    expect(count.rows[0]?.n).toBe(1);

    // Someone new, by letter, with a mistake: the form comes back with the values kept.
    const blank = await james.get('/complaints/log?new=1');
    const wrong = await postMultipart(
      t,
      james,
      '/complaints/log',
      {
        ...fields,
        _csrf: csrfOf(blank.body),
        submission: /name="submission" value="([^"]+)"/.exec(blank.body)?.[1] as string,
        customer: '',
        channel: 'letter',
        name: 'Pat Letterwriter',
        email: '',
        preference: 'email',
        'receivedOn-day': '24',
      },
      null,
    );
    expect(wrong.statusCode).toBe(400);
    const empty = await postMultipart(t, james, '/complaints/log', { _csrf: csrfOf(blank.body) }, null);
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('Select how the complaint was received');
    expect(wrong.body).toContain('The date received must be today or in the past');
    expect(wrong.body).toContain('Enter an email address, or choose another way for us to contact you');
    expect(wrong.body).toContain('value="Pat Letterwriter"');
  });

  it('refuses staff logging to everyone but the complaints team', async () => {
    const planner = await staff('megan.hall');
    expect((await planner.get('/complaints/log')).statusCode).toBe(403);
    expect((await t.client().get('/complaints/log')).statusCode).toBe(302);
  });

  it('shows a complaint’s progress only with its reference and the email address given', async () => {
    const browser = t.client();
    const lookup = await browser.get(progressPage);
    expect(lookup.statusCode).toBe(200);
    const wrongEmail = await browser.post(progressPage, {
      reference: 'CMP-2026-0001',
      email: 'someone.else@example.test',
    });
    const wrongReference = await browser.post(progressPage, {
      reference: 'CMP-2026-0999',
      email: 'jo.public@example.test',
    });
    expect(wrongEmail.statusCode).toBe(400);
    expect(wrongReference.statusCode).toBe(400);
    const message = (body: string) => /govuk-error-summary__list[\s\S]*?<\/ul>/.exec(body)?.[0];
    expect(message(wrongEmail.body)).toEqual(message(wrongReference.body));
    expect(wrongEmail.body).toContain('value="someone.else@example.test"');
    expect((await browser.get(`${progressPage}/complaint`)).headers.location).toBe(progressPage);

    const right = await browser.post(progressPage, {
      reference: ' cmp-2026-0001 ',
      email: 'Jo.Public@Example.TEST',
    });
    expect(right.statusCode).toBe(303);
    const page = await browser.get(`${progressPage}/complaint`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('CMP-2026-0001');
    expect(page.body).toContain('Received: we are checking it is a complaint we can look into');
    expect(page.body).toContain('Monday 30 November 2026');
    expect(page.body).not.toContain('Ask for stage 2');
    // The grant is for a while only.
    t.clock.advance(31 * 60 * 1000);
    expect((await browser.get(`${progressPage}/complaint`)).headers.location).toBe(progressPage);
  });

  it('lets the person ask for stage 2 once they have the stage 1 response, without a reason', async () => {
    await sql`update complaint set status = 'stage-1-responded' where reference = 'CMP-2026-0001'`.execute(
      t.db,
    );
    await sql`update complaint_stage set acknowledged_on = '2026-11-24', responded_on = '2026-12-01', outcome = 'not-upheld'
      where stage = 1 and complaint_id = (select id from complaint where reference = 'CMP-2026-0001')`.execute(
      t.db,
    );
    const browser = t.client();
    await browser.get(progressPage);
    await browser.post(progressPage, { reference: 'CMP-2026-0001', email: 'jo.public@example.test' });
    const page = await browser.get(`${progressPage}/complaint`);
    expect(page.body).toContain('We have sent you our response');
    expect(page.body).toContain('Ask for stage 2');
    const escalated = await browser.post(`${progressPage}/escalate`, { reason: '' });
    expect(escalated.statusCode, escalated.body).toBe(303);
    const after = await browser.get(String(escalated.headers.location));
    expect(after.body).toContain('You have asked for your complaint to go to stage 2');
    expect(after.body).toContain('Being looked into again at stage 2');
    expect(after.body).toContain('Stage 2');
    expect(after.body).not.toContain('Ask for stage 2');
    const row = await complaintRow('CMP-2026-0001');
    expect(row).toMatchObject({ status: 'stage-2', stage: 2 });
    const audit = await sql<{
      action: string;
    }>`select action from audit_event where record_id = ${String(row?.id)} order by seq`.execute(t.db);
    expect(audit.rows.map((event) => event.action)).toContain('complaint.escalated');

    // The letter the escalation sent is there to read and to download; no other letter is.
    const letterLink = /href="(\/public\/demo\/complaints\/progress\/letters\/[0-9a-f-]{36})"/.exec(
      after.body,
    )?.[1];
    expect(letterLink, after.body).toBeDefined();
    const letter = await browser.get(letterLink as string);
    expect(letter.statusCode).toBe(200);
    expect(letter.body).toContain('CMP-2026-0001');
    const pdf = await browser.get(`${letterLink}/pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(
      (await browser.get('/public/demo/complaints/progress/letters/00000000-0000-7000-8000-000000000000'))
        .statusCode,
    ).toBe(404);
    expect((await t.client().get(letterLink as string)).headers.location).toBe(progressPage);

    // Asking twice is refused with a reason, not a 500.
    const twice = await browser.post(`${progressPage}/escalate`, { reason: 'again' });
    expect(twice.statusCode).toBe(400);
    expect(twice.body).toContain('govuk-error-summary');
  });

  it('shows staff the warning about a customer whose contact is managed, and still logs their complaint', async () => {
    const customer = await sql<{
      id: string;
    }>`select id from customer where email = 'jo.public@example.test'`.execute(t.db);
    const customerId = customer.rows[0]?.id as string;
    await sql`update customer set category = 'warned' where id = ${customerId}`.execute(t.db);
    const hannah = await staff('hannah.price');
    const form = await hannah.get(`/complaints/log?customer=${customerId}`);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('id="contact-warning"');
    expect(form.body).toContain('A new complaint is still logged and assessed on its merits');
    const logged = await postMultipart(
      t,
      hannah,
      '/complaints/log',
      {
        _csrf: csrfOf(form.body),
        submission: /name="submission" value="([^"]+)"/.exec(form.body)?.[1] as string,
        customer: customerId,
        channel: 'in-person',
        'receivedOn-day': '23',
        'receivedOn-month': '11',
        'receivedOn-year': '2026',
        receivedTime: '08:00',
        forWhom: 'self',
        name: 'Jo Public',
        email: 'jo.public@example.test',
        phone: '',
        address: '',
        preference: 'email',
        serviceId: 'unknown',
        whatHappened: 'Came to the office about the bins again.',
        'happenedOn-day': '20',
        'happenedOn-month': '11',
        'happenedOn-year': '2026',
        wantedOutcome: 'Bins collected.',
        needsAdjustments: 'no',
      },
      {
        field: 'authority',
        name: 'note.png',
        type: 'image/png',
        content: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]),
      },
    );
    expect(logged.statusCode, logged.body).toBe(303);
    const reference = String(logged.headers.location).split('/').pop() as string;
    expect(await complaintRow(reference)).toMatchObject({
      customer_id: customerId,
      channel: 'in-person',
      status: 'awaiting-triage',
    });
  });

  it('removes drafts left for more than three days, with any file sent with them (the daily job)', async () => {
    const now = t.clock.now();
    const at = (days: number) => new Date(now.getTime() - days * 24 * 60 * 60 * 1000);
    const old = '019a0000-0000-7000-8000-000000000001';
    const recent = '019a0000-0000-7000-8000-000000000002';
    for (const [id, updated] of [
      [old, at(3.5)],
      [recent, at(2.5)],
    ] as const) {
      await sql`insert into complaint_draft (council_id, id, answers, updated_at)
        values (${t.councilId}, ${id}, '{"name":"Left"}', ${updated})`.execute(t.db);
    }
    await sql`insert into complaint_draft_document (council_id, draft_id, id, purpose, file_name, content_type, size_bytes, content, uploaded_at)
      values (${t.councilId}, ${old}, ${old}, 'authority', 'a.pdf', 'application/pdf', ${pdfBytes.length}, ${pdfBytes}, ${at(4)})`.execute(
      t.db,
    );
    // Only the database and the clock are used by the job.
    const intake = intakeService({ db: t.db, clock: t.clock } as unknown as ModuleDeps, {} as never);
    expect(await intake.removeAbandonedDrafts()).toBeGreaterThanOrEqual(1);
    const left = await sql<{
      id: string;
    }>`select id from complaint_draft where id in (${old}, ${recent})`.execute(t.db);
    expect(left.rows.map((row) => row.id)).toEqual([recent]);
    const files = await sql<{
      n: number;
    }>`select count(*)::int as n from complaint_draft_document where draft_id = ${old}`.execute(t.db);
    expect(files.rows[0]?.n).toBe(0);
  });
});
