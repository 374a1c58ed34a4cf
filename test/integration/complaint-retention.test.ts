import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from '../../src/platform/db/ids.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { demoClients, demoPersonId } from '../support/clients.ts';
import { insertComplaint } from '../support/complaint-rows.ts';
import { databaseKinds } from '../support/databases.ts';

const removed = 'Removed under the council’s retention policy';

// The clock stands at 2026-11-23; with the default 18 months, complaints resolved on or before
// 2025-05-23 are due.
describe.each(databaseKinds)('complainants’ personal data past retention, on %s', (kind) => {
  let t: TestApp;
  const runRetention = async () => {
    const job = t.jobs.find((candidate) => candidate.name === 'complainants’ personal data past retention');
    if (!job) throw new Error('no retention job');
    await job.run();
  };
  const resolved = async (reference: string, resolvedOn: string, email: string) => {
    const id = await insertComplaint(t.db, t.councilId, {
      reference,
      service: 'Housing',
      category: 'delay',
      receivedOn: '2025-01-06',
      status: 'closed',
      customer: { name: `Customer ${reference}`, email },
      stages: [
        {
          startedOn: '2025-01-06',
          acknowledgeBy: '2025-01-13',
          acknowledgedOn: '2025-01-08',
          respondBy: '2025-01-22',
          respondedOn: '2025-01-20',
          outcome: 'upheld',
          handler: 'james.oneill@demo.probity.test',
        },
      ],
      remedies: [
        {
          kind: 'apology',
          dueOn: '2025-02-01',
          doneOn: '2025-01-25',
          recordedAt: '2025-01-20',
          owner: 'james.oneill@demo.probity.test',
        },
      ],
    });
    await sql`update complaint set resolved_on = ${resolvedOn}::date, contact_phone = '07700 900123',
        wanted_outcome = 'An apology', adjustments = 'Large print' where council_id = ${t.councilId} and id = ${id}`.execute(
      t.db,
    );
    await sql`update complaint_stage set findings = 'The repair was late' where council_id = ${t.councilId} and complaint_id = ${id}`.execute(
      t.db,
    );
    return id;
  };
  const complaint = (id: string) =>
    t.db
      .selectFrom('complaint as c')
      .innerJoin('customer as u', (join) =>
        join.onRef('u.council_id', '=', 'c.council_id').onRef('u.id', '=', 'c.customer_id'),
      )
      .innerJoin('complaint_stage as s', (join) =>
        join.onRef('s.council_id', '=', 'c.council_id').onRef('s.complaint_id', '=', 'c.id'),
      )
      .select([
        'c.what_happened',
        'c.contact_email',
        'c.contact_phone',
        'c.wanted_outcome',
        'c.adjustments',
        'c.service_name',
        'c.category',
        'c.received_on',
        'c.anonymised_at',
        's.findings',
        's.outcome',
        's.responded_on',
        'u.name',
        'u.email',
        'u.anonymised_at as customer_anonymised_at',
      ])
      .where('c.council_id', '=', t.councilId)
      .where('c.id', '=', id)
      .executeTakeFirstOrThrow();

  let due: string;
  let recent: string;
  let heldByOmbudsman: string;
  let stillInContact: string;

  beforeAll(async () => {
    t = await startTestApp(kind);
    due = await resolved('CMP-2025-0001', '2025-05-01', 'due@example.com');
    recent = await resolved('CMP-2025-0002', '2025-06-30', 'recent@example.com');
    heldByOmbudsman = await resolved('CMP-2025-0003', '2025-01-10', 'ombudsman@example.com');
    stillInContact = await resolved('CMP-2025-0004', '2025-03-01', 'contact@example.com');
    const recorder = await demoPersonId(t, 'lucy.adeyemi');
    await sql`insert into ombudsman_case (council_id, id, complaint_id, ombudsman, received_on, enquiry, recorded_by, recorded_at, updated_at)
      values (${t.councilId}, ${uuidv7()}, ${heldByOmbudsman}, 'lgsco', '2025-03-01', 'Please send the file', ${recorder}, now(), now())`.execute(
      t.db,
    );
    await sql`insert into customer_contact (council_id, id, customer_id, occurred_at, channel, minutes, summary, logged_by, logged_by_name, logged_at)
      select council_id, ${uuidv7()}, customer_id, '2026-10-01T10:00:00Z', 'phone', 12, 'Rang about the bins', ${recorder}, 'Lucy Adeyemi', now()
      from complaint where council_id = ${t.councilId} and id = ${stillInContact}`.execute(t.db);
    await runRetention();
  });
  afterAll(() => t.close());

  it('anonymises a complaint resolved longer ago than the policy allows, keeping what is counted', async () => {
    const row = await complaint(due);
    expect(row.anonymised_at).not.toBeNull();
    expect(row).toMatchObject({
      what_happened: removed,
      contact_email: '',
      contact_phone: '',
      wanted_outcome: '',
      adjustments: '',
      findings: '',
      service_name: 'Housing',
      category: 'delay',
      received_on: '2025-01-06',
      outcome: 'upheld',
      responded_on: '2025-01-20',
      name: 'Anonymised customer',
      email: '',
    });
    const remedy = await t.db
      .selectFrom('complaint_remedy')
      .select(['kind', 'description', 'done_on'])
      .where('council_id', '=', t.councilId)
      .where('complaint_id', '=', due)
      .executeTakeFirstOrThrow();
    expect(remedy).toEqual({ kind: 'apology', description: removed, done_on: '2025-01-25' });
  });

  it('keeps a complaint resolved within the period, and one an open Ombudsman case holds', async () => {
    for (const id of [recent, heldByOmbudsman]) {
      const row = await complaint(id);
      expect(row.anonymised_at).toBeNull();
      expect(row.contact_phone).toBe('07700 900123');
      expect(row.customer_anonymised_at).toBeNull();
    }
  });

  it('shows no one an anonymised complaint, nor lets an Ombudsman enquiry be added to it', async () => {
    const lucy = await demoClients(() => t)('lucy.adeyemi');
    for (const url of ['/complaints/CMP-2025-0001', '/complaints/CMP-2025-0001/ombudsman/new'])
      expect((await lucy.get(url)).statusCode, url).toBe(404);
    expect((await lucy.get('/complaints/CMP-2025-0002')).statusCode).toBe(200);
  });

  it('anonymises the complaint but keeps a customer who has been in contact since', async () => {
    const row = await complaint(stillInContact);
    expect(row.anonymised_at).not.toBeNull();
    expect(row.customer_anonymised_at).toBeNull();
    expect(row.email).toBe('contact@example.com');
  });

  it('audits each anonymisation without the personal data it removed, and a second run changes nothing', async () => {
    const events = await t.db
      .selectFrom('audit_event')
      .select(['action', 'record_id', 'actor_label', 'before', 'after'])
      .where('council_id', '=', t.councilId)
      .where('action', 'in', ['complaint.anonymised', 'customer.anonymised'])
      .execute();
    expect(events.map((event) => event.action).sort()).toEqual([
      'complaint.anonymised',
      'complaint.anonymised',
      'customer.anonymised',
    ]);
    expect(events.every((event) => event.actor_label === 'Retention job')).toBe(true);
    const text = JSON.stringify(events);
    expect(text).toContain('CMP-2025-0001');
    expect(text).not.toContain('due@example.com');
    expect(text).not.toContain('07700 900123');

    await runRetention();
    const again = await t.db
      .selectFrom('audit_event')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .where('council_id', '=', t.councilId)
      .where('action', 'in', ['complaint.anonymised', 'customer.anonymised'])
      .executeTakeFirstOrThrow();
    expect(Number(again.count)).toBe(3);
  });

  it('follows the council’s retention period', async () => {
    await sql`update council_policy set settings = settings || '{"complainantRetentionMonths": 3}'::jsonb where council_id = ${t.councilId}`.execute(
      t.db,
    );
    try {
      await runRetention();
      expect((await complaint(recent)).anonymised_at).not.toBeNull();
      expect((await complaint(heldByOmbudsman)).anonymised_at).toBeNull();
    } finally {
      await sql`update council_policy set settings = settings - 'complainantRetentionMonths' where council_id = ${t.councilId}`.execute(
        t.db,
      );
    }
  });
});
