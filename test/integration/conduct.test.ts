import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { subjectNoticePoints } from '../../src/modules/conduct/casework/rules.ts';
import { conductModule } from '../../src/modules/conduct/service.ts';
import { policyFields } from '../../src/modules/organisation/policy-settings/catalogue.ts';
import { organisationService } from '../../src/modules/organisation/service.ts';
import { principalByEmail } from '../../src/platform/auth/principals.ts';
import { fixedClock } from '../../src/platform/clock.ts';
import { startTestApp, type TestApp, testClient } from '../support/app.ts';
import { demo, demoClients, demoPersonId } from '../support/clients.ts';
import { databaseKinds, demoSeededAt } from '../support/databases.ts';
import { seedOtherCouncil } from '../support/other-council.ts';
import { pdfWords } from '../support/pdf-text.ts';
import { testPassword } from '../support/people.ts';
import { auditEvents } from '../support/rows.ts';

// Complaints about councillors (DOMAIN.md §7; 003 standards minutes 18 and 21): made on the public
// form without an account, assessed by the monitoring officer, the independent person consulted,
// decided, investigated, heard, sanctioned and complied with; each step audited, guarded against
// two people at once, and seen by nobody else. The demo council's monitoring officer is Rajesh Patel.

it('offers, as the points to tell a councillor complained about, the points the module tells them at', () => {
  const field = policyFields.find((f) => f.key === 'conductSubjectNoticePoints');
  expect(field?.options?.map((option) => [option.value, option.text])).toEqual(
    subjectNoticePoints.map((point) => [point.code, point.label]),
  );
});

