import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { organisationService } from '../../src/modules/organisation/service.ts';
import { reportsService } from '../../src/modules/reports/service.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { demoClients, demoPersonId } from '../support/clients.ts';
import { receiveComplaint } from '../support/complaints.ts';
import { databaseKinds } from '../support/databases.ts';
import { record } from '../support/gifts.ts';
import { seedOtherCouncil } from '../support/other-council.ts';
import { pdfWords } from '../support/pdf-text.ts';
import { testPassword, tokenFor } from '../support/people.ts';
import { principalOf } from '../support/principal.ts';
import { fieldTeam } from '../support/visits.ts';

// The standards and audit committees' packs (DOMAIN.md §7): figures read from each module through
// its service, kept as assembled, exempt items kept out of the public version, and nothing of
// another council's.
// The stored figures, as the test reads them.
// biome-ignore lint/suspicious/noExplicitAny: JSON read back from the database
type Figures = Record<string, any>;

const period = {
  'from-day': '1',
  'from-month': '10',
  'from-year': '2026',
  'to-day': '31',
  'to-month': '12',
  'to-year': '2026',
};

describe.each(databaseKinds)('committee packs (%s)', (kind) => {
  let t: TestApp;
  const client = demoClients(() => t);
  let standardsPack = '';

  const figuresOf = async (id: string) =>
    (
      await t.db
        .selectFrom('committee_pack')
        .select('figures')
        .where('council_id', '=', t.councilId)
        .where('id', '=', id)
        .executeTakeFirstOrThrow()
    ).figures as Figures;
  const assemble = async (as: string, committee: string) => {
    const made = await (await client(as)).post('/committee-packs/new', { committee, ...period });
    expect(made.statusCode, made.body).toBe(303);
    const id = /\/committee-packs\/([0-9a-f-]{36})\?version=full$/.exec(made.headers.location ?? '')?.[1];
    if (!id) throw new Error(`No pack: ${made.headers.location}`);
    return id;
  };

  beforeAll(async () => {
    t = await startTestApp(kind);
    // Two complaints from the public, an annual declaration campaign with one answer, and a
    // visit-safety incident: each made through its own module.
    await receiveComplaint(t);
    await receiveComplaint(t, { service: 'Finance and Revenues' });
    const revenues = await t.db
      .selectFrom('service')
      .select('id')
      .where('council_id', '=', t.councilId)
      .where('name', '=', 'Finance and Revenues')
      .executeTakeFirstOrThrow();
    const opened = await (await client('emma.clarke')).post('/interests/campaigns', [
      ['name', 'Revenues 2026'],
      ['scope', 'services'],
      ['serviceIds', revenues.id],
      ['dueOn-day', '30'],
      ['dueOn-month', '12'],
      ['dueOn-year', '2026'],
    ]);
    expect(opened.statusCode, opened.body).toBe(303);
    const campaignId = /campaigns\/([0-9a-f-]{36})\//.exec(opened.headers.location ?? '')?.[1];
    const nil = await (await client('liam.barker')).post(`/interests/campaigns/${campaignId}`, {
      choice: 'nil',
    });
    expect(nil.statusCode, nil.body).toBe(303);
    // A gift in the Finance and Revenues register last quarter, its review signed off by the head of service.
    await record(await client('liam.barker'), {
      offerorOrganisation: 'Pack Stationers Ltd',
      date: '2026-08-10',
    });
    const review = `/gifts/reviews/${encodeURIComponent(`service:${revenues.id}`)}/2026-07-01`;
    const signed = await (await client('helen.marsh')).post(review, { comment: 'Checked' });
    expect(signed.statusCode, signed.body).toBe(303);
    const team = await fieldTeam(t, 'pack');
    const token = await tokenFor(t.db, t.councilId, team.officer);
    const incident = await t.client().api(
      'POST',
      '/api/v1/visits/incidents',
      {
        kinds: ['threat', 'injury'],
        occurredAt: '2026-11-20T15:00:00Z',
        location: 'Quarry Road',
        whatHappened: 'Pushed as I left',
        peopleInvolved: 'The occupier',
        witnesses: '',
        injuries: 'A bruise',
        policeReference: 'CAD-1',
      },
      token,
    );
    expect(incident.statusCode, incident.body).toBe(201);
    // A complaint about a councillor, from the public form.
    const added = await (await client('rajesh.patel')).post('/conduct/councillors/new', {
      name: 'Cllr Pack Fenn',
      ward: 'Castle',
      party: '',
      email: 'pack.fenn@example.test',
    });
    expect(added.statusCode, added.body).toBe(303);
    const councillor = await t.db
      .selectFrom('councillor')
      .select('id')
      .where('council_id', '=', t.councilId)
      .executeTakeFirstOrThrow();
    const complained = await t.client().post('/public/demo/councillor-complaints/new', {
      councillor: councillor.id,
      whatHappened: 'Posted insults about residents on the council’s page.',
      name: 'Pat Public',
      email: 'pat.pack@example.test',
      address: '',
      isCouncillor: 'no',
    });
    expect(complained.statusCode, complained.body).toBe(303);
    // A concern raised by an officer, signed in.
    const raised = await (await client('peter.green')).post('/concerns/new', {
      category: 'fraud',
      what: 'Invoices paid twice to the depot supplier',
      involved: '',
      route: 'any',
      identity: 'anonymous',
      name: '',
      contact: '',
      protect: 'no',
    });
    expect(raised.statusCode, raised.body).toBe(200);
  });
  afterAll(() => t.close());

  it('the monitoring officer puts a standards pack together from every module’s figures', async () => {
    standardsPack = await assemble('rajesh.patel', 'standards');
    const figures = await figuresOf(standardsPack);
    expect(figures.complaints.received).toBe(2);
    expect(figures.complaints.byQuarter.map((q: { received: number }) => q.received)).toEqual([2]);
    const members = Number(
      (
        await sql<{ n: number }>`select count(*)::int as n from person p join service s
          on s.council_id = p.council_id and s.id = p.service_id
          where p.council_id = ${t.councilId} and p.active and s.name = 'Finance and Revenues'
          and not exists (select 1 from person_role r where r.council_id = p.council_id
            and r.person_id = p.id and r.role = 'committee-member')`.execute(t.db)
      ).rows[0]?.n,
    );
    expect(figures.declarations).toMatchObject({ members, responded: 1 });
    expect(figures.declarations.campaigns).toMatchObject([{ name: 'Revenues 2026', dueOn: '2026-12-30' }]);
    expect(figures.conduct).toMatchObject({ referrals: 1, open: 1, valid: 0, notValid: 0, hearings: 0 });
    // One concern: a count under the minimum, shown as fewer than it.
    expect(figures.concerns.received).toMatchObject({ text: 'fewer than 5' });
    expect(figures.incidents).toBeUndefined();
    const page = await (await client('rajesh.patel')).get(`/committee-packs/${standardsPack}?version=full`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('1. Complaints about councillors’ conduct');
    expect(page.body).not.toContain('not gathered for this pack');
    expect(page.body).toContain('Corporate complaints received by quarter');
  });

  it('audit puts the audit committee’s pack together, with the visit-safety incidents', async () => {
    const id = await assemble('mark.fenwick', 'audit');
    const figures = await figuresOf(id);
    expect(figures.incidents).toMatchObject({ incidents: 1, serious: 1, policeInvolved: 1 });
    expect(figures.incidents.byKind).toContainEqual({ code: 'threat', label: 'Threat', count: 1 });
    expect(figures.incidents.byKind).toContainEqual({ code: 'violence', label: 'Violence', count: 0 });
    // Audit does not put the standards committee's pack together.
    const refused = await (await client('mark.fenwick')).post('/committee-packs/new', {
      committee: 'standards',
      ...period,
    });
    expect(refused.statusCode).toBe(403);
  });

  it('reports the quarterly gift register reviews that ended in the period', async () => {
    const made = await (await client('mark.fenwick')).post('/committee-packs/new', {
      committee: 'audit',
      ...{
        'from-day': '1',
        'from-month': '7',
        'from-year': '2026',
        'to-day': '31',
        'to-month': '12',
        'to-year': '2026',
      },
    });
    const id = /committee-packs\/([0-9a-f-]{36})/.exec(made.headers.location ?? '')?.[1] ?? '';
    const figures = await figuresOf(id);
    expect(figures.giftReviews).toMatchObject({ signedOff: 1, outstanding: 0 });
    expect(figures.giftReviews.reviews).toMatchObject([
      { register: 'Finance and Revenues', entries: 1, status: 'signed-off', signedOn: '2026-11-23' },
    ]);
    // The pack for October to December has no review of a period that ended in it yet.
    expect((await figuresOf(await assemble('mark.fenwick', 'audit'))).giftReviews.reviews).toEqual([]);
  });

  it('an exempt item is marked in the full version and left out of the public one', async () => {
    const mo = await client('rajesh.patel');
    const added = await mo.post(`/committee-packs/${standardsPack}/items/new`, {
      heading: 'Update on the complaint about Councillor Ivy Quenby',
      body: 'The investigator’s report is expected in January.',
      paragraph: '1',
      reason: 'Names the councillor complained about',
    });
    expect(added.statusCode, added.body).toBe(303);
    const full = await mo.get(`/committee-packs/${standardsPack}/pack.pdf?version=full`);
    expect(full.statusCode).toBe(200);
    const fullWords = pdfWords(full.rawPayload);
    expect(fullWords).toContain('Councillor Ivy Quenby');
    expect(fullWords).toContain('paragraph 1 of Part 1 of Schedule 12A');
    const pub = await mo.get(`/committee-packs/${standardsPack}/pack.pdf?version=public`);
    const publicWords = pdfWords(pub.rawPayload);
    expect(publicWords).not.toContain('Ivy Quenby');
    expect(publicWords).toContain('1 item is not included');
    expect(publicWords).toContain('2. Hearings and sanctions');
    const csv = await mo.get(`/committee-packs/${standardsPack}/pack.csv?version=public`);
    expect(csv.statusCode).toBe(200);
    expect(csv.body).toContain('Corporate complaints received by quarter');
    expect(csv.body).not.toContain('Quenby');
    // A section marked exempt, then cleared.
    const marked = await mo.post(`/committee-packs/${standardsPack}/items/declarations/exempt`, {
      paragraph: '2',
      reason: 'Small services',
    });
    expect(marked.statusCode, marked.body).toBe(303);
    expect((await mo.get(`/committee-packs/${standardsPack}?version=public`)).body).not.toContain(
      'id="declarations"',
    );
    await mo.post(`/committee-packs/${standardsPack}/items/declarations/exempt`, {
      paragraph: '',
      reason: '',
    });
    expect((await mo.get(`/committee-packs/${standardsPack}?version=public`)).body).toContain(
      'id="declarations"',
    );
  });

  it('a committee member reads a pack once it is published, the public version only, and it never changes', async () => {
    const member = await client('patricia.fleming');
    expect((await member.get(`/committee-packs/${standardsPack}`)).statusCode).toBe(404);
    const memberId = await demoPersonId(t, 'patricia.fleming');
    const tasksOf = async () => {
      const principal = await principalOf(
        organisationService({ db: t.db, clock: t.clock, outbox: t.outbox, baseUrl: '' }),
        t.councilId,
        memberId,
      );
      return (await t.tasksFor(principal)).filter((task) => task.href === '/committee-packs');
    };
    expect(await tasksOf()).toEqual([]);
    const published = await (await client('rajesh.patel')).post(
      `/committee-packs/${standardsPack}/publish`,
      {},
    );
    expect(published.statusCode, published.body).toBe(303);
    expect(await tasksOf()).toMatchObject([{ title: 'Committee packs to read', count: 1 }]);
    const page = await member.get(`/committee-packs/${standardsPack}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toContain('Ivy Quenby');
    expect(await tasksOf()).toEqual([]);
    expect((await member.get(`/committee-packs/${standardsPack}?version=full`)).statusCode).toBe(403);
    expect((await member.get('/committee-packs')).body).toContain(`/committee-packs/${standardsPack}`);
    // Published is final: a new complaint changes no figure, and neither can the database.
    await receiveComplaint(t);
    expect((await figuresOf(standardsPack)).complaints.received).toBe(2);
    await expect(
      sql`update committee_pack set figures = '{}' where id = ${standardsPack}`.execute(t.db),
    ).rejects.toThrow();
    const late = await (await client('rajesh.patel')).post(`/committee-packs/${standardsPack}/items/new`, {
      heading: 'Late',
      body: 'Too late',
      paragraph: '',
      reason: '',
    });
    expect(late.statusCode).toBe(400);
    const audit = await t.db
      .selectFrom('audit_event')
      .select('action')
      .where('council_id', '=', t.councilId)
      .where('record_type', '=', 'committee-pack')
      .execute();
    expect(audit.map((event) => event.action)).toEqual(
      expect.arrayContaining([
        'committee-pack.assembled',
        'committee-pack.item-added',
        'committee-pack.published',
        'committee-pack.full-pdf',
      ]),
    );
  });

  it('another council sees nothing of this council’s packs or figures', async () => {
    const other = await seedOtherCouncil(t);
    const browser = t.client();
    await browser.signIn('quentin@quixhollow.test', testPassword);
    expect((await browser.get(`/committee-packs/${standardsPack}`)).statusCode).toBe(404);
    expect((await browser.get(`/committee-packs/${standardsPack}/pack.pdf`)).statusCode).toBe(404);
    expect((await browser.get('/committee-packs')).body).not.toContain(standardsPack);
    const made = await browser.post('/committee-packs/new', { committee: 'standards', ...period });
    expect(made.statusCode, made.body).toBe(303);
    const id = /committee-packs\/([0-9a-f-]{36})/.exec(made.headers.location ?? '')?.[1] ?? '';
    const row = await t.db
      .selectFrom('committee_pack')
      .select('figures')
      .where('council_id', '=', other.councilId)
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    const figures = row.figures as {
      complaints: { received: number };
      declarations: { campaigns: unknown[] };
    };
    expect(figures.complaints.received).toBeLessThanOrEqual(1);
    expect(JSON.stringify(figures)).not.toContain('Revenues 2026');
  });
});

// Raising concerns and councillor conduct come in through ports app.ts fills; here stand-ins give
// known figures, to show what the pack keeps of them.
describe.each(databaseKinds)('committee packs from the ports (%s)', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind);
  });
  afterAll(() => t.close());

  it('keeps only suppressed raising-concerns figures, and marks hearings exempt by rule', async () => {
    const organisation = organisationService({ db: t.db, clock: t.clock, outbox: t.outbox, baseUrl: '' });
    const labelled = (code: string, count: number) => ({ code, label: code, count });
    const reports = reportsService(
      { db: t.db, clock: t.clock, organisation },
      {
        complaints: async () => ({
          received: 0,
          byQuarter: [],
          stages: [],
          onTimeTarget: 100,
          ombudsman: { enquiries: 0, responded: 0, respondedOnTime: 0, open: 0, decisions: [] },
        }),
        declarations: async () => ({ campaigns: [], members: 0, responded: 0 }),
        giftReviews: async () => ({ reviews: [], signedOff: 0, signedOffOnTime: 0, outstanding: 0 }),
        incidents: async () => ({ incidents: 0, serious: 0, policeInvolved: 0, byKind: [] }),
        concerns: {
          committeeSummary: async () => ({
            received: 11,
            byCategory: [labelled('fraud', 3), labelled('health-and-safety', 8), labelled('environment', 0)],
            byOutcome: [labelled('substantiated', 6)],
            acknowledgedInTime: 10,
            feedbackInTime: 11,
            open: 2,
          }),
        },
        conduct: {
          committeeSummary: async () => ({
            referrals: 7,
            valid: 5,
            notValid: 2,
            byDecision: [labelled('no-further-action', 4), labelled('investigation', 1)],
            themes: [labelled('social-media', 3)],
            hearings: 1,
            sanctions: 1,
            open: 2,
          }),
        },
      },
    );
    const mo = await principalOf(organisation, t.councilId, await demoPersonId(t, 'rajesh.patel'));
    const id = await reports.packs.assemble(mo, {
      committee: 'standards',
      from: '2026-04-01',
      to: '2026-09-30',
    });
    const row = await t.db
      .selectFrom('committee_pack')
      .select('figures')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    // No hidden count is kept: only the words that stand for it.
    const stored = JSON.stringify((row.figures as { concerns: unknown }).concerns);
    const pack = await reports.packs.read(mo, id, 'full');
    const concerns = pack.content.sections.find((section) => section.key === 'concerns');
    expect(concerns?.tables[0]?.rows).toEqual([
      ['fraud', 'fewer than 5'],
      ['health-and-safety', 'fewer than 5'],
      ['environment', '0'],
      ['Total', '11'],
    ]);
    expect(concerns?.paragraphs[0]).toBe(
      'Concerns raised in the period: 11. Acknowledged in time: fewer than 5. Feedback given to the reporter in time: 11. Open now: fewer than 5.',
    );
    expect(stored).not.toMatch(/"count":(3|8|2)\b/);
    const hearings = pack.content.sections.find((section) => section.key === 'conduct-hearings');
    expect(hearings?.exempt).toContain('paragraph 1 of Part 1 of Schedule 12A');
    const conduct = pack.content.sections.find((section) => section.key === 'conduct');
    expect(conduct?.exempt).toBeNull();
    const publicVersion = await reports.packs.read(mo, id, 'public');
    expect(publicVersion.content.sections.map((section) => section.key)).not.toContain('conduct-hearings');
    expect(publicVersion.content.withheld).toMatchObject([{ paragraph: 1, count: 1 }]);
  });
});
