import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { financialYear } from '../../src/modules/complaints/reports/rules.ts';
import { complaintReports } from '../../src/modules/complaints/reports/service.ts';
import { uuidv7 } from '../../src/platform/db/ids.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { chartOn } from '../support/charts.ts';
import { demoClients } from '../support/clients.ts';
import { type ComplaintFacts, insertComplaint } from '../support/complaint-rows.ts';
import { databaseKinds } from '../support/databases.ts';
import { pdfWords } from '../support/pdf-text.ts';

const customer = { name: 'Zebedee Quartermaine', email: 'zebedee.q@example.com' };
const james = 'james.oneill@demo.probity.test';
const hannah = 'hannah.price@demo.probity.test';

// Complaints with known dates and outcomes (2026-11-23 is "today"; the financial year 2026 to 2027).
const complaints: ComplaintFacts[] = [
  {
    reference: 'CMP-2026-0001',
    service: 'Housing',
    channel: 'phone',
    category: 'delay',
    receivedOn: '2026-05-04',
    status: 'closed',
    stages: [
      // 10 working days: Monday 4 May 2026 is the early May bank holiday, so from the 5th to the 18th.
      {
        startedOn: '2026-05-04',
        acknowledgeBy: '2026-05-11',
        acknowledgedOn: '2026-05-05',
        respondBy: '2026-05-19',
        respondedOn: '2026-05-18',
        outcome: 'upheld',
        handler: james,
      },
      // 35 working days; acknowledged late, responded within its extension.
      {
        stage: 2,
        startedOn: '2026-06-01',
        acknowledgeBy: '2026-06-08',
        acknowledgedOn: '2026-06-09',
        respondBy: '2026-07-06',
        extendedTo: '2026-08-03',
        respondedOn: '2026-07-20',
        outcome: 'not-upheld',
        handler: hannah,
      },
    ],
    remedies: [
      { kind: 'apology', dueOn: '2026-06-01', doneOn: '2026-05-29', recordedAt: '2026-05-18', owner: james },
      { kind: 'financial-redress', dueOn: '2026-11-20', recordedAt: '2026-05-18', owner: james },
    ],
  },
  {
    // 15 working days, late.
    reference: 'CMP-2026-0002',
    service: 'Finance and Revenues',
    channel: 'online',
    category: 'service-quality',
    receivedOn: '2026-06-10',
    status: 'stage-1-responded',
    stages: [
      {
        startedOn: '2026-06-10',
        acknowledgeBy: '2026-06-17',
        acknowledgedOn: '2026-06-12',
        respondBy: '2026-06-26',
        respondedOn: '2026-07-01',
        outcome: 'partially-upheld',
        handler: james,
      },
    ],
  },
  {
    reference: 'CMP-2026-0003',
    channel: 'online',
    receivedOn: '2026-07-01',
    status: 'not-accepted',
    triageDecision: 'service-request',
  },
  {
    reference: 'CMP-2026-0004',
    channel: 'email',
    receivedOn: '2026-07-02',
    status: 'not-accepted',
    triageDecision: 'statutory-route',
    statutoryRoute: 'adult-social-care',
  },
  {
    // Open past its deadline; a category that would run as a spreadsheet formula.
    reference: 'CMP-2026-0005',
    service: 'Housing',
    channel: 'letter',
    category: '=HYPERLINK("http://evil")',
    receivedOn: '2026-11-02',
    status: 'stage-1',
    stages: [
      {
        startedOn: '2026-11-02',
        acknowledgeBy: '2026-11-09',
        acknowledgedOn: '2026-11-04',
        respondBy: '2026-11-18',
        handler: hannah,
      },
    ],
  },
  // The financial year before.
  {
    reference: 'CMP-2026-0090',
    service: 'Housing',
    channel: 'email',
    category: 'delay',
    receivedOn: '2026-03-20',
    status: 'closed',
    stages: [
      {
        startedOn: '2026-03-20',
        acknowledgeBy: '2026-03-27',
        acknowledgedOn: '2026-03-23',
        respondBy: '2026-04-07',
        respondedOn: '2026-04-01',
        outcome: 'upheld',
        handler: james,
      },
    ],
  },
];

