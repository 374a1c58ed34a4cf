import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCouncil } from '../../src/modules/organisation/councils/set-up.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { demoClients, demoPersonId } from '../support/clients.ts';
import { receiveComplaint } from '../support/complaints.ts';
import { databaseKinds } from '../support/databases.ts';
import { addTestPerson, signedInAs } from '../support/people.ts';

// DOMAIN.md "Records, privacy and audit": complaint files go to the complaints team and the
// service asked to comment, no one else; a refusal is a 404 that gives nothing away.
describe.each(databaseKinds)('who sees a complaint on %s', (kind) => {
  let t: TestApp;
  let reference: string;
  let requestId: string;
  const client = demoClients(() => t);
  const personId = (name: string) => demoPersonId(t, name);

  beforeAll(async () => {
    t = await startTestApp(kind);
    reference = await receiveComplaint(t, {
      name: 'Priya Patel',
      email: 'priya.patel@example.test',
      phone: '07700 900123',
      whatHappened: 'The housing officer did not return my calls about damp.',
    });
    const lucy = await client('lucy.adeyemi');
    await lucy.post(`/complaints/${reference}/triage`, {
      decision: 'complaint',
      category: 'delay',
      housing: 'yes',
    });
    const asked = await lucy.post(`/complaints/${reference}/ask`, [
      ['officerIds', await personId('michael.bennett')],
      ['question', 'Did you receive the calls about damp?'],
      ['dueOn-day', '1'],
      ['dueOn-month', '12'],
      ['dueOn-year', '2026'],
    ]);
    expect(asked.statusCode).toBe(303);
    const row = await t.db
      .selectFrom('complaint_account_request')
      .select('id')
      .where('council_id', '=', t.councilId)
      .executeTakeFirstOrThrow();
    requestId = row.id;
  });
  afterAll(() => t.close());

  it.each(['lucy.adeyemi', 'james.oneill', 'hannah.price'])(
    'the complaints team (%s) sees the whole case',
    async (name) => {
      const page = await (await client(name)).get(`/complaints/${reference}`);
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('priya.patel@example.test');
      expect(page.body).toContain('07700 900123');
      expect(page.body).toContain('Did you receive the calls about damp?');
    },
  );

  it('the officer asked for an account sees only that complaint’s facts, not the complainant’s contact details', async () => {
    const michael = await client('michael.bennett');
    const redirect = await michael.get(`/complaints/${reference}`);
    expect(redirect.statusCode).toBe(303);
    expect(redirect.headers.location).toBe(`/complaints/accounts/${requestId}`);
    const list = await michael.get('/complaints/accounts');
    expect(list.body).toContain(reference);
    const page = await michael.get(`/complaints/accounts/${requestId}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('The housing officer did not return my calls about damp.');
    expect(page.body).not.toContain('priya.patel@example.test');
    expect(page.body).not.toContain('07700 900123');
    expect(page.body).not.toContain('Priya Patel');
    // Case actions stay closed to them: their role does not reach the complaints team's routes.
    expect((await michael.get(`/complaints/${reference}/triage`)).statusCode).toBe(403);

    const empty = await michael.post(`/complaints/accounts/${requestId}`, { account: '' });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('Enter your account');
    const answered = await michael.post(`/complaints/accounts/${requestId}`, {
      account: 'No calls were logged.',
    });
    expect(answered.statusCode).toBe(303);
    const casePage = await (await client('lucy.adeyemi')).get(`/complaints/${reference}`);
    expect(casePage.body).toContain('No calls were logged.');
  });

  it.each([
    ['the head of the service, not asked', 'kwame.mensah'],
    ['a colleague in the same service', 'ellie.watson'],
    ['the chief executive', 'margaret.okafor'],
  ])('%s gets 404', async (_case, name) => {
    const who = await client(name);
    expect((await who.get(`/complaints/${reference}`)).statusCode).toBe(404);
    expect((await who.get(`/complaints/accounts/${requestId}`)).statusCode).toBe(404);
  });

  it('the complaints team of another council gets 404', async () => {
    const now = new Date();
    const other = await t.db.transaction().execute((trx) =>
      createCouncil(
        trx,
        {
          name: 'Other Borough Council',
          slug: 'other',
          division: 'scotland',
          directorates: [{ name: 'Resources', services: ['Finance'] }],
        },
        now,
      ),
    );
    await addTestPerson(t.db, other.councilId, {
      email: 'officer@other.test',
      roles: ['officer', 'complaints-manager'],
    });
    const outsider = await signedInAs(t, 'officer@other.test');
    expect((await outsider.get(`/complaints/${reference}`)).statusCode).toBe(404);
    expect((await outsider.get(`/complaints/${reference}/triage`)).statusCode).toBe(404);
    expect((await outsider.post(`/complaints/${reference}/close`, {})).statusCode).toBe(404);
    expect((await outsider.get(`/complaints/accounts/${requestId}`)).statusCode).toBe(404);
    const list = await outsider.get(`/complaints/all?q=${reference}`);
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('No complaints match.');
    expect(list.body).not.toContain(`href="/complaints/${reference}"`);
  });

  it('an unknown or malformed reference is a 404, never a 500', async () => {
    const lucy = await client('lucy.adeyemi');
    for (const url of [
      '/complaints/CMP-2026-9999',
      '/complaints/not-a-reference/triage',
      '/complaints/accounts/not-an-id',
    ]) {
      expect((await lucy.get(url)).statusCode, url).toBe(404);
    }
    expect((await lucy.get('/complaints/all?after=garbage')).statusCode).toBe(400);
  });
});