describe.each(databaseKinds)('councillor conduct complaints on %s', (kind) => {
  let t: TestApp;
  let councillorId: string;
  let independentPersonId: string;
  const client = demoClients(() => t);
  const complaintRow = (reference: string) =>
    t.db
      .selectFrom('conduct_complaint')
      .selectAll()
      .where('reference', '=', reference)
      .executeTakeFirstOrThrow();
  const emailsTo = (address: string) =>
    t.db
      .selectFrom('outbound_email')
      .select(['id', 'subject', 'body'])
      .where('recipient', '=', address)
      .execute();

  beforeAll(async () => {
    t = await startTestApp(kind);
    const mo = await client('rajesh.patel');
    expect(
      (
        await mo.post('/conduct/councillors/new', {
          name: 'Cllr Amy Fenn',
          ward: 'Castle',
          party: 'Green',
          email: 'amy.fenn@example.test',
        })
      ).statusCode,
    ).toBe(303);
    expect(
      (
        await mo.post('/conduct/independent-persons/new', {
          name: 'Ian Dependent',
          email: 'ian@example.test',
        })
      ).statusCode,
    ).toBe(303);
    councillorId = (await t.db.selectFrom('councillor').select('id').executeTakeFirstOrThrow()).id;
    independentPersonId = (await t.db.selectFrom('independent_person').select('id').executeTakeFirstOrThrow())
      .id;
  });
  afterAll(() => t?.close());

  async function complain(name: string, email: string, about = councillorId) {
    const browser = t.client();
    const page = await browser.get('/public/demo/councillor-complaints/new');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Cllr Amy Fenn');
    const sent = await browser.post('/public/demo/councillor-complaints/new', {
      councillor: about,
      whatHappened: 'Shouted at residents at the planning committee meeting.',
      'happenedOn-day': '2',
      'happenedOn-month': '11',
      'happenedOn-year': '2026',
      name,
      email,
      address: '',
      isCouncillor: 'no',
    });
    expect(sent.statusCode).toBe(303);
    const confirmation = await browser.get(String(sent.headers.location));
    const reference = /id="reference">([^<]+)</.exec(confirmation.body)?.[1] ?? '';
    expect(reference).toMatch(/^CC-2026-\d{4}$/);
    return reference;
  }

  it('takes a complaint from the public form, with a reference, an acknowledgement and the councillor told', async () => {
    const refused = await t.client().post('/public/demo/councillor-complaints/new', { councillor: 'nobody' });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('Select the councillor your complaint is about');
    const reference = await complain('Pat Public', 'pat@example.test');
    const row = await complaintRow(reference);
    expect(row.state).toBe('received');
    const acknowledgement = await emailsTo('pat@example.test');
    expect(acknowledgement.map((e) => e.subject)).toEqual([
      `Your complaint about a councillor: ${reference}`,
    ]);
    expect((await emailsTo('amy.fenn@example.test')).length).toBe(1);
    expect(await auditEvents(t.db, { action: 'conduct-complaint.received', recordId: row.id })).toHaveLength(
      1,
    );
    // Received on Monday 23 November; assessed within 10 working days by default.
    const rajesh = await principalByEmail(t.db, t.councilId, demo('rajesh.patel'));
    if (!rajesh) throw new Error('No monitoring officer');
    const tasks = await t.tasksFor(rajesh);
    expect(tasks.find((task) => task.title === 'Councillor conduct complaints to assess')).toMatchObject({
      count: 1,
      due: '2026-12-07',
      urgency: 'later',
    });
  });

  it('finds a complaint about personal social media not valid, with its reasons, and writes to the complainant', async () => {
    const reference = await complain('Sam Social', 'sam@example.test');
    const { id, version } = await complaintRow(reference);
    const mo = await client('rajesh.patel');
    const assessed = await mo.post(`/conduct/complaints/${id}/assess`, {
      version: String(version),
      capacity: 'personal',
      theme: 'social-media',
      reasons: 'Posted on a personal account, not as a councillor.',
    });
    expect(assessed.statusCode).toBe(303);
    const row = await complaintRow(reference);
    expect(row).toMatchObject({
      state: 'not-valid',
      valid: false,
      not_valid_grounds: ['not-acting-as-councillor'],
    });
    const letters = await emailsTo('sam@example.test');
    expect(letters.map((e) => e.subject)).toContain(`Your complaint about a councillor: ${reference}`);
    expect(letters.some((e) => e.body.includes('not acting as a councillor'))).toBe(true);
  });

  it('goes from assessment through the independent person, investigation and a hearing to sanctions complied with', async () => {
    const reference = await complain('Chris Complainant', 'chris.c@example.test');
    const { id } = await complaintRow(reference);
    const mo = await client('rajesh.patel');
    const at = async () => String((await complaintRow(reference)).version);
    const post = async (path: string, form: Record<string, string>) =>
      mo.post(`/conduct/complaints/${id}/${path}`, { version: await at(), ...form });

    expect(
      (
        await post('assess', {
          capacity: 'councillor',
          theme: 'disrespect',
          reasons: 'At a committee meeting.',
        })
      ).statusCode,
    ).toBe(303);
    const investigatorId = await demoPersonId(t, 'lucy.adeyemi');
    const tooSoon = await post('decide', { decision: 'investigation', reasons: 'Serious.', investigatorId });
    expect(tooSoon.statusCode).toBe(400);
    expect(tooSoon.body).toContain('Record the independent person’s view before deciding');
    expect((await post('view', { independentPersonId, view: 'Worth investigating.' })).statusCode).toBe(303);
    expect(
      (await post('decide', { decision: 'investigation', reasons: 'Serious.', investigatorId })).statusCode,
    ).toBe(303);
    expect((await complaintRow(reference)).state).toBe('investigation');

    // The investigator reads their case and reports; another officer sees nothing.
    const investigator = await client('lucy.adeyemi');
    expect((await investigator.get(`/conduct/complaints/${id}`)).statusCode).toBe(200);
    expect((await (await client('chris.taylor')).get(`/conduct/complaints/${id}`)).statusCode).toBe(404);
    const reported = await investigator.post(`/conduct/complaints/${id}/report`, {
      version: await at(),
      finding: 'breach',
      report: 'The councillor was disrespectful.',
    });
    expect(reported.statusCode).toBe(303);
    expect((await complaintRow(reference)).state).toBe('reported');

    const hearing = {
      members: 'Cllr Barton, Cllr Shelton, Cllr Moore',
      independentPersonId,
      outcome: 'breach',
      reasons: 'Failed to treat others with respect.',
      sanctions: 'apology',
      sanctionDetail: 'A written apology to the complainant',
    };
    // A hearing yet to happen, or a year's wait to comply, is refused and changes nothing.
    for (const [hearingOn, complyBy, message] of [
      [['31', '12', '9999'], ['10', '12', '2026'], 'The hearing must have taken place'],
      [
        ['23', '11', '2026'],
        ['31', '12', '9999'],
        'The date to comply by must be within a year of the hearing',
      ],
    ] as const) {
      const refused = await post('hearing', {
        ...hearing,
        'hearingOn-day': hearingOn[0],
        'hearingOn-month': hearingOn[1],
        'hearingOn-year': hearingOn[2],
        'complyBy-day': complyBy[0],
        'complyBy-month': complyBy[1],
        'complyBy-year': complyBy[2],
      });
      expect(refused.statusCode).toBe(400);
      expect(refused.body).toContain(message);
      expect((await complaintRow(reference)).state).toBe('reported');
    }
    const heard = await post('hearing', {
      ...hearing,
      'hearingOn-day': '23',
      'hearingOn-month': '11',
      'hearingOn-year': '2026',
      'complyBy-day': '10',
      'complyBy-month': '12',
      'complyBy-year': '2026',
    });
    expect(heard.statusCode).toBe(303);
    expect((await complaintRow(reference)).state).toBe('sanctions');
    const rajesh = await principalByEmail(t.db, t.councilId, demo('rajesh.patel'));
    if (!rajesh) throw new Error('No monitoring officer');
    const tasks = await t.tasksFor(rajesh);
    expect(tasks.find((task) => task.title === 'Councillor conduct sanctions: compliance due')).toMatchObject(
      {
        count: 1,
        due: '2026-12-10',
      },
    );

    const sanction = await t.db
      .selectFrom('conduct_sanction')
      .select('id')
      .where('complaint_id', '=', id)
      .executeTakeFirstOrThrow();
    expect(
      (await mo.post(`/conduct/complaints/${id}/sanctions/${sanction.id}`, { compliance: 'complied' }))
        .statusCode,
    ).toBe(303);
    expect((await complaintRow(reference)).state).toBe('closed');

    // The complainant's letters, each with its PDF.
    const letters = await t.db
      .selectFrom('conduct_letter')
      .selectAll()
      .where('complaint_id', '=', id)
      .orderBy('sent_at')
      .execute();
    const toComplainant = letters
      .filter((l) => l.recipient_email === 'chris.c@example.test')
      .map((l) => l.kind);
    expect(toComplainant).toEqual([
      'acknowledgement',
      'decision',
      'investigation-outcome',
      'hearing-outcome',
    ]);
    const hearingLetter = letters.find((l) => l.kind === 'hearing-outcome');
    const pdf = await mo.get(`/conduct/complaints/${id}/letters/${hearingLetter?.id}/pdf`);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const words = pdfWords(pdf.rawPayload);
    expect(words).toContain(reference);
    expect(words).toContain('Failed to treat others with respect.');
    for (const action of ['assessed', 'view-recorded', 'decided', 'reported', 'heard', 'sanction-compliance'])
      expect(await auditEvents(t.db, { action: `conduct-complaint.${action}`, recordId: id })).toHaveLength(
        1,
      );
  });

  it('lets one of two people deciding at once decide, and tells the other it changed', async () => {
    const reference = await complain('Dee Double', 'dee@example.test');
    const { id } = await complaintRow(reference);
    const clock = fixedClock(demoSeededAt);
    const deps = { db: t.db, clock, outbox: t.outbox, baseUrl: 'http://probity.test' };
    const conduct = conductModule({ ...deps, organisation: organisationService(deps) });
    const rajesh = await principalByEmail(t.db, t.councilId, demo('rajesh.patel'));
    if (!rajesh) throw new Error('No monitoring officer');
    const form = {
      version: 1,
      operational: false,
      capacity: 'councillor',
      otherReason: false,
      theme: 'bullying',
      reasons: 'Valid.',
    };
    const outcomes = await Promise.allSettled([
      conduct.casework.assess(rajesh, id, form),
      // Both find it valid, so that the committee's figures below do not hang on which one wins.
      conduct.casework.assess(rajesh, id, { ...form, reasons: 'Valid: about conduct as a councillor.' }),
    ]);
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    const rejected = outcomes.find((o) => o.status === 'rejected');
    expect(String((rejected as PromiseRejectedResult).reason)).toMatch(/changed this complaint/);
    expect(await auditEvents(t.db, { action: 'conduct-complaint.assessed', recordId: id })).toHaveLength(1);
    expect((await complaintRow(reference)).version).toBe(2);
  });

  it('shows a complaint to nobody but the monitoring officer: not another role, not another council', async () => {
    const reference = await complain('Vera Private', 'vera@example.test');
    const { id } = await complaintRow(reference);
    expect((await (await client('claire.donnelly')).get(`/conduct/complaints/${id}`)).statusCode).toBe(404);
    expect((await (await client('claire.donnelly')).get('/conduct/roster')).statusCode).toBe(403);
    expect((await (await client('claire.donnelly')).get('/conduct')).body).not.toContain(reference);
    const other = await seedOtherCouncil(t);
    const stranger = t.client();
    await stranger.signIn('quentin@quixhollow.test', testPassword);
    expect((await stranger.get(`/conduct/complaints/${id}`)).statusCode).toBe(404);
    expect((await stranger.get('/conduct')).body).not.toContain(reference);
    expect((await stranger.get('/public/quixhollow/councillor-complaints/new')).body).not.toContain(
      'Amy Fenn',
    );
    expect(other.councilId).not.toBe(t.councilId);
  });

  it('gives the standards committee its figures for a period, by date received', async () => {
    const clock = fixedClock(demoSeededAt);
    const deps = { db: t.db, clock, outbox: t.outbox, baseUrl: 'http://probity.test' };
    const conduct = conductModule({ ...deps, organisation: organisationService(deps) });
    const summary = await conduct.committeeSummary(t.councilId, { from: '2026-01-01', to: '2026-12-31' });
    expect(summary.referrals).toBe(5);
    expect(summary.valid).toBe(2);
    expect(summary.notValid).toBe(1);
    expect(summary.byDecision.find((d) => d.code === 'investigation')?.count).toBe(1);
    expect(summary.themes.find((d) => d.code === 'social-media')).toEqual({
      code: 'social-media',
      label: 'Social media',
      count: 1,
    });
    expect(summary).toMatchObject({ hearings: 1, sanctions: 1 });
    expect(summary.open).toBe(3);
    expect(
      (await conduct.committeeSummary(t.councilId, { from: '2025-01-01', to: '2025-12-31' })).referrals,
    ).toBe(0);
    await expect(conduct.committeeSummary(t.councilId, { from: 'x', to: '2026-01-01' })).rejects.toThrow();
  });

  it('takes the public form sent twice at once, or again, as one complaint with one acknowledgement', async () => {
    // From an address of its own: the form takes ten complaints an address in ten minutes.
    const browser = testClient(t.app, { remoteAddress: '198.51.100.7' });
    const page = await browser.get('/public/demo/councillor-complaints/new');
    const submission = /name="submission" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
    expect(submission).toMatch(/^[0-9a-f-]{36}$/);
    const form = {
      submission,
      councillor: councillorId,
      whatHappened: 'Sent twice by a double click.',
      name: 'Dee Double',
      email: 'dee.double@example.test',
      address: '',
      isCouncillor: 'no',
    };
    const post = () => browser.post('/public/demo/councillor-complaints/new', form);
    const answers = [...(await Promise.all([post(), post(), post()])), await post()];
    for (const answer of answers) expect(answer.statusCode).toBe(303);
    const rows = await t.db
      .selectFrom('conduct_complaint')
      .select('reference')
      .where('complainant_email', '=', form.email)
      .execute();
    expect(rows).toHaveLength(1);
    expect(await emailsTo(form.email)).toHaveLength(1);
    const confirmation = await browser.get(String(answers[3]?.headers.location));
    expect(confirmation.body).toContain(rows[0]?.reference);
    // Someone else who learnt the form's id is refused, and not shown that complaint.
    const other = await testClient(t.app, { remoteAddress: '198.51.100.8' }).post(
      '/public/demo/councillor-complaints/new',
      {
        ...form,
        name: 'Oscar Other',
        email: 'oscar.other@example.test',
      },
    );
    expect(other.statusCode).not.toBe(303);
    expect(other.body).not.toContain(rows[0]?.reference);
  });
});
