import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from '../../src/platform/db/ids.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { demo, demoClients, demoPersonId } from '../support/clients.ts';
import { insertComplaint } from '../support/complaint-rows.ts';
import { databaseKinds } from '../support/databases.ts';
import { aCase, enforcementFor, principal } from '../support/enforcement.ts';
import { record } from '../support/gifts.ts';
import { insertDeclaration } from '../support/interests.ts';
import { planWithVisits } from '../support/visits.ts';

const removed = 'Removed under the council’s retention policy';

// The clock stands at 2026-11-23 (London). With the default 6 years, records whose period runs
// from 2020-11-23 or before are due; those from 2020-11-24 on are not.
describe.each(databaseKinds)('personal data past retention in every register, on %s', (kind) => {
  let t: TestApp;
  const clients = demoClients(() => t);
  const ids = {} as Record<string, { due: string; kept: string }>;
  const runJob = async (name = 'personal data past retention in every register') => {
    const job = t.jobs.find((candidate) => candidate.name === name);
    if (!job) throw new Error(`no job ${name}`);
    await job.run();
  };
  const set = (table: string, column: string, value: string, id: string, idColumn = 'id') =>
    sql`update ${sql.table(table)} set ${sql.ref(column)} = ${value} where council_id = ${t.councilId} and ${sql.ref(idColumn)} = ${id}`.execute(
      t.db,
    );

  const gifts = async () => {
    const officer = await clients('liam.barker');
    const due = await record(officer, { description: 'An old hamper', offerorPerson: 'Vera Old' });
    const kept = await record(officer, { description: 'A newer hamper', offerorPerson: 'Nina New' });
    await set('gift_offer', 'offered_on', '2020-11-23', due);
    await set('gift_offer', 'offered_on', '2020-12-01', kept);
    ids.gifts = { due, kept };
  };
  const declarations = async () => {
    const made = (summary: string, endedOn: string) =>
      insertDeclaration(t.db, t.councilId, {
        personEmail: demo('liam.barker'),
        summary,
        endedOn,
        parties: [{ name: `${summary} Ltd`, kind: 'organisation' }],
      });
    ids.declarations = {
      due: await made('Old directorship', '2020-11-01'),
      kept: await made('Later directorship', '2021-01-15'),
    };
  };
  const returns = async () => {
    const personId = await demoPersonId(t, 'liam.barker');
    const made = async (year: number) => {
      const id = uuidv7();
      await sql`insert into related_party_return (council_id, id, person_id, person_name, job_title, financial_year,
          nil, entries, transactions, submitted_at)
        values (${t.councilId}, ${id}, ${personId}, 'Liam Barker', 'Revenues Officer', ${year}, false,
          ${JSON.stringify([{ name: 'Barker Holdings' }])}::jsonb, 'Rent paid to Barker Holdings', now())`.execute(
        t.db,
      );
      return id;
    };
    // 2019-20 ended on 31 March 2020 (due); 2020-21 ends on 31 March 2021, due on 31 March 2027.
    ids.returns = { due: await made(2019), kept: await made(2020) };
  };
  const cases = async () => {
    const { enforcement } = enforcementFor(t);
    const lead = await principal(t, demo('dean.walsh'));
    const made = async (name: string, closedOn: string) => {
      const { id } = await enforcement.cases.create(lead, aCase({ debtorName: name }));
      await sql`update enforcement_case set status = 'paid', updated_at = ${`${closedOn}T12:00:00Z`}::timestamptz
        where council_id = ${t.councilId} and id = ${id}`.execute(t.db);
      return id;
    };
    ids.cases = { due: await made('Olga Overdue', '2020-11-20'), kept: await made('Kim Kept', '2020-11-25') };
  };

  const visitRecords = async () => {
    const officerId = await demoPersonId(t, 'kelly.morgan');
    const { planId, visitIds } = await planWithVisits(t, {
      officerId,
      responsibleOfficerId: await demoPersonId(t, 'dean.walsh'),
      visits: [
        { address: '1 Old Road, Demoton', accountHolder: 'Oscar Oldvisit' },
        { address: '2 New Road, Demoton', accountHolder: 'Nell Newvisit' },
      ],
    });
    const [due, kept] = visitIds as [string, string];
    for (const [visitId, at] of [
      [due, '2020-11-23T10:00:00Z'],
      [kept, '2020-11-24T10:00:00Z'],
    ] as const)
      await sql`insert into visit_record (council_id, visit_id, plan_id, outcome, reason, notes, recorded_by, recorded_at)
        values (${t.councilId}, ${visitId}, ${planId}, 'asked-to-leave', 'Shouted at me', 'Dog in the hall', ${officerId}, ${at}::timestamptz)`.execute(
        t.db,
      );
    ids.visits = { due, kept };
  };
  const conduct = async () => {
    const made = async (reference: string, name: string, closedAt: string) => {
      const id = uuidv7();
      await sql`insert into conduct_complaint (council_id, id, reference, received_on, received_at, complainant_name,
          complainant_email, complainant_is_councillor, against_all, what_happened, state, closed_at)
        values (${t.councilId}, ${id}, ${reference}, '2019-06-01', '2019-06-01T10:00:00Z', ${name},
          ${`${reference.toLowerCase()}@example.com`}, false, true, 'Rude at the surgery', 'closed', ${closedAt}::timestamptz)`.execute(
        t.db,
      );
      return id;
    };
    ids.conduct = {
      due: await made('CC-T-0001', 'Orla Oldcase', '2020-11-22T15:00:00Z'),
      kept: await made('CC-T-0002', 'Ned Newcase', '2020-12-02T15:00:00Z'),
    };
  };

  // Record types their own modules' jobs anonymise: complaints (18 months from resolution), risk
  // markers (3 years from their end) and incident reports (6 years from the incident).
  const ownJobs = async () => {
    const complaint = async (reference: string, resolvedOn: string) => {
      const id = await insertComplaint(t.db, t.councilId, {
        reference,
        category: 'delay',
        receivedOn: '2025-01-06',
        status: 'closed',
      });
      await set('complaint', 'resolved_on', resolvedOn, id);
      return id;
    };
    ids.complaints = {
      due: await complaint('CMP-T-0001', '2025-05-20'),
      kept: await complaint('CMP-T-0002', '2025-06-10'),
    };
    const personId = await demoPersonId(t, 'dean.walsh');
    const marker = async (endedAt: string) => {
      const id = uuidv7();
      await sql`insert into risk_marker (council_id, id, kind, status, address, person_name, reason, review_on,
          nominated_by, nominated_at, end_reason, ended_at, updated_at)
        values (${t.councilId}, ${id}, 'violent', 'removed', '3 Old Lane, Demoton', 'Rex Removed', 'Threatened staff',
          '2023-06-01', ${personId}, '2023-01-01T10:00:00Z', 'Moved away', ${endedAt}::timestamptz, ${endedAt}::timestamptz)`.execute(
        t.db,
      );
      return id;
    };
    ids.markers = { due: await marker('2023-11-20T10:00:00Z'), kept: await marker('2023-12-05T10:00:00Z') };
    const incident = async (occurredAt: string) => {
      const id = uuidv7();
      await sql`insert into visit_incident (council_id, id, reported_by, kinds, occurred_at, location, what_happened, reported_at)
        values (${t.councilId}, ${id}, ${personId}, array['threat'], ${occurredAt}::timestamptz, '4 Old Lane, Demoton',
          'Shouted at the door', ${occurredAt}::timestamptz)`.execute(t.db);
      return id;
    };
    ids.incidents = {
      due: await incident('2020-11-22T10:00:00Z'),
      kept: await incident('2020-11-30T10:00:00Z'),
    };
  };

  beforeAll(async () => {
    t = await startTestApp(kind);
    await ownJobs();
    await gifts();
    await declarations();
    await returns();
    await cases();
    await visitRecords();
    await conduct();
  });
  afterAll(() => t.close());

  const row = (table: string, id: string) =>
    sql<
      Record<string, unknown>
    >`select * from ${sql.table(table)} where council_id = ${t.councilId} and id = ${id}`
      .execute(t.db)
      .then((result) => result.rows[0] ?? {});

  it('shows each record type’s setting, how many the next run anonymises and when more fall due', async () => {
    const page = await (await clients('helen.achebe')).get('/privacy/retention');
    expect(page.statusCode).toBe(200);
    const rowOf = (name: string) => new RegExp(`${name}</th>[\\s\\S]*?</tr>`).exec(page.body)?.[0] ?? '';
    const gifts = rowOf('Gift and hospitality entries');
    expect(gifts).toContain('6 years after the offer was made');
    expect(gifts).toMatch(/numeric">1<\/td>/);
    expect(gifts).toContain('1 on 1 December 2026');
    expect(rowOf('Declarations of interests')).toContain('1 on 15 January 2027');
    expect(rowOf('Related party returns')).toContain('1 on 31 March 2027');
    expect(rowOf('Enforcement cases')).toContain('1 on 25 November 2026');
    expect(rowOf('Field visit records')).toContain('1 on 24 November 2026');
    expect(rowOf('Councillor conduct complaints')).toContain('1 on 2 December 2026');
    const complaints = rowOf('Complaints and their complainants');
    expect(complaints).toContain('18 months after the complaint was resolved');
    expect(complaints).toMatch(/numeric">1<\/td>/);
    expect(complaints).toContain('1 on 10 December 2026');
    const markers = rowOf('Rejected and removed risk markers');
    expect(markers).toContain('3 years after the marker was rejected or removed');
    expect(markers).toMatch(/numeric">1<\/td>/);
    expect(markers).toContain('1 on 5 December 2026');
    const incidents = rowOf('Field incident reports');
    expect(incidents).toContain('6 years after the incident happened');
    expect(incidents).toMatch(/numeric">1<\/td>/);
    expect(incidents).toContain('1 on 30 November 2026');
    expect(rowOf('Raised concerns')).toContain('6 years after the outcome was recorded');
    expect(page.body).not.toContain('/admin/policy#');
    const admin = await (await clients('chris.taylor')).get('/privacy/retention');
    expect(admin.body).toContain('/admin/policy#registerRetentionYears');
    expect(admin.body).toContain('/admin/policy#concernRetentionYears');
    expect(admin.body).toContain('/admin/policy#complainantRetentionMonths');
    expect((await (await clients('liam.barker')).get('/privacy/retention')).statusCode).toBe(403);
  });

  it('anonymises each record type after its period and not before, once however often it runs', async () => {
    await runJob();
    await runJob();
    expect(await row('gift_offer', ids.gifts?.due ?? '')).toMatchObject({
      description: removed,
      offeror_person: '',
    });
    expect(await row('gift_offer', ids.gifts?.kept ?? '')).toMatchObject({
      description: 'A newer hamper',
      anonymised_at: null,
    });
    expect(await row('declaration', ids.declarations?.due ?? '')).toMatchObject({ summary: removed });
    expect(await row('declaration', ids.declarations?.kept ?? '')).toMatchObject({
      summary: 'Later directorship',
    });
    const parties = await t.db
      .selectFrom('declaration_party')
      .select('name')
      .where('council_id', '=', t.councilId)
      .where('declaration_id', 'in', [ids.declarations?.due ?? '', ids.declarations?.kept ?? ''])
      .execute();
    expect(parties.map((p) => p.name)).toEqual(['Later directorship Ltd']);
    expect(await row('related_party_return', ids.returns?.due ?? '')).toMatchObject({
      entries: [],
      transactions: '',
    });
    expect(await row('related_party_return', ids.returns?.kept ?? '')).toMatchObject({
      transactions: 'Rent paid to Barker Holdings',
    });
    expect(await row('enforcement_case', ids.cases?.due ?? '')).toMatchObject({
      debtor_name: removed,
      address: removed,
    });
    expect(await row('enforcement_case', ids.cases?.kept ?? '')).toMatchObject({ debtor_name: 'Kim Kept' });
    const visit = (id: string) =>
      sql<Record<string, unknown>>`select r.notes, r.reason, v.account_holder from visit_record r
        join planned_visit v on v.council_id = r.council_id and v.id = r.visit_id
        where r.council_id = ${t.councilId} and r.visit_id = ${id}`
        .execute(t.db)
        .then((result) => result.rows[0]);
    expect(await visit(ids.visits?.due ?? '')).toEqual({ notes: '', reason: removed, account_holder: '' });
    expect(await visit(ids.visits?.kept ?? '')).toEqual({
      notes: 'Dog in the hall',
      reason: 'Shouted at me',
      account_holder: 'Nell Newvisit',
    });
    expect(await row('conduct_complaint', ids.conduct?.due ?? '')).toMatchObject({
      complainant_name: removed,
      what_happened: removed,
    });
    expect(await row('conduct_complaint', ids.conduct?.kept ?? '')).toMatchObject({
      complainant_name: 'Ned Newcase',
    });
    const events = await t.db
      .selectFrom('audit_event')
      .select(['action', 'record_id'])
      .where('council_id', '=', t.councilId)
      .where('action', 'like', '%.anonymised')
      .where('actor_label', '=', 'Retention job')
      .execute();
    expect(events.map((e) => e.action).sort()).toEqual([
      'conduct-complaint.anonymised',
      'declaration.anonymised',
      'enforcement-case.anonymised',
      'gift-offer.anonymised',
      'related-party-return.anonymised',
      'visit-record.anonymised',
    ]);
    // Once the modules' own jobs have run too, the page has nothing more due at the next run.
    await runJob('complainants’ personal data past retention');
    await runJob('risk markers and incident reports past retention');
    const page = await (await clients('helen.achebe')).get('/privacy/retention');
    expect(page.body).not.toMatch(/numeric">[1-9]/);
    for (const [table, kept] of [
      ['complaint', ids.complaints?.kept],
      ['risk_marker', ids.markers?.kept],
      ['visit_incident', ids.incidents?.kept],
    ] as const)
      expect(await row(table, kept ?? '')).toMatchObject({ anonymised_at: null });
  });
});
