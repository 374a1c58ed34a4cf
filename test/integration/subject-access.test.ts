import { strFromU8, unzipSync } from 'fflate';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.ts';
import { demo, demoClients, demoPersonId } from '../support/clients.ts';
import { insertComplaint } from '../support/complaint-rows.ts';
import { databaseKinds } from '../support/databases.ts';
import { record } from '../support/gifts.ts';
import { insertDeclaration } from '../support/interests.ts';
import { otherCouncilMark, seedOtherCouncil } from '../support/other-council.ts';
import { pdfText } from '../support/pdf-text.ts';

type Export = Record<string, { title: string; records: Record<string, unknown>[] }>;

// The ZIP's JSON files by name (without .json), and its PDF.
function opened(zip: Buffer) {
  const files = unzipSync(new Uint8Array(zip));
  const json: Export = {};
  for (const [name, bytes] of Object.entries(files))
    if (name.endsWith('.json')) json[name.replace(/\.json$/, '')] = JSON.parse(strFromU8(bytes));
  return { names: Object.keys(files), json, pdf: Buffer.from(files['summary.pdf'] ?? new Uint8Array()) };
}

describe.each(databaseKinds)('subject access exports, on %s', (kind) => {
  let t: TestApp;
  const clients = demoClients(() => t);
  let customerId: string;
  let otherCustomerId: string;

  beforeAll(async () => {
    t = await startTestApp(kind);
    await seedOtherCouncil(t);
    const officer = await clients('liam.barker');
    await record(officer, { description: 'A hamper from Ashby Foods', offerorOrganisation: 'Ashby Foods' });
    await record(await clients('sophie.turner'), { description: 'Theatre tickets for Sophie' });
    await insertDeclaration(t.db, t.councilId, {
      personEmail: demo('liam.barker'),
      summary: 'Director of Barker Lettings',
      parties: [{ name: 'Barker Lettings Ltd', kind: 'organisation' }],
    });
    const complaint = (reference: string, name: string, email: string) =>
      insertComplaint(t.db, t.councilId, {
        reference,
        service: 'Housing',
        receivedOn: '2026-10-01',
        customer: { name, email },
        stages: [
          {
            startedOn: '2026-10-01',
            acknowledgeBy: '2026-10-08',
            respondBy: '2026-10-29',
            handler: demo('james.oneill'),
          },
        ],
      });
    await complaint('CMP-SAR-0001', 'Ada Thornbury', 'ada.thornbury@example.com');
    await complaint('CMP-SAR-0002', 'Ada Thornbury', 'ada.thornbury@example.com');
    await complaint('CMP-SAR-0003', 'Basil Oduya', 'basil.oduya@example.com');
    const ids = async (name: string) =>
      (
        await t.db
          .selectFrom('complaint as c')
          .innerJoin('customer as u', (j) =>
            j.onRef('u.council_id', '=', 'c.council_id').onRef('u.id', '=', 'c.customer_id'),
          )
          .select('u.id')
          .where('c.council_id', '=', t.councilId)
          .where('u.name', '=', name)
          .execute()
      ).map((row) => row.id);
    // insertComplaint makes a customer for each complaint: the two of Ada's are one customer.
    const [first, second] = await ids('Ada Thornbury');
    customerId = first as string;
    await sql`update complaint set customer_id = ${customerId} where council_id = ${t.councilId} and customer_id = ${second}`.execute(
      t.db,
    );
    otherCustomerId = (await ids('Basil Oduya'))[0] as string;
  });
  afterAll(() => t.close());

  const download = async (path: string) => {
    const response = await (await clients('helen.achebe')).get(path);
    expect(response.statusCode, response.body.slice(0, 500)).toBe(200);
    expect(response.headers['content-type']).toBe('application/zip');
    expect(response.headers['content-disposition']).toMatch(
      /^attachment; filename="subject-access-.*\.zip"$/,
    );
    return opened(response.rawPayload);
  };

  it('finds staff and customers by name, email or postcode', async () => {
    const dpo = await clients('helen.achebe');
    const byName = await dpo.get('/privacy/subject-access?q=Thornbury');
    expect(byName.statusCode).toBe(200);
    expect(byName.body).toContain(`/privacy/subject-access/customer/${customerId}`);
    expect(byName.body).not.toContain('Basil Oduya');
    const staff = await dpo.get('/privacy/subject-access?q=liam.barker');
    expect(staff.body).toContain(`/privacy/subject-access/person/${await demoPersonId(t, 'liam.barker')}`);
    const other = await dpo.get(`/privacy/subject-access?q=${otherCouncilMark}`);
    expect(other.body).toContain('No member of staff or customer matches');
  });

  it('exports a member of staff’s records from every module, and no one else’s', async () => {
    const id = await demoPersonId(t, 'liam.barker');
    const page = await (await clients('helen.achebe')).get(`/privacy/subject-access/person/${id}`);
    expect(page.body).toContain('Gifts and hospitality offered to them');
    const { names, json, pdf } = await download(`/privacy/subject-access/person/${id}/export.zip`);
    expect(names).toContain('summary.pdf');
    expect(json['organisation-person']?.records[0]).toMatchObject({
      Name: 'Liam Barker',
      Email: demo('liam.barker'),
    });
    const offers = json['gifts-offers']?.records ?? [];
    expect(offers.map((o) => o.Description)).toEqual(['A hamper from Ashby Foods']);
    expect(offers[0]?.['Recorded at']).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(json['interests-declarations']?.records[0]?.Summary).toBe('Director of Barker Lettings');
    expect(json['audit-events']?.records.length).toBeGreaterThan(0);
    const everything = JSON.stringify(json);
    expect(everything).not.toContain('Theatre tickets for Sophie');
    expect(everything).not.toContain(otherCouncilMark);
    expect(everything).not.toContain('password');
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdfText(pdf)).toContain('Subject access export');
  });

  it('gives a named reporter their concern, and the person it names nothing of it', async () => {
    const sent = await (await clients('liam.barker')).post('/concerns/new', {
      category: 'bullying',
      what: 'Sophie Turner shouts at the new starters',
      involved: 'Sophie Turner',
      route: 'any',
      identity: 'named',
      name: 'Liam Barker',
      contact: 'liam.barker@demo.probity.test',
      protect: 'yes',
    });
    expect(sent.statusCode).toBe(200);
    const reporter = await download(
      `/privacy/subject-access/person/${await demoPersonId(t, 'liam.barker')}/export.zip`,
    );
    expect(reporter.json.concerns?.records).toEqual([
      expect.objectContaining({
        'Your name': 'Liam Barker',
        'What you told us': 'Sophie Turner shouts at the new starters',
      }),
    ]);
    const named = await download(
      `/privacy/subject-access/person/${await demoPersonId(t, 'sophie.turner')}/export.zip`,
    );
    expect(named.json.concerns).toBeUndefined();
    expect(JSON.stringify(named.json)).not.toContain('Liam Barker');
    expect(JSON.stringify(named.json)).not.toContain('shouts at the new starters');
  });

  it('exports a customer’s complaints, stages and customer record, and not another customer’s', async () => {
    const { json, pdf } = await download(`/privacy/subject-access/customer/${customerId}/export.zip`);
    expect(json['customers-customer']?.records[0]).toMatchObject({
      Name: 'Ada Thornbury',
      Email: 'ada.thornbury@example.com',
    });
    expect(json.complaints?.records.map((c) => c.Reference).sort()).toEqual(['CMP-SAR-0001', 'CMP-SAR-0002']);
    expect(json.complaints?.records[0]?.['What happened']).toBe('What happened to Ada Thornbury');
    expect(json['complaints-stages']?.records).toHaveLength(2);
    expect(json['organisation-person']).toBeUndefined();
    const everything = JSON.stringify(json);
    expect(everything).not.toContain('Basil Oduya');
    expect(everything).not.toContain('CMP-SAR-0003');
    expect(everything).not.toContain(otherCouncilMark);
    expect(pdfText(pdf)).toContain('Ada Thornbury');
    void otherCustomerId;
  });

  it('records who produced an export, for whom and what it held', async () => {
    await download(`/privacy/subject-access/customer/${customerId}/export.zip`);
    const event = await t.db
      .selectFrom('audit_event')
      .select(['actor_label', 'record_type', 'record_id', 'after'])
      .where('council_id', '=', t.councilId)
      .where('action', '=', 'subject-access.exported')
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    expect(event).toMatchObject({
      actor_label: 'Helen Achebe',
      record_type: 'customer',
      record_id: customerId,
    });
    expect(event.after).toEqual({
      counts: expect.objectContaining({ complaints: 2, 'customers-customer': 1 }),
    });
  });

  it('is refused to other roles, and finds no one in another council', async () => {
    for (const name of ['liam.barker', 'mark.fenwick', 'lucy.adeyemi']) {
      const browser = await clients(name);
      expect((await browser.get('/privacy/subject-access')).statusCode, name).toBe(403);
      expect(
        (await browser.get(`/privacy/subject-access/customer/${customerId}/export.zip`)).statusCode,
        name,
      ).toBe(403);
    }
    const other = await t.db
      .selectFrom('customer')
      .select('id')
      .where('council_id', '<>', t.councilId)
      .executeTakeFirstOrThrow();
    const dpo = await clients('helen.achebe');
    expect((await dpo.get(`/privacy/subject-access/customer/${other.id}`)).statusCode).toBe(404);
    expect((await dpo.get(`/privacy/subject-access/customer/${other.id}/export.zip`)).statusCode).toBe(404);
    expect((await dpo.get('/privacy/subject-access/customer/not-an-id')).statusCode).toBe(404);
  });
});
