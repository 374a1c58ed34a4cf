import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ombudsmanCases } from '../../src/modules/complaints/ombudsman/service.ts';
import type { ModuleDeps } from '../../src/modules/organisation/module-deps.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { demoClients } from '../support/clients.ts';
import { insertComplaint } from '../support/complaint-rows.ts';
import { databaseKinds } from '../support/databases.ts';

const date = (name: string, iso: string) => ({
  [`${name}-day`]: String(Number(iso.slice(8, 10))),
  [`${name}-month`]: String(Number(iso.slice(5, 7))),
  [`${name}-year`]: iso.slice(0, 4),
});
const errorSummary = (body: string) =>
  [...body.matchAll(/<a href="#[^"]+">([^<]+)<\/a>/g)].map((match) => match[1]?.replaceAll('&#39;', '’'));
const tag = (body: string) => /class="govuk-tag[^"]*">\s*([^<]+?)\s*</.exec(body)?.[1];

describe.each(databaseKinds)('Ombudsman cases on %s', (kind) => {
  let t: TestApp;
  const client = demoClients(() => t);
  const stage = {
    startedOn: '2026-05-04',
    acknowledgeBy: '2026-05-11',
    acknowledgedOn: '2026-05-05',
    respondBy: '2026-05-19',
    respondedOn: '2026-05-18',
    outcome: 'not-upheld' as const,
  };

  beforeAll(async () => {
    t = await startTestApp(kind);
    await insertComplaint(t.db, t.councilId, {
      reference: 'CMP-2026-0101',
      service: 'Housing',
      housing: true,
      receivedOn: '2026-05-04',
      status: 'closed',
      stages: [stage],
    });
    await insertComplaint(t.db, t.councilId, {
      reference: 'CMP-2026-0102',
      service: 'Finance and Revenues',
      receivedOn: '2026-05-04',
      status: 'closed',
      stages: [stage],
    });
  });
  afterAll(() => t.close());

  it('takes an enquiry through response, decision and remedy to closing, audited, holding retention while open', async () => {
    const lucy = await client('lucy.adeyemi');
    const base = '/complaints/CMP-2026-0101/ombudsman';
    const empty = await lucy.get(base);
    expect(empty.statusCode).toBe(200);
    expect(empty.body).toContain('No Ombudsman has asked about this complaint.');
    // A housing complaint goes to the Housing Ombudsman unless the officer says otherwise.
    const form = await lucy.get(`${base}/new`);
    expect(form.body).toMatch(/value="housing" checked/);

    const bad = await lucy.post(`${base}/new`, {
      ombudsman: 'housing',
      theirReference: '202612345',
      enquiry: '',
      ...date('receivedOn', '2026-11-30'),
      ...date('respondBy', '2026-12-18'),
    });
    expect(bad.statusCode).toBe(400);
    expect(errorSummary(bad.body)).toEqual([
      'The date the enquiry was received must be today or in the past',
      'Enter what the Ombudsman asks for',
    ]);
    expect(bad.body).toContain('value="202612345"'); // kept as typed

    const opened = await lucy.post(`${base}/new`, {
      ombudsman: 'housing',
      theirReference: '202612345',
      enquiry: 'The repair records and the stage 2 response',
      ...date('receivedOn', '2026-11-02'),
      ...date('respondBy', '2026-11-20'),
    });
    expect(opened.statusCode).toBe(303);
    const casePath = opened.headers.location as string;
    expect(casePath).toMatch(/^\/complaints\/CMP-2026-0101\/ombudsman\/[0-9a-f-]{36}$/);
    const page = await lucy.get(casePath);
    expect(page.statusCode).toBe(200);
    expect(tag(page.body)).toBe('Enquiry received');
    expect(page.body).toContain('20 November 2026 (overdue)'); // the respond-by date has passed with no response
    const retention = ombudsmanCases({ db: t.db, clock: t.clock } as unknown as ModuleDeps);
    const complaintId = (
      await sql<{ id: string }>`select id from complaint where reference = 'CMP-2026-0101'`.execute(t.db)
    ).rows[0]?.id as string;
    expect(await retention.openCaseFor(t.db, t.councilId, complaintId)).toBe(true);

    // A remedy before any finding of fault is refused by the transition table.
    const early = await lucy.post(`${casePath}/remedy`, {
      remedy: 'Pay £100',
      ...date('remedyDueOn', '2026-12-20'),
    });
    expect(early.statusCode).toBe(400);
    expect(errorSummary(early.body)).toEqual([
      'A remedy can only be recorded after a decision of fault with injustice',
    ]);

    expect((await lucy.post(`${casePath}/response`, date('respondedOn', '2026-11-19'))).statusCode).toBe(303);
    const noDecision = await lucy.post(`${casePath}/decision`, date('decidedOn', '2026-11-21'));
    expect(noDecision.statusCode).toBe(400);
    expect(errorSummary(noDecision.body)).toEqual(['Select the Ombudsman’s decision']);
    expect(
      (
        await lucy.post(`${casePath}/decision`, {
          decision: 'fault-injustice',
          ...date('decidedOn', '2026-11-21'),
        })
      ).statusCode,
    ).toBe(303);
    expect(
      (
        await lucy.post(`${casePath}/remedy`, {
          remedy: 'Apologise and pay £250',
          ...date('remedyDueOn', '2026-12-21'),
        })
      ).statusCode,
    ).toBe(303);
    const tooSoon = await lucy.post(`${casePath}/close`, date('closedOn', '2026-11-23'));
    expect(tooSoon.statusCode).toBe(400);
    expect(errorSummary(tooSoon.body)).toEqual(['The case cannot be closed until the remedy is done']);
    expect((await lucy.post(`${casePath}/remedy-done`, date('remedyDoneOn', '2026-11-23'))).statusCode).toBe(
      303,
    );
    expect((await lucy.post(`${casePath}/close`, date('closedOn', '2026-11-23'))).statusCode).toBe(303);

    const done = await lucy.get(casePath);
    expect(tag(done.body)).toBe('Closed');
    expect(done.body).toContain('Fault with injustice, 21 November 2026');
    expect(done.body).toContain('Apologise and pay £250');
    expect(done.body).not.toContain('<form method="post" action="/complaints/CMP-2026-0101/ombudsman/');
    expect(await retention.openCaseFor(t.db, t.councilId, complaintId)).toBe(false);

    const list = await lucy.get(base);
    expect(list.body).toContain('202612345');
    expect(tag(list.body)).toBe('Closed');

    const audit = await sql<{
      action: string;
    }>`select action from audit_event where record_id = ${complaintId} order by seq`.execute(t.db);
    expect(audit.rows.map((row) => row.action)).toEqual([
      'complaint.ombudsman-opened',
      'complaint.ombudsman-response',
      'complaint.ombudsman-decision',
      'complaint.ombudsman-remedy',
      'complaint.ombudsman-remedy-done',
      'complaint.ombudsman-close',
    ]);
  });

  it('chooses the LGSCO for other complaints, and lets the complaints team alone in', async () => {
    const james = await client('james.oneill');
    expect((await james.get('/complaints/CMP-2026-0102/ombudsman/new')).body).toMatch(
      /value="lgsco" checked/,
    );
    const officer = await client('liam.barker');
    expect((await officer.get('/complaints/CMP-2026-0102/ombudsman')).statusCode).toBe(403);
    const committee = await client('patricia.fleming');
    expect((await committee.get('/complaints/CMP-2026-0102/ombudsman')).statusCode).toBe(403);
  });

  it('answers 404 for a complaint or case that does not exist', async () => {
    const james = await client('james.oneill');
    expect((await james.get('/complaints/CMP-2099-9999/ombudsman')).statusCode).toBe(404);
    expect((await james.get('/complaints/:reference/ombudsman/new')).statusCode).toBe(404);
    expect((await james.get('/complaints/CMP-2026-0102/ombudsman/not-an-id')).statusCode).toBe(404);
    expect(
      (await james.get('/complaints/CMP-2026-0102/ombudsman/0190f5a4-1f2b-7c3d-8e4f-5a6b7c8d9e0f'))
        .statusCode,
    ).toBe(404);
    expect(
      (
        await james.post(
          '/complaints/CMP-2026-0102/ombudsman/0190f5a4-1f2b-7c3d-8e4f-5a6b7c8d9e0f/wander',
          {},
        )
      ).statusCode,
    ).toBe(404);
  });
});
