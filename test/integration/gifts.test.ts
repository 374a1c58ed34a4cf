import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCouncil } from '../../src/modules/organisation/councils/set-up.ts';
import { startTestApp, type TestApp, testClient } from '../support/app.ts';
import { demo, demoClients } from '../support/clients.ts';
import { databaseKinds } from '../support/databases.ts';
import { answer, record } from '../support/gifts.ts';
import { addTestPerson, personIdByEmail, testPassword } from '../support/people.ts';
import { rowCount } from '../support/rows.ts';

const references = (body: string) => [...new Set(body.match(/GH-\d{4}-\d{4}/g) ?? [])].sort();

describe.each(databaseKinds)('the gifts and hospitality register on %s', (kind) => {
  let t: TestApp;
  const client = demoClients(() => t);
  const offerCount = () => rowCount(t.db, 'gift_offer');

  beforeAll(async () => {
    t = await startTestApp(kind);
  });
  afterAll(() => t.close());

  it('shows each person the entries they may see, and no one else’s (issue 3: registers)', async () => {
    const byOfficer = await record(await client('liam.barker'), {
      offerorOrganisation: 'Visibility Officer Co',
    });
    const byPeer = await record(await client('sophie.turner'), { offerorOrganisation: 'Visibility Peer Co' });
    const byHead = await record(await client('helen.marsh'), { offerorOrganisation: 'Visibility Head Co' });
    const byDirector = await record(await client('david.harrington'), {
      offerorOrganisation: 'Visibility Director Co',
    });
    const byPlanner = await record(await client('megan.hall'), {
      offerorOrganisation: 'Visibility Planner Co',
    });
    const refs = async (name: string) => {
      const page = await (await client(name)).get('/gifts?offeror=Visibility');
      expect(page.statusCode).toBe(200);
      return references(page.body).length;
    };
    expect(await refs('liam.barker')).toBe(1); // an officer: their own
    expect(await refs('sophie.turner')).toBe(1); // a peer: their own, not Liam's
    expect(await refs('grace.whitmore')).toBe(2); // their line manager: both reports
    expect(await refs('helen.marsh')).toBe(3); // head of service: the service's, and her own
    expect(await refs('david.harrington')).toBe(4); // director: heads of service and below
    expect(await refs('margaret.okafor')).toBe(5); // chief executive: everyone below
    expect(await refs('tom.whitfield')).toBe(1); // another service's head: their own service's
    for (const seesAll of ['emma.clarke', 'rajesh.patel', 'zara.hussain'])
      expect(await refs(seesAll)).toBe(5);

    const peer = await client('sophie.turner');
    expect((await peer.get(`/gifts/${byOfficer}`)).statusCode).toBe(403);
    expect((await (await client('grace.whitmore')).get(`/gifts/${byOfficer}`)).statusCode).toBe(200);
    expect((await (await client('emma.clarke')).get(`/gifts/${byPlanner}`)).statusCode).toBe(200);
    expect((await (await client('tom.whitfield')).get(`/gifts/${byHead}`)).statusCode).toBe(403);
    expect([byPeer, byDirector]).toHaveLength(2);
  });

  it('keeps another council’s HR out of this council’s register', async () => {
    const { councilId: other } = await createCouncil(
      t.db,
      { name: 'Other Borough', slug: `other-${kind}`, division: 'england-and-wales', directorates: [] },
      new Date(),
    );
    await addTestPerson(t.db, other, { email: `hr-${kind}@other.test`, roles: ['officer', 'hr'] });
    const outsider = testClient(t.app);
    await outsider.signIn(`hr-${kind}@other.test`, testPassword);
    const page = await outsider.get('/gifts?offeror=Visibility');
    expect(references(page.body)).toEqual([]);
    const [anyOffer] = (await sql<{ id: string }>`select id from gift_offer limit 1`.execute(t.db)).rows;
    expect((await outsider.get(`/gifts/${anyOffer?.id}`)).statusCode).toBe(404);
  });

  it('refuses to accept what must be declined, and saves nothing until the officer declines it', async () => {
    const officer = await client('liam.barker');
    const before = await offerCount();
    const { draft, check } = await answer(officer, {
      offerorOrganisation: 'Bidding Builders Ltd',
      relationship: 'bidder',
      nature: 'alcohol-or-hamper',
      description: 'a case of wine',
      decision: 'accepted',
    });
    expect(check.body).toContain('You must decline this offer');
    expect(check.body).toContain('(Officers’ Code of Conduct, paragraph 61)');
    expect(check.body).toContain('(Officers’ Code of Conduct, paragraph 59)');
    expect(check.body).toContain('Thank you for your kind offer of a case of wine.');
    const refused = await officer.post(`${draft}/check`);
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('You cannot accept this.');
    expect(await offerCount()).toBe(before);
    // "Record it as declined instead" sends the register's reasons, not the reason for accepting.
    const instead = /<input type="hidden" name="reason" value="([^"]*)">/.exec(check.body)?.[1] ?? '';
    expect(instead).toContain('must not be accepted under any circumstances.');
    await officer.post(`${draft}/decision`, { decision: 'declined', reason: instead, returnTo: 'check' });
    const declined = await officer.get(`${draft}/check`);
    expect(declined.body).not.toContain('A thank-you after a visit');
    const recorded = await officer.post(`${draft}/check`);
    expect(recorded.statusCode).toBe(303);
    expect(await offerCount()).toBe(before + 1);
    const entry = await officer.get(String(recorded.headers.location));
    expect(entry.body).not.toContain('A thank-you after a visit');
    expect(entry.body).toContain('A gift must not be accepted from a person or organisation');
  });

  it('answers bad input on the question pages with messages, keeping what was typed', async () => {
    const officer = await client('sophie.turner');
    const started = await officer.post('/gifts/new');
    const draft = String(started.headers.location).replace(/\/kind$/, '');
    await officer.post(`${draft}/kind`, { kind: 'gift' });
    const details = await officer.post(`${draft}/details`, {
      nature: 'other-gift',
      description: 'x'.repeat(501),
      value: '-5',
      'offeredOn-day': '1',
      'offeredOn-month': '1',
      'offeredOn-year': '2027',
    });
    expect(details.statusCode).toBe(400);
    expect(details.body).toContain('Description must be 500 characters or fewer');
    expect(details.body).toContain('Estimated value must be an amount in pounds, like 45 or 45.50');
    expect(details.body).toContain('Date offered must be today or in the past');
    expect(details.body).toContain('value="-5"');
    const absurd = await officer.post(`${draft}/details`, {
      nature: 'other-gift',
      description: 'A car',
      value: '250000',
      'offeredOn-day': '30',
      'offeredOn-month': '2',
      'offeredOn-year': '2026',
    });
    expect(absurd.body).toContain('Estimated value must be £100,000 or less');
    expect(absurd.body).toContain('Date offered must be a real date');
    // Skipping ahead to the check page sends the officer back to the first unanswered question.
    const check = await officer.get(`${draft}/check`);
    expect(check.headers.location).toBe(`${draft}/offeror`);
    expect((await officer.get('/gifts/new/not-a-draft/kind')).statusCode).toBe(404);
    expect((await officer.get('/gifts?search=%00')).statusCode).toBe(400);
    const altered = await officer.get(
      `/gifts?sort=highest-value&after=${Buffer.from('["2026-01-01","x"]').toString('base64url')}`,
    );
    expect(altered.statusCode).toBe(400);
    expect(altered.body).toContain('The page link is out of date');
    expect((await officer.get(`${draft}/nonsense`)).statusCode).toBe(404);
  });

  it('adds up repeat offers from the same offeror, however its name is written (issue 3: repeat offers)', async () => {
    const officer = await client('amy.chen');
    await record(officer, { offerorOrganisation: 'Repeat Catering Ltd', value: '30', date: '2026-03-01' });
    await record(officer, {
      offerorOrganisation: 'REPEAT CATERING LIMITED',
      value: '30',
      date: '2026-07-01',
    });
    const { check } = await answer(officer, {
      offerorOrganisation: 'Repeat Catering Ltd.',
      value: '30',
      date: '2026-11-01',
    });
    expect(check.body).toContain('This offer must be recorded in the register.');
    expect(check.body).toContain(
      'Third offer from Repeat Catering Ltd. to this officer in the last 12 months; £90 in total.',
    );
    const colleague = await client('daniel.kerr');
    const { check: theirs } = await answer(colleague, {
      offerorOrganisation: 'Repeat Catering',
      value: '10',
      date: '2026-11-02',
    });
    expect(theirs.body).toContain('Repeat Catering has made 3 offers to council staff in the last 12 months');
    expect(theirs.body).toContain('You do not need to record this offer');
  });

  it('applies the council’s own threshold at once: £20 or more, as at Kensington and Chelsea (002 §9)', async () => {
    const officer = await client('joanna.wright');
    const before = await answer(officer, { offerorOrganisation: 'Threshold Test Co', value: '20' });
    expect(before.check.body).toContain('You do not need to record this offer');
    await sql`update council_policy set settings = settings || '{"giftRecordingThresholdPence": 2000, "giftThresholdComparison": "at-least"}'::jsonb where council_id = ${t.councilId}`.execute(
      t.db,
    );
    const after = await answer(officer, { offerorOrganisation: 'Threshold Test Co 2', value: '20' });
    expect(after.check.body).toContain('This offer must be recorded in the register.');
    await sql`update council_policy set settings = settings - 'giftRecordingThresholdPence' - 'giftThresholdComparison' where council_id = ${t.councilId}`.execute(
      t.db,
    );
  });

  it('asks the head of service to approve hospitality, refuses anyone else’s decision, and emails the officer', async () => {
    const officer = await client('megan.hall');
    const dinner = {
      kind: 'hospitality',
      offerorOrganisation: 'Approval Partners LLP',
      relationship: 'contractor',
      nature: 'meal',
      description: 'dinner after the site visit',
      value: '85',
    };
    // Approval comes before the event (001 §69): a past or missing date is sent back.
    const past = await answer(officer, { ...dinner, event: '2026-11-20' });
    expect(past.check.body).toContain('The date of the event must be in the future');
    expect(past.check.body).toContain('20 November 2026');
    const refused = await officer.post(`${past.draft}/check`);
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('The date of the event must be in the future');
    const undated = await answer(officer, { ...dinner });
    expect(undated.check.body).toContain('Enter the date of the event');
    const id = await record(officer, { ...dinner, event: '2026-12-04' });
    expect((await officer.get(`/gifts/${id}`)).body).toContain('Awaiting approval');
    const request = t.smtp.received.find(
      (email) => email.subject.includes('Approval needed') && email.to.includes('tom.whitfield'),
    );
    expect(request?.text).toContain('dinner after the site visit');
    for (const wrong of ['robert.ashworth', 'megan.hall', 'helen.marsh']) {
      const response = await (await client(wrong)).post(`/gifts/approvals/${id}`, { decision: 'approved' });
      expect(response.statusCode, wrong).toBe(403);
    }
    expect(request?.text).toContain('for an event on 4 December 2026');
    const head = await client('tom.whitfield');
    expect((await head.get('/gifts/approvals')).body).toContain('Megan Hall');
    const approval = (await head.get(`/gifts/approvals/${id}`)).body;
    expect(approval).toContain('Date of the event');
    expect(approval).toContain('4 December 2026');
    expect(
      (await head.post(`/gifts/approvals/${id}`, { decision: 'approved', comment: 'Modest and useful' }))
        .statusCode,
    ).toBe(303);
    const entry = await officer.get(`/gifts/${id}`);
    expect(entry.body).toContain('Approved by Tom Whitfield');
    expect(
      t.smtp.received.some(
        (email) => email.subject.startsWith('Approved:') && email.to.includes('megan.hall'),
      ),
    ).toBe(true);
    const again = await head.post(`/gifts/approvals/${id}`, {
      decision: 'refused',
      comment: 'Changed my mind',
    });
    expect(again.statusCode).toBe(400);
  });

  it('keeps every version of an amended entry, and only its officer may amend it', async () => {
    const officer = await client('ahmed.karim');
    const id = await record(officer, { offerorOrganisation: 'Amendment Ltd', value: '55' });
    expect((await (await client('robert.ashworth')).post(`/gifts/${id}/amend`, {})).statusCode).toBe(403);
    const missing = await officer.post(`/gifts/${id}/amend`, {
      description: 'a desk plant',
      value: '55',
      reason: 'x',
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.body).toContain('Say why you are amending the entry');
    const amended = await officer.post(`/gifts/${id}/amend`, {
      description: 'a large desk plant',
      value: '65',
      reason: 'A thank-you after a visit',
      outcome: 'Kept in the office',
      changeReason: 'Found the receipt',
    });
    expect(amended.statusCode).toBe(303);
    const entry = await officer.get(`/gifts/${id}`);
    expect(entry.body).toContain('£65');
    expect(entry.body).toContain('Found the receipt');
  });

  it('downloads a register of 100,000 entries as CSV without failing', async () => {
    const liam = await personIdByEmail(t.db, demo('liam.barker'));
    await sql`
      insert into gift_offer (council_id, id, reference, recipient_id, recipient_name, job_title, service_id,
        service_name, senior, register_key, kind, nature, description, offeror_organisation, offeror_key,
        relationship, value_pence, offered_on, state, verdict, recorded_by, recorded_at, updated_at)
      select o.council_id, gen_random_uuid(), 'GH-2020-' || lpad(n::text, 6, '0'), o.recipient_id, o.recipient_name,
        o.job_title, o.service_id, o.service_name, false, o.register_key, 'gift', 'other-gift', 'bulk, "quoted"',
        'Bulk ' || (n % 300), 'bulk ' || (n % 300), 'other', n % 10000, date '2020-01-01' + (n % 1500), 'declined',
        o.verdict, o.recorded_by, o.recorded_at, o.updated_at
      from generate_series(1, 100000) n, (select * from gift_offer where recipient_id = ${liam} limit 1) o`.execute(
      t.db,
    );
    const hr = await client('emma.clarke');
    const csv = await hr.get('/gifts/register.csv');
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.body.trimEnd().split('\r\n');
    expect(lines[0]).toMatch(/^\uFEFFReference,Date offered,Officer/);
    expect(lines.length).toBeGreaterThan(100_000);
    expect(csv.body).toContain('"bulk, ""quoted"""');
    // Codes in words, as on the pages.
    expect(csv.body).toContain(',Gift,Another gift,');
    expect(csv.body).not.toMatch(/,(gift|hospitality),/);
    const filtered = await hr.get('/gifts/register.csv?min=abc');
    expect(filtered.statusCode).toBe(400);
  }, 300_000);
});
