import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, testClient } from '../support/app.ts';
import { demoClients } from '../support/clients.ts';
import { csrfOf, fillPublicForm, pdfBytes, postMultipart, publicForm } from '../support/complaint-intake.ts';
import { databaseKinds } from '../support/databases.ts';
import { otherCouncilMark, seedOtherCouncil } from '../support/other-council.ts';
import { testPassword } from '../support/people.ts';

// Evidence a resident sends with a complaint on the public form (photos, documents): checked by
// its first bytes and its size, kept with the complaint, downloaded by the complaints team only.

const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(1500, 7)]);
const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
// An iPhone photo: an ISO media file whose brand says HEIC.
const heic = Buffer.concat([
  Buffer.from([0, 0, 0, 0x18]),
  Buffer.from('ftypheic'),
  Buffer.from([0, 0, 0, 0]),
  Buffer.from('mif1heic'),
  Buffer.alloc(64, 1),
]);
const program = Buffer.from('MZ\x90\x00\x03\x00\x00\x00 a program renamed to look like a photo');
const megabytes = (n: number) =>
  Buffer.concat([jpeg, Buffer.alloc(Math.round(n * 1024 * 1024) - jpeg.length)]);

describe.each(databaseKinds)('evidence sent with a complaint on %s', (kind) => {
  let t: TestApp;
  const staff = demoClients(() => t);
  let addresses = 0;
  // A resident who has answered every question, from an address of their own (the upload limit
  // counts by address).
  const resident = async (email: string) => {
    addresses += 1;
    const client = testClient(t.app, { remoteAddress: `198.51.100.${addresses}` });
    expect(await fillPublicForm(client, { email })).toBe(`${publicForm}/check`);
    return client;
  };
  const evidencePage = async (client: ReturnType<typeof testClient>) => client.get(`${publicForm}/evidence`);
  const upload = async (
    client: ReturnType<typeof testClient>,
    file: { name: string; content: Buffer; type?: string },
    fields: Record<string, string> = { add: 'yes' },
  ) => {
    const page = await evidencePage(client);
    return postMultipart(
      t,
      client,
      `${publicForm}/evidence`,
      { _csrf: csrfOf(page.body), ...fields },
      {
        field: 'evidence',
        name: file.name,
        type: file.type ?? 'image/jpeg',
        content: file.content,
      },
    );
  };
  // The evidence waiting in the drafts of the resident with this email address.
  const draftFiles = async (email: string) =>
    (
      await sql<{ n: number }>`select count(*)::int as n from complaint_draft_document d
        join complaint_draft c on c.council_id = d.council_id and c.id = d.draft_id
        where d.council_id = ${t.councilId} and d.purpose = 'evidence' and c.answers->>'email' = ${email}`.execute(
        t.db,
      )
    ).rows[0]?.n;
  const send = async (client: ReturnType<typeof testClient>) => {
    expect((await client.post(`${publicForm}/check`)).headers.location).toBe(`${publicForm}/confirmation`);
    const confirmation = await client.get(`${publicForm}/confirmation`);
    return /id="reference">(CMP-\d{4}-\d{4})</.exec(confirmation.body)?.[1] as string;
  };
  const documentsOf = async (reference: string) =>
    (
      await sql<{ id: string; purpose: string; file_name: string; content_type: string; size_bytes: number }>`
        select d.id, d.purpose, d.file_name, d.content_type, d.size_bytes from complaint_document d
        join complaint c on c.council_id = d.council_id and c.id = d.complaint_id
        where c.council_id = ${t.councilId} and c.reference = ${reference} order by d.file_name`.execute(t.db)
    ).rows;

  beforeAll(async () => {
    t = await startTestApp(kind);
  });
  afterAll(() => t.close());

  it('comes after what happened, takes files one at a time, and lets the resident remove one before sending', async () => {
    const client = await resident('eve.evidence@example.test');
    const whatHappened = await client.post(`${publicForm}/what-happened`, {
      whatHappened: 'The bin was left in the road.',
      'happenedOn-day': '2',
      'happenedOn-month': '11',
      'happenedOn-year': '2026',
    });
    expect(whatHappened.headers.location).toBe(`${publicForm}/evidence`);
    const page = await evidencePage(client);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Send photos or documents (optional)');
    expect(page.body).toContain('enctype="multipart/form-data"');

    const photo = await upload(client, { name: 'C:\\Users\\eve\\bin in road.jpg', content: jpeg });
    expect(photo.statusCode, photo.body).toBe(303);
    expect(photo.headers.location).toBe(`${publicForm}/evidence`);
    // Continue with a file chosen adds it and moves on.
    const letter = await upload(
      client,
      { name: 'letter.pdf', content: pdfBytes, type: 'application/pdf' },
      {},
    );
    expect(letter.headers.location).toBe(`${publicForm}/outcome`);
    const listed = await evidencePage(client);
    expect(listed.body).toContain('bin in road.jpg');
    expect(listed.body).toContain('letter.pdf');
    expect(listed.body).toContain('2 KB');

    const check = await client.get(`${publicForm}/check`);
    expect(check.body).toContain('Photos and documents');
    expect(check.body).toContain('bin in road.jpg');

    // Removing the letter (its own small form on the page).
    const letterAt = listed.body.indexOf('Remove<span class="govuk-visually-hidden"> letter.pdf');
    const letterId = [
      ...listed.body.slice(0, letterAt).matchAll(/name="file" value="([0-9a-f-]{36})"/g),
    ].pop()?.[1];
    expect(letterId, listed.body).toBeDefined();
    const removed = await client.post(`${publicForm}/evidence/remove`, {
      file: letterId as string,
      returnTo: 'check',
    });
    expect(removed.headers.location).toBe(`${publicForm}/evidence?from=check`);
    expect((await evidencePage(client)).body).not.toContain('letter.pdf');

    const reference = await send(client);
    expect(await documentsOf(reference)).toEqual([
      expect.objectContaining({
        purpose: 'evidence',
        file_name: 'bin in road.jpg',
        content_type: 'image/jpeg',
        size_bytes: jpeg.length,
      }),
    ]);
    expect(await draftFiles('eve.evidence@example.test')).toBe(0);
    const received = await sql<{ after: { evidenceFiles: number } }>`select after from audit_event
      where action = 'complaint.received' order by seq desc limit 1`.execute(t.db);
    expect(received.rows[0]?.after.evidenceFiles).toBe(1);

    // The officer's case page lists it; it downloads as what it is, never shown inline.
    const [document] = await documentsOf(reference);
    const lucy = await staff('lucy.adeyemi');
    const casePage = await lucy.get(`/complaints/${reference}`);
    expect(casePage.body).toContain(
      `href="/complaints/${reference}/documents/${document?.id}">bin in road.jpg</a> (Evidence, 1 KB)`,
    );
    const download = await lucy.get(`/complaints/${reference}/documents/${document?.id}`);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('image/jpeg');
    expect(download.headers['content-disposition']).toBe('attachment; filename="bin in road.jpg"');
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    expect(download.rawPayload.equals(jpeg)).toBe(true);
    // Need-to-know: a head of service who was not asked for an account cannot.
    expect(
      (await (await staff('kwame.mensah')).get(`/complaints/${reference}/documents/${document?.id}`))
        .statusCode,
    ).toBe(403);
  });

  it.each([
    [
      'a program renamed .jpg',
      { name: 'photo.jpg', content: program },
      400,
      'The file must be a PDF, JPG, PNG or HEIC',
    ],
    ['an empty file', { name: 'photo.jpg', content: Buffer.alloc(0) }, 400, 'The file you chose is empty'],
    [
      'a file over 10 MB',
      { name: 'huge.jpg', content: megabytes(10.5) },
      413,
      'The file must be smaller than 10 MB',
    ],
    ['no file, asking to add one', { name: '', content: Buffer.alloc(0) }, 400, 'Select a file to add'],
  ])('refuses %s with a clear message, saving nothing', async (_case, file, status, message) => {
    const email = `refused.${addresses}@example.test`;
    const client = await resident(email);
    const refused = await upload(client, file);
    expect(refused.statusCode).toBe(status);
    expect(refused.body).toContain('govuk-error-summary');
    expect(refused.body).toContain(message);
    expect(await draftFiles(email)).toBe(0);
  });

  it('takes a HEIC photo, a PNG, a JPEG and a PDF, up to five files', async () => {
    const client = await resident('five.files@example.test');
    expect(
      (await upload(client, { name: 'iphone.heic', content: heic, type: 'image/heic' })).statusCode,
    ).toBe(303);
    expect((await upload(client, { name: 'a.png', content: png, type: 'image/png' })).statusCode).toBe(303);
    expect((await upload(client, { name: 'b.jpg', content: jpeg })).statusCode).toBe(303);
    expect(
      (await upload(client, { name: 'c.pdf', content: pdfBytes, type: 'application/pdf' })).statusCode,
    ).toBe(303);
    expect((await upload(client, { name: 'd.png', content: png, type: 'image/png' })).statusCode).toBe(303);
    const sixth = await upload(client, { name: 'sixth.png', content: png, type: 'image/png' });
    expect(sixth.statusCode).toBe(400);
    expect(sixth.body).toContain('You can send up to 5 files. Remove one to add another');
    expect((await evidencePage(client)).body).toContain('id="evidence-full"');
    expect(await draftFiles('five.files@example.test')).toBe(5);
    const reference = await send(client);
    const kept = await documentsOf(reference);
    expect(kept.map((document) => [document.file_name, document.content_type])).toEqual([
      ['a.png', 'image/png'],
      ['b.jpg', 'image/jpeg'],
      ['c.pdf', 'application/pdf'],
      ['d.png', 'image/png'],
      ['iphone.heic', 'image/heic'],
    ]);
  });

  it('refuses an upload without the form’s token', async () => {
    const client = await resident('no.token@example.test');
    const forged = await postMultipart(
      t,
      client,
      `${publicForm}/evidence`,
      { add: 'yes' },
      {
        field: 'evidence',
        name: 'photo.jpg',
        type: 'image/jpeg',
        content: jpeg,
      },
    );
    expect(forged.statusCode).toBe(403);
    expect(await draftFiles('no.token@example.test')).toBe(0);
  });

  it('is not found by another council, and goes when the complaint is anonymised with its merged duplicates', async () => {
    const client = await resident('kept.files@example.test');
    expect((await upload(client, { name: 'photo.jpg', content: jpeg })).statusCode).toBe(303);
    const reference = await send(client);
    const again = await resident('kept.files@example.test');
    expect((await upload(again, { name: 'again.jpg', content: jpeg })).statusCode).toBe(303);
    const duplicate = await send(again);
    const [document] = await documentsOf(reference);

    await seedOtherCouncil(t);
    const quentin = testClient(t.app);
    await quentin.signIn(`quentin@${otherCouncilMark.toLowerCase()}.test`, testPassword);
    expect((await quentin.get(`/complaints/${reference}/documents/${document?.id}`)).statusCode).toBe(404);
    expect((await quentin.get(`/complaints/CMP-2026-0001/documents/${document?.id}`)).statusCode).toBe(404);

    // Merged, then resolved long ago: the retention job anonymises both, and their files go.
    const lucy = await staff('lucy.adeyemi');
    expect(
      (await lucy.post(`/complaints/${duplicate}/duplicates/${reference}`, { decision: 'merge' })).statusCode,
    ).toBe(303);
    const survivor = await lucy.get(`/complaints/${reference}`);
    expect(survivor.body).toContain(`href="/complaints/${duplicate}/documents/`);
    expect(survivor.body).toContain('again.jpg</a> (Evidence, 1 KB)');
    await sql`update complaint set status = 'not-accepted', triage_decision = 'feedback', resolved_on = '2025-01-06'
      where council_id = ${t.councilId} and reference = ${reference}`.execute(t.db);
    const job = t.jobs.find((candidate) => candidate.name === 'complainants’ personal data past retention');
    await job?.run();
    const left = await sql<{ reference: string; anonymised: boolean; files: number }>`
      select c.reference, c.anonymised_at is not null as anonymised,
        (select count(*)::int from complaint_document d where d.council_id = c.council_id and d.complaint_id = c.id) as files
      from complaint c where c.council_id = ${t.councilId} and c.reference in (${reference}, ${duplicate})
      order by c.reference`.execute(t.db);
    expect(left.rows).toEqual([
      { reference, anonymised: true, files: 0 },
      { reference: duplicate, anonymised: true, files: 0 },
    ]);
  });
});
