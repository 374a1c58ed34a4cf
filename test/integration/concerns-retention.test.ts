import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { concernsService, loadKeyring } from '../../src/modules/concerns/service.ts';
import { organisationService } from '../../src/modules/organisation/service.ts';
import { startTestApp, type TestApp, testClient, testConcernKeyFile } from '../support/app.ts';
import { demoClients } from '../support/clients.ts';
import { databaseKinds } from '../support/databases.ts';

// A closed concern is kept for concernRetentionYears (6) after its outcome was recorded, then its
// data key is destroyed (DOMAIN.md "Records, privacy and audit"). The clock stands at 2026-11-23
// (London): a concern closed on 2020-11-23 is due, one closed on 2020-11-24 is not.

const newConcern = '/public/demo/concerns/new';
const followUp = '/public/demo/concerns/follow-up';
const removed = 'under the council’s retention policy';
let addresses = 0;

describe.each(databaseKinds)('raised concerns past retention, on %s', (kind) => {
  let t: TestApp;
  const staff = demoClients(() => t);
  const reporter = () => {
    addresses += 1;
    return testClient(t.app, { remoteAddress: `198.51.100.${addresses % 250}` });
  };
  const concerns: Record<'due' | 'kept', { id: string; code: string; investigator: string }> = {
    due: { id: '', code: '', investigator: '' },
    kept: { id: '', code: '', investigator: '' },
  };

  const raiseAndClose = async (what: string, closedOn: string) => {
    const client = reporter();
    await client.get(newConcern);
    const sent = await client.post(newConcern, {
      category: 'fraud',
      what,
      involved: 'Pat Payer',
      route: 'any',
      identity: 'anonymous',
    });
    const code = /data-receipt-code>([0-9A-Z-]+)</.exec(sent.body)?.[1] ?? '';
    const reference = /RC-\d{4}-\d{4}/.exec(sent.body)?.[0] ?? '';
    const row = await t.db
      .selectFrom('concern as c')
      .innerJoin('concern_investigator as i', (j) =>
        j.onRef('i.council_id', '=', 'c.council_id').onRef('i.concern_id', '=', 'c.id'),
      )
      .innerJoin('person as p', (j) =>
        j.onRef('p.council_id', '=', 'i.council_id').onRef('p.id', '=', 'i.person_id'),
      )
      .select(['c.id', 'p.email'])
      .where('c.council_id', '=', t.councilId)
      .where('c.reference', '=', reference)
      .executeTakeFirstOrThrow();
    const investigator = row.email.replace('@demo.probity.test', '');
    const officer = await staff(investigator);
    await officer.post(`/concerns/${row.id}/messages`, { kind: 'question', text: `About ${what}?` });
    const closed = await officer.post(`/concerns/${row.id}/outcome`, {
      outcome: 'substantiated',
      told: 'yes',
    });
    expect(closed.statusCode).toBe(303);
    await sql`update concern set closed_on = ${closedOn}::date where council_id = ${t.councilId} and id = ${row.id}`.execute(
      t.db,
    );
    return { id: row.id, code, investigator };
  };
  const runJob = async () => {
    const job = t.jobs.find(
      (candidate) => candidate.name === 'personal data past retention in every register',
    );
    if (!job) throw new Error('no retention job');
    await job.run();
  };
  const concernRow = (id: string) =>
    t.db
      .selectFrom('concern')
      .select(['wrapped_key', 'sealed', 'anonymised_at', 'outcome', 'closed_on'])
      .where('council_id', '=', t.councilId)
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
  const readByCode = async (code: string) => {
    const client = reporter();
    await client.get(followUp);
    return { client, page: await client.post(followUp, { code }) };
  };
  const committee = async () => {
    const keyring = await loadKeyring({
      file: testConcernKeyFile(),
      makeIfMissing: false,
      variable: 'CONCERNS_KEY_FILE',
    });
    const deps = { db: t.db, clock: t.clock, outbox: t.outbox, baseUrl: 'http://probity.test' };
    const service = concernsService(
      { ...deps, organisation: organisationService(deps) },
      { keyring, checkMs: 0 },
    );
    return service.committeeSummary(t.councilId, { from: '2000-01-01', to: '2026-12-31' });
  };
  const rowOfPage = async () => {
    const page = await (await staff('helen.achebe')).get('/privacy/retention');
    expect(page.statusCode).toBe(200);
    return /Raised concerns<\/th>[\s\S]*?<\/tr>/.exec(page.body)?.[0] ?? '';
  };

  beforeAll(async () => {
    t = await startTestApp(kind);
    concerns.due = await raiseAndClose('Zebracorn overtime claims', '2020-11-23');
    concerns.kept = await raiseAndClose('Quagga mileage claims', '2020-11-24');
  }, 120_000);
  afterAll(async () => t?.close());

  it('shows on the retention page how many the next run destroys and when more fall due', async () => {
    const row = await rowOfPage();
    expect(row).toContain('6 years after the outcome was recorded');
    expect(row).toMatch(/numeric">1<\/td>/);
    expect(row).toContain('1 on 24 November 2026');
  });

  it('destroys a concern’s key after its period and not before, once however often the job runs', async () => {
    const before = await committee();
    await Promise.all([runJob(), runJob()]);
    await runJob();
    const due = await concernRow(concerns.due.id);
    expect(due.wrapped_key).toBeNull();
    expect(due.anonymised_at).not.toBeNull();
    expect(due.sealed.length).toBe(0);
    expect(due).toMatchObject({ outcome: 'substantiated', closed_on: '2020-11-23' });
    const messages = await t.db
      .selectFrom('concern_message')
      .select('sealed')
      .where('council_id', '=', t.councilId)
      .where('concern_id', '=', concerns.due.id)
      .execute();
    expect(messages.length).toBeGreaterThan(0);
    expect(messages.every((m) => m.sealed.length === 0)).toBe(true);
    const kept = await concernRow(concerns.kept.id);
    expect(kept.wrapped_key).not.toBeNull();
    expect(kept.anonymised_at).toBeNull();
    const events = await t.db
      .selectFrom('audit_event')
      .select(['record_id', 'actor_label'])
      .where('council_id', '=', t.councilId)
      .where('action', '=', 'concern.anonymised')
      .execute();
    expect(events).toEqual([{ record_id: concerns.due.id, actor_label: 'Retention job' }]);
    // The committee's figures count it as before.
    expect(await committee()).toEqual(before);
    expect(await rowOfPage()).toMatch(/numeric">0<\/td>/);
  });

  it('tells the investigator its content was removed, and still opens the one kept', async () => {
    const officer = await staff(concerns.due.investigator);
    const page = await officer.get(`/concerns/${concerns.due.id}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('data-concern-removed');
    expect(page.body).toContain(`removed on 23 November 2026 ${removed}`);
    expect(page.body).not.toContain('Zebracorn');
    const sent = await officer.post(`/concerns/${concerns.due.id}/messages`, {
      kind: 'message',
      text: 'Hello?',
    });
    expect(sent.statusCode).toBe(400);
    expect(sent.body).toContain('nothing more can be sent on it');
    const other = await (await staff(concerns.kept.investigator)).get(`/concerns/${concerns.kept.id}`);
    expect(other.body).toContain('Quagga mileage claims');
    expect(other.body).not.toContain('data-concern-removed');
  });

  it('tells the reporter by receipt code that it was removed, and takes nothing more on it', async () => {
    const { client, page } = await readByCode(concerns.due.code);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`removed on 23 November 2026 ${removed}`);
    expect(page.body).not.toContain('About Zebracorn');
    const count = async () =>
      (
        await t.db
          .selectFrom('concern_message')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .where('council_id', '=', t.councilId)
          .where('concern_id', '=', concerns.due.id)
          .executeTakeFirstOrThrow()
      ).n;
    const before = await count();
    const reply = await client.post(`${followUp}/reply`, {
      code: concerns.due.code,
      kind: 'detriment',
      text: 'Still?',
    });
    expect(reply.statusCode).toBe(200);
    expect(reply.body).not.toContain('Your message has been sent');
    expect(reply.body).toContain(removed);
    expect(await count()).toBe(before);
    const kept = await readByCode(concerns.kept.code);
    expect(kept.page.body).toContain('About Quagga mileage claims?');
  });
});
