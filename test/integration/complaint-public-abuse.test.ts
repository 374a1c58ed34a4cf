import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { londonDate } from '../../src/platform/calendar/daylight.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { demoClients } from '../support/clients.ts';
import {
  fillPublicForm,
  pdfBytes,
  postMultipart,
  publicForm,
  startForSomeoneElse,
  submitPublicComplaint,
  uploadAuthority,
} from '../support/complaint-intake.ts';
import { databaseKinds } from '../support/databases.ts';
import { rowCount } from '../support/rows.ts';

const script = '<script>alert("owned")</script>';
const escapedScript = '&lt;script&gt;alert(';

// Bad input and abuse on the public form: clear messages, nothing lost, nothing
// executed, nothing stored on refusal, never a 500.
describe.each(databaseKinds)('the public complaint form under bad input and abuse on %s', (kind) => {
  let t: TestApp;
  const staff = demoClients(() => t);
  const count = (table: 'complaint' | 'complaint_draft_document' | 'complaint_document') =>
    rowCount(t.db, table);

  beforeAll(async () => {
    t = await startTestApp(kind);
  });
  afterAll(() => t.close());

  it('says what is missing on each page and keeps what was typed', async () => {
    const browser = t.client();
    await browser.get(publicForm);
    const noTopic = await browser.post(publicForm, {});
    expect(noTopic.statusCode).toBe(400);
    expect(noTopic.body).toContain('Select what your complaint is about');
    await browser.post(publicForm, { topic: 'complaint' });
    const who = await browser.post(`${publicForm}/who`, { forWhom: 'someone-else', theirName: 'Edna' });
    expect(who.statusCode).toBe(400);
    expect(who.body).toContain('Enter how you know them');
    expect(who.body).toContain('value="Edna"');
    expect(who.body).toMatch(/<title>Error: /);
    const contact = await browser.post(`${publicForm}/contact`, {
      name: '',
      email: 'jo@',
      phone: '',
      address: '',
      preference: 'email',
    });
    expect(contact.statusCode).toBe(400);
    expect(contact.body).toContain('Enter your full name');
    expect(contact.body).toContain('Enter an email address in the correct format');
    expect(contact.body).toContain('value="jo@"');
    // Back to the page later: what was typed is still there.
    expect((await browser.get(`${publicForm}/contact`)).body).toContain('value="jo@"');
    const empty = await browser.post(`${publicForm}/what-happened`, {});
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('Tell us what happened');
    expect(empty.body).toContain('Enter when it happened');
    // The check page sends the person back to the first page with something missing.
    expect((await browser.get(`${publicForm}/check`)).statusCode).toBe(303);
    expect((await browser.get(`${publicForm}/check`)).headers.location).toBe(`${publicForm}/who`);
  });

  it('refuses oversized fields and bodies with a clear message, not a 500', async () => {
    const browser = t.client();
    await browser.get(publicForm);
    await browser.post(publicForm, { topic: 'complaint' });
    const long = 'a'.repeat(10_001);
    const tooLong = await browser.post(`${publicForm}/what-happened`, {
      whatHappened: long,
      'happenedOn-day': '1',
      'happenedOn-month': '11',
      'happenedOn-year': '2026',
    });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.body).toContain('What happened must be 10,000 characters or fewer');
    expect(tooLong.body).toContain(long);
    const huge = await browser.post(`${publicForm}/outcome`, { wantedOutcome: 'b'.repeat(2 * 1024 * 1024) });
    expect(huge.statusCode).toBe(413);
    expect(huge.body).toContain('What you sent is too large');
  });

  it('shows script typed into the form as text on every page, and to staff', async () => {
    const browser = t.client();
    const { reference, confirmation } = await (async () => {
      await fillPublicForm(browser, {
        name: script,
        whatHappened: `${script}\nsecond line`,
        wantedOutcome: script,
      });
      const check = await browser.get(`${publicForm}/check`);
      expect(check.statusCode).toBe(200);
      expect(check.body).not.toContain(script);
      expect(check.body).toContain(escapedScript);
      expect(check.body).toContain('<br>second line');
      const sent = await browser.post(`${publicForm}/check`);
      expect(sent.statusCode).toBe(303);
      const page = await browser.get(`${publicForm}/confirmation`);
      return {
        reference: /id="reference">(CMP-\d{4}-\d{4})</.exec(page.body)?.[1] as string,
        confirmation: page,
      };
    })();
    expect(confirmation.body).not.toContain(script);
    const contactPage = await t.client().get(publicForm);
    expect(contactPage.body).not.toContain(script);
    const lucy = await staff('lucy.adeyemi');
    const casePage = await lucy.get(`/complaints/${reference}`);
    expect(casePage.statusCode).toBeLessThan(500);
    expect(casePage.body).not.toContain(script);
    const email = t.smtp.received.find((message) => message.subject.includes(reference));
    expect(email?.text).toContain(`Dear ${script}`); // plain text email: shown, never run
  });

  it('refuses a program renamed .pdf, and a file over the size limit with a 413 page, storing neither', async () => {
    const browser = t.client();
    const csrf = await startForSomeoneElse(browser);
    const exe = Buffer.concat([Buffer.from('MZ\x90\x00'), Buffer.alloc(4096, 1)]);
    const wrongType = await uploadAuthority(t, browser, csrf, 'permission.pdf', exe);
    expect(wrongType.statusCode).toBe(400);
    expect(wrongType.body).toContain('The file must be a PDF, JPG or PNG');
    const tooBig = await uploadAuthority(
      t,
      browser,
      csrf,
      'scan.pdf',
      Buffer.concat([pdfBytes, Buffer.alloc(6 * 1024 * 1024, 0x20)]),
    );
    expect(tooBig.statusCode).toBe(413);
    expect(tooBig.body).toContain('The file must be smaller than 5 MB');
    expect(tooBig.body).toContain('Upload their written permission');
    const none = await postMultipart(t, browser, `${publicForm}/authority`, { _csrf: csrf }, null);
    expect(none.statusCode).toBe(400);
    expect(none.body).toContain('Select a file to upload');
    expect(await count('complaint_draft_document')).toBe(0);
    // A file sent without the form's token is refused before anything is kept.
    const forged = await uploadAuthority(t, browser, null, 'permission.pdf', pdfBytes);
    expect(forged.statusCode).toBe(403);
    expect(await count('complaint_draft_document')).toBe(0);
  });

  it('needs the form’s CSRF token to send a complaint', async () => {
    const browser = t.client();
    expect(await fillPublicForm(browser)).toBe(`${publicForm}/check`);
    const before = await count('complaint');
    const forged = await browser.postWithoutCsrf(`${publicForm}/check`);
    expect(forged.statusCode).toBe(403);
    expect(forged.body).toContain('The form has expired');
    expect(await count('complaint')).toBe(before);
    const forgedStep = await browser.postWithoutCsrf(`${publicForm}/who`, { forWhom: 'someone-else' });
    expect(forgedStep.statusCode).toBe(403);
  });

  it('answers 404 for a council that does not exist', async () => {
    const browser = t.client();
    expect((await browser.get('/public/no-such-council/complaints/new')).statusCode).toBe(404);
    expect((await browser.get('/public/no-such-council/complaints/progress')).statusCode).toBe(404);
    expect((await browser.get('/public/demo/complaints/elsewhere/not-a-topic')).statusCode).toBe(404);
  });

  it('limits guesses at a reference and email address from one address', async () => {
    const browser = t.client();
    await browser.get('/public/demo/complaints/progress');
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 21; attempt++) {
      const guess = await browser.post('/public/demo/complaints/progress', {
        reference: `CMP-2026-${String(attempt).padStart(4, '0')}`,
        email: 'guess@example.test',
      });
      statuses.push(guess.statusCode);
      if (guess.statusCode === 429)
        expect(guess.body).toContain('You have tried to find a complaint too many times');
    }
    expect(statuses.slice(0, 20).every((status) => status === 400 || status === 303)).toBe(true);
    expect(statuses[20]).toBe(429);
  });

  it('keeps nothing longer than a field may hold, so a draft stays small however much is sent', async () => {
    const browser = t.client({ remoteAddress: '203.0.113.40' });
    await browser.get(publicForm);
    await browser.post(publicForm, { topic: 'complaint' });
    const flood = 'x'.repeat(900 * 1024);
    for (const [page, field] of [
      ['who', 'theirName'],
      ['contact', 'address'],
      ['what-happened', 'whatHappened'],
      ['outcome', 'wantedOutcome'],
    ] as const) {
      const refused = await browser.post(`${publicForm}/${page}`, {
        forWhom: 'someone-else',
        [field]: flood,
      });
      expect(refused.statusCode, page).toBe(400);
      expect(refused.body).toContain('characters or fewer');
    }
    const largest = await sql<{ size: number }>`
      select coalesce(max(length(answers::text)), 0)::int as size from complaint_draft`.execute(t.db);
    expect(largest.rows[0]?.size).toBeLessThan(25_000);
    expect((await browser.get(`${publicForm}/outcome`)).body).not.toContain(flood.slice(0, 20_000));
  });

  it('limits how many complaints one address starts, and how many files it uploads, in a short time', async () => {
    const address = '203.0.113.41';
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 21; attempt++) {
      const browser = t.client({ remoteAddress: address });
      await browser.get(publicForm);
      const started = await browser.post(publicForm, { topic: 'complaint' });
      statuses.push(started.statusCode);
      if (started.statusCode === 429)
        expect(started.body).toContain('You have started a complaint too many times');
    }
    expect(statuses.slice(0, 20)).toEqual(Array(20).fill(303));
    expect(statuses[20]).toBe(429);
    const elsewhere = t.client({ remoteAddress: '203.0.113.42' });
    await elsewhere.get(publicForm);
    expect((await elsewhere.post(publicForm, { topic: 'complaint' })).statusCode).toBe(303);

    const uploader = t.client({ remoteAddress: '203.0.113.43' });
    const csrf = await startForSomeoneElse(uploader);
    const uploads: number[] = [];
    for (let attempt = 0; attempt < 21; attempt++)
      uploads.push((await uploadAuthority(t, uploader, csrf, 'permission.pdf', pdfBytes)).statusCode);
    expect(uploads.slice(0, 20)).toEqual(Array(20).fill(303));
    expect(uploads[20]).toBe(429);
  });

  it('stops taking complaints online for the day at the council’s ceiling, with a clear page', async () => {
    const setCeiling = (settings: Record<string, number>) =>
      sql`update council_policy set settings = settings || ${JSON.stringify(settings)}::jsonb
          where council_id = ${t.councilId}`.execute(t.db);
    await setCeiling({ publicComplaintsPerDay: 10, publicUploadMegabytesPerDay: 10 });
    try {
      const drafts = () => rowCount(t.db, 'complaint_draft');
      const day = londonDate(t.clock.now());
      const started = await sql<{ drafts: number }>`
        select drafts from public_intake_day where council_id = ${t.councilId} and day = ${day}`.execute(
        t.db,
      );
      const room = 10 - (started.rows[0]?.drafts ?? 0);
      const start = async (n: number) => {
        const browser = t.client({ remoteAddress: `198.51.100.${n}` });
        await browser.get(publicForm);
        return browser.post(publicForm, { topic: 'complaint' });
      };
      for (let n = 0; n < room; n++) expect((await start(n)).statusCode).toBe(303);
      const before = await drafts();
      const refused = await start(200);
      expect(refused.statusCode).toBe(503);
      expect(refused.body).toContain('cannot take any more complaints online today');
      expect(refused.body).toContain('phone or write');
      expect(await drafts()).toBe(before);

      // Files count against their own ceiling, in bytes.
      await sql`update public_intake_day set drafts = 0, upload_bytes = ${10 * 1024 * 1024 - 100}
                where council_id = ${t.councilId} and day = ${day}`.execute(t.db);
      const uploader = t.client({ remoteAddress: '198.51.100.201' });
      const csrf = await startForSomeoneElse(uploader);
      const documents = await count('complaint_draft_document');
      const upload = await uploadAuthority(t, uploader, csrf, 'permission.pdf', pdfBytes);
      expect(upload.statusCode).toBe(503);
      expect(upload.body).toContain('cannot take any more complaints online today');
      expect(await count('complaint_draft_document')).toBe(documents);

      // The next day there is room again.
      t.clock.advance(24 * 60 * 60 * 1000);
      expect((await start(202)).statusCode).toBe(303);
    } finally {
      await sql`update council_policy set settings = settings - 'publicComplaintsPerDay' - 'publicUploadMegabytesPerDay'
                where council_id = ${t.councilId}`.execute(t.db);
    }
  });

  it('limits how many complaints one address sends in a short time, with a clear page', async () => {
    const before = await count('complaint');
    const browser = t.client();
    let refused = null;
    for (let attempt = 0; attempt < 11 && !refused; attempt++) {
      const { reference } = await submitPublicComplaint(browser, {
        email: `sender${attempt}@example.test`,
      }).catch(() => ({ reference: null }));
      if (!reference) refused = attempt;
    }
    // Ten in ten minutes, counting those sent by the tests above from the same address.
    expect(refused).not.toBeNull();
    const after = await count('complaint');
    const limited = await browser.post(`${publicForm}/check`);
    expect(limited.statusCode).toBe(429);
    expect(limited.body).toContain('You have sent a complaint too many times in a short time');
    expect(limited.body).toContain('Your answers have been kept');
    expect(await count('complaint')).toBe(after);
    expect(after - before).toBeLessThan(11);
  });
});