// A table row's cells, found by its first cell.
function row(body: string, label: string): string[] {
  const start = body.indexOf(`<th scope="row" class="govuk-table__header">${label}</th>`);
  if (start === -1) return [];
  const end = body.indexOf('</tr>', start);
  return [...body.slice(start, end).matchAll(/<td class="govuk-table__cell">([^<]*)<\/td>/g)].map(
    (m) => m[1] ?? '',
  );
}
const section = (body: string, id: string) => {
  const start = body.indexOf(`<section id="${id}"`);
  return body.slice(start, body.indexOf('</section>', start));
};

describe.each(databaseKinds)('complaint reports on %s', (kind) => {
  let t: TestApp;
  const client = demoClients(() => t);

  beforeAll(async () => {
    t = await startTestApp(kind);
    for (const facts of complaints) await insertComplaint(t.db, t.councilId, { ...facts, customer });
    const first = (
      await sql<{ id: string }>`select id from complaint where reference = 'CMP-2026-0001'`.execute(t.db)
    ).rows[0]?.id;
    const lucy = (
      await sql<{ id: string }>`select id from person where email = 'lucy.adeyemi@demo.probity.test'`.execute(
        t.db,
      )
    ).rows[0]?.id;
    const at = new Date('2026-09-01T12:00:00Z');
    await sql`insert into ombudsman_case (council_id, id, complaint_id, ombudsman, received_on, enquiry, respond_by, responded_on,
        decision, decided_on, remedy, remedy_due_on, remedy_done_on, closed_on, recorded_by, recorded_at, updated_at)
      values (${t.councilId}, ${uuidv7()}, ${first}, 'housing', '2026-08-03', 'The records', '2026-08-20', '2026-08-19',
        'fault-injustice', '2026-09-01', 'Pay £200', '2026-10-01', '2026-09-25', '2026-09-26', ${lucy}, ${at}, ${at})`.execute(
      t.db,
    );
    await sql`insert into service_improvement (council_id, id, complaint_id, service_name, description, recorded_by, recorded_at)
      values (${t.councilId}, ${uuidv7()}, ${first}, 'Housing', 'Repair appointments now confirmed by text the day before', ${lucy}, ${at})`.execute(
      t.db,
    );
  });
  afterAll(() => t.close());

  it('shows the current financial year’s volumes, timeliness, refusals, remedies and Ombudsman outcomes', async () => {
    const page = await (await client('lucy.adeyemi')).get('/complaint-reports');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('1 April 2026 to 31 March 2027');
    expect(page.body).toContain('5 complaints were received from 1 April 2026 to 31 March 2027.');
    expect(row(page.body, 'Housing')).toEqual(['2', '40%']);
    expect(row(page.body, 'Finance and Revenues')).toEqual(['1', '20%']);
    expect(row(page.body, 'Online form')).toEqual(['2', '40%']);
    expect(row(page.body, 'Unreasonable delay')).toEqual(['1', '20%']);
    expect(row(page.body, 'Service request or first report')).toEqual(['1', '20%']);
    expect(row(page.body, 'Adult social care')).toEqual(['1', '20%']);
    expect(page.body).toContain(
      '2 of the contacts received were not accepted as complaints; 0 of them were sent a letter explaining why.',
    );
    // Started, acknowledged on time, responded, on time, extended, average working days, open past deadline.
    expect(row(page.body, 'Stage 1')).toEqual(['3', '3 (100%)', '2', '1 (50%)', '0', '12.5', '1']);
    expect(row(section(page.body, 'timeliness'), 'Stage 2')).toEqual([
      '1',
      '0 (0%)',
      '1',
      '1 (100%)',
      '1',
      '35',
      '0',
    ]);
    expect(row(section(page.body, 'outcomes'), 'Stage 1')).toEqual(['1', '1', '0']);
    expect(page.body).toContain(
      '2 remedies were agreed in the period; 1 are done, 1 of them by their due date.',
    );
    expect(page.body).toContain('Outstanding now: 1, of which 1 is overdue.');
    expect(row(page.body, 'Fault with injustice')).toEqual(['1']);
    expect(row(page.body, 'No fault')).toEqual(['0']);
    expect(page.body).not.toContain('Zebedee');
    expect(page.body).not.toContain('zebedee.q@example.com');
  });

  it('charts complaints received and responses on time by quarter, each with its table, against the target', async () => {
    const lucy = await client('lucy.adeyemi');
    const page = await lucy.get('/complaint-reports');
    const received = chartOn(page.body, 'received-by-quarter');
    expect(received?.title).toBe('Complaints received by quarter');
    expect(received?.description).toBe(
      '5 complaints were received in the period; the most, 2, in April to June 2026 and July to September 2026.',
    );
    expect(received?.values).toEqual(['2', '2', '1', '0']);
    expect(received?.head).toEqual(['Quarter', 'Received']);
    expect(received?.rows).toEqual([
      ['April to June 2026', '2'],
      ['July to September 2026', '2'],
      ['October to December 2026', '1'],
      ['January to March 2027', '0'],
    ]);
    // Stage 1: CMP-0001 on time and CMP-0002 late, both started April to June; CMP-0005 not answered.
    const onTime = chartOn(page.body, 'on-time-by-quarter');
    expect(onTime?.legend).toEqual(['Stage 1', 'Stage 2', 'Target: 100% on time']);
    expect(onTime?.values).toEqual(['50%', '100%', 'none', 'none', 'none', 'none', 'none', 'none']);
    expect(onTime?.rows).toEqual([
      ['April to June 2026', '1 of 2 (50%)', '1 of 1 (100%)'],
      ['July to September 2026', 'none', 'none'],
      ['October to December 2026', 'none', 'none'],
      ['January to March 2027', 'none', 'none'],
    ]);
    expect(onTime?.description).toContain('Stage 1: 1 of 2 on time (50%). Stage 2: 1 of 1 on time (100%).');

    // The target is the council's; a range of dates is charted in the parts of quarters it covers.
    await sql`update council_policy set settings = jsonb_set(settings, '{complaintOnTimeTargetPercent}', '90')
      where council_id = ${t.councilId}`.execute(t.db);
    const range = await lucy.get(
      '/complaint-reports?from-day=15&from-month=5&from-year=2026&to-day=31&to-month=7&to-year=2026',
    );
    expect(chartOn(range.body, 'on-time-by-quarter')?.legend).toContain('Target: 90% on time');
    expect(chartOn(range.body, 'received-by-quarter')?.rows).toEqual([
      ['15 May to 30 June 2026', '1'],
      ['1 July to 31 July 2026', '2'],
    ]);
    await sql`update council_policy set settings = settings - 'complaintOnTimeTargetPercent'
      where council_id = ${t.councilId}`.execute(t.db);
  });

  it('chooses another financial year or a range of dates, and says what is wrong with a bad one', async () => {
    const lucy = await client('lucy.adeyemi');
    const last = await lucy.get('/complaint-reports?year=2025');
    expect(last.body).toContain('1 complaint was received from 1 April 2025 to 31 March 2026.');
    const range = await lucy.get(
      '/complaint-reports?from-day=1&from-month=7&from-year=2026&to-day=31&to-month=7&to-year=2026',
    );
    expect(range.body).toContain('2 complaints were received from 1 July 2026 to 31 July 2026.');
    const bad = await lucy.get(
      '/complaint-reports?from-day=31&from-month=2&from-year=2026&to-day=1&to-month=7&to-year=2026',
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('<a href="#from-day">Enter a real start date</a>');
    expect(bad.body).toContain('value="31"'); // kept as typed
  });

  it('gives a committee member the annual report with the Code’s sections, as a page, PDF and CSV', async () => {
    const committee = await client('patricia.fleming');
    const page = await committee.get('/complaint-reports/annual');
    expect(page.statusCode).toBe(200);
    for (const heading of [
      'Complaints received',
      'Timeliness by stage',
      'Outcomes',
      'Remedies',
      'Ombudsman enquiries and decisions',
      'Service improvements made as a result of learning',
      'Self-assessment against the Complaint Handling Code',
      'What these figures cannot tell us',
    ])
      expect(page.body).toContain(`>${heading}</h2>`);
    expect(page.body).toContain('Repair appointments now confirmed by text the day before');
    expect(row(page.body, 'Stage 2 handled by someone other than the stage 1 handler')).toEqual([
      '1 of 1 stage 2 complaints handled by a different person (100%).',
      'Yes',
    ]);
    expect(
      row(page.body, 'Stage 1 responses within 10 working days of acknowledgement, or the extension agreed'),
    ).toEqual(['1 of 2 responses on time (50%). 0 extended.', 'No']);
    expect(page.body).toContain('whether complainants felt listened to'.replace('whether', 'Whether'));
    expect(page.body).not.toContain('Zebedee');

    const pdf = await committee.get('/complaint-reports/annual.pdf');
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const words = pdfWords(pdf.rawPayload);
    expect(words).toContain('Complaints received by quarter');
    expect(words).toContain('Responses sent on time, by the quarter the stage started');
    expect(words).toContain('Target: 100% on time'); // the chart's legend
    expect(words).toContain('1 of 2 (50%)'); // its table

    const csv = await committee.get('/complaint-reports/annual.csv');
    expect(csv.statusCode).toBe(200);
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toBe(
      'Reference,Service,Channel,Category,Received,Stage,Acknowledge by,Acknowledged,Respond by,Extended to,Responded,Outcome,Extended,Remedies',
    );
    expect(lines.slice(1)).toEqual([
      'CMP-2026-0001,Housing,Phone,Unreasonable delay,2026-05-04,1,2026-05-11,2026-05-05,2026-05-19,,2026-05-18,Upheld,No,2',
      'CMP-2026-0001,Housing,Phone,Unreasonable delay,2026-05-04,2,2026-06-08,2026-06-09,2026-07-06,2026-08-03,2026-07-20,Not upheld,Yes,0',
      'CMP-2026-0002,Finance and Revenues,Online form,Poor quality service,2026-06-10,1,2026-06-17,2026-06-12,2026-06-26,,2026-07-01,Partially upheld,No,0',
      `CMP-2026-0005,Housing,Letter,"'=HYPERLINK(""http://evil"")",2026-11-02,1,2026-11-09,2026-11-04,2026-11-18,,,,No,0`,
    ]);
    expect(csv.body).not.toContain('Zebedee');
    expect(csv.body).not.toContain('example.com');
    const exports = await sql<{
      action: string;
    }>`select action from audit_event where action like 'complaint-report.%' order by seq`.execute(t.db);
    expect(exports.rows.map((r) => r.action)).toEqual([
      'complaint-report.annual-pdf',
      'complaint-report.annual-csv',
    ]);
  });

  it('reads the CSV’s rows a month at a time, missing none and repeating none', async () => {
    const reports = complaintReports({ db: t.db, clock: t.clock } as unknown as Parameters<
      typeof complaintReports
    >[0]);
    const seen: string[] = [];
    for await (const batch of reports.stageRows(t.councilId, financialYear(2026)))
      seen.push(...batch.map((stage) => `${stage.reference}/${stage.stage}`));
    expect(seen).toEqual(['CMP-2026-0001/1', 'CMP-2026-0001/2', 'CMP-2026-0002/1', 'CMP-2026-0005/1']);
  });

  it('keeps the reports from officers outside the complaints team and senior roles', async () => {
    const officer = await client('liam.barker');
    for (const path of [
      '/complaint-reports',
      '/complaint-reports/annual',
      '/complaint-reports/annual.pdf',
      '/complaint-reports/annual.csv',
    ])
      expect((await officer.get(path)).statusCode).toBe(403);
  });
});
