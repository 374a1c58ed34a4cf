import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { concernsService, loadKeyring } from '../../src/modules/concerns/service.ts';
import { organisationService } from '../../src/modules/organisation/service.ts';
import { principalByEmail } from '../../src/platform/auth/principals.ts';
import { startTestApp, type TestApp, testClient, testConcernKeyFile } from '../support/app.ts';
import { demo, demoClients } from '../support/clients.ts';
import { csrfOf, postMultipart } from '../support/complaint-intake.ts';
import { databaseKinds } from '../support/databases.ts';
import { otherCouncilMark, seedOtherCouncil } from '../support/other-council.ts';
import { exitOf, freePort } from '../support/process.ts';
import { auditEvents } from '../support/rows.ts';

// Raising concerns (DOMAIN.md §6): an anonymous reporter's exchange by receipt code, a wrong code
// costing what a right one does, only the assigned investigator seeing a concern, and nothing of
// what a concern says left readable in the database.

const newConcern = '/public/demo/concerns/new';
const followUp = '/public/demo/concerns/follow-up';
const secretText = 'Zebracorn invoices were paid twice to the depot supplier';
const codeOf = (body: string) => /data-receipt-code>([0-9A-Z-]+)</.exec(body)?.[1] ?? '';
let addresses = 0;

describe.each(databaseKinds)('raising concerns on %s', (kind) => {
  let t: TestApp;
  const staff = demoClients(() => t);
  const reporter = () => {
    addresses += 1;
    return testClient(t.app, { remoteAddress: `203.0.113.${addresses % 250}` });
  };
  const raise = async (form: Record<string, string>) => {
    const client = reporter();
    const page = await client.get(newConcern);
    expect(page.statusCode).toBe(200);
    const sent = await client.post(newConcern, {
      involved: '',
      route: 'any',
      identity: 'anonymous',
      ...form,
    });
    expect(sent.statusCode).toBe(200);
    const reference = /RC-\d{4}-\d{4}/.exec(sent.body)?.[0] ?? '';
    return { code: codeOf(sent.body), reference };
  };
  const concernId = async (reference: string) =>
    (
      await t.db
        .selectFrom('concern')
        .select('id')
        .where('council_id', '=', t.councilId)
        .where('reference', '=', reference)
        .executeTakeFirstOrThrow()
    ).id;
  const investigatorOf = async (id: string) =>
    (
      await t.db
        .selectFrom('concern_investigator as i')
        .innerJoin('person as p', (j) =>
          j.onRef('p.council_id', '=', 'i.council_id').onRef('p.id', '=', 'i.person_id'),
        )
        .select('p.email')
        .where('i.council_id', '=', t.councilId)
        .where('i.concern_id', '=', id)
        .executeTakeFirstOrThrow()
    ).email.replace('@demo.probity.test', '');
  const readBy = async (client: ReturnType<typeof testClient>, code: string) => {
    await client.get(followUp);
    return client.post(followUp, { code });
  };

  beforeAll(async () => {
    t = await startTestApp(kind);
  }, 120_000);
  afterAll(async () => t?.close());

  it('takes an anonymous concern, and its reporter and investigator write to each other by receipt code', async () => {
    const { code, reference } = await raise({ category: 'fraud', what: secretText });
    expect(code).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){6}$/);
    const id = await concernId(reference);
    const investigator = await investigatorOf(id);
    // The investigator is told by the scheduled job, and the email says nothing of the concern.
    for (const job of t.jobs.filter((j) => j.name === 'concern emails and reminders')) await job.run();
    const told = t.smtp.received.filter((m) => m.to === demo(investigator) && m.subject.includes(reference));
    expect(told).toHaveLength(1);
    expect(told[0]?.text).not.toContain('Zebracorn');
    const officer = await staff(investigator);
    expect((await officer.get('/concerns')).body).toContain(reference);
    // Their home page says a concern is waiting to be acknowledged.
    const tasks = await t.tasksFor(await principalByEmail(t.db, t.councilId, demo(investigator)));
    expect(tasks.find((task) => task.title === 'Concerns to acknowledge')?.count).toBeGreaterThanOrEqual(1);
    const file = await officer.get(`/concerns/${id}`);
    expect(file.body).toContain(secretText);
    const asked = await officer.post(`/concerns/${id}/messages`, {
      kind: 'question',
      text: 'Which invoices, and when?',
    });
    expect(asked.statusCode).toBe(303);
    const client = reporter();
    const read = await readBy(client, code.toLowerCase().replaceAll('-', ' '));
    expect(read.statusCode).toBe(200);
    expect(read.body).toContain('Which invoices, and when?');
    const replied = await client.post(`${followUp}/reply`, {
      code,
      kind: 'message',
      text: 'Invoices 4411 and 4412, in October',
    });
    expect(replied.statusCode).toBe(200);
    expect(replied.body).toContain('Your message has been sent');
    expect((await officer.get(`/concerns/${id}`)).body).toContain('Invoices 4411 and 4412, in October');
    // The reporter's side kept no exact time: to the minute at most.
    const rows = await t.db
      .selectFrom('concern_message')
      .select('sent_at')
      .where('concern_id', '=', id)
      .execute();
    for (const row of rows) expect(row.sent_at.getTime() % 60_000).toBe(0);
  }, 60_000);

  it('refuses a form posted without its CSRF token, and changes nothing', async () => {
    const before = await t.db
      .selectFrom('concern')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const client = reporter();
    await client.get(newConcern);
    const forged = await client.postWithoutCsrf(newConcern, {
      category: 'fraud',
      what: 'x',
      involved: '',
      route: 'any',
      identity: 'anonymous',
    });
    expect(forged.statusCode).toBe(403);
    expect((await client.postWithoutCsrf(followUp, { code: 'AAAA-AAAA' })).statusCode).toBe(403);
    const after = await t.db
      .selectFrom('concern')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it('refuses a wrong code in the same time as it takes a right one', async () => {
    const { code } = await raise({ category: 'bullying', what: 'Shouting at the cleaners' });
    const wrongSecret = `${code.slice(0, 10)}${code.slice(10).replace(/[0-9A-Z]/g, (c) => (c === 'A' ? 'B' : 'A'))}`;
    const wrongId = `ZZZZ-ZZZZ${code.slice(9)}`;
    const timings: Record<string, number[]> = { right: [], wrongSecret: [], wrongId: [] };
    for (let round = 0; round < 6; round += 1)
      for (const [name, typed] of [
        ['right', code],
        ['wrongSecret', wrongSecret],
        ['wrongId', wrongId],
      ] as const) {
        const client = reporter();
        await client.get(followUp);
        const started = performance.now();
        const answer = await client.post(followUp, { code: typed });
        timings[name]?.push(performance.now() - started);
        expect(answer.statusCode).toBe(name === 'right' ? 200 : 400);
      }
    const median = (values: number[]) =>
      [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
    const right = median(timings.right ?? []);
    for (const wrong of [median(timings.wrongSecret ?? []), median(timings.wrongId ?? [])])
      expect(Math.abs(wrong - right)).toBeLessThan(120);
    expect(right).toBeGreaterThanOrEqual(380);
  }, 90_000);

  it('shows a concern to its investigator only: not to a peer in the same role, nor to another route', async () => {
    const { reference } = await raise({ category: 'fraud', what: 'Fuel cards used at weekends' });
    const id = await concernId(reference);
    const investigator = await investigatorOf(id);
    const peer = ['mark.fenwick', 'zara.hussain'].find((name) => name !== investigator) ?? '';
    for (const other of [peer, 'claire.donnelly', 'rajesh.patel', 'emma.clarke']) {
      const client = await staff(other);
      expect((await client.get(`/concerns/${id}`)).statusCode).toBe(404);
      expect((await client.get('/concerns')).body).not.toContain(reference);
    }
  });

  it('never routes a concern to the people it names nor their line, and records who opened it', async () => {
    // A fraud about the audit manager: not to them, nor to the investigator who reports to them.
    const { reference } = await raise({
      category: 'fraud',
      what: 'Expenses claimed twice',
      involved: 'mark fenwick',
    });
    const id = await concernId(reference);
    expect(await investigatorOf(id)).toBe('rajesh.patel');
    // Choosing audit for it is refused, with the reason.
    const client = reporter();
    await client.get(newConcern);
    const refused = await client.post(newConcern, {
      category: 'fraud',
      what: 'Expenses claimed twice',
      involved: 'Mark Fenwick',
      route: 'audit',
      identity: 'anonymous',
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('Nobody in that role can look into this concern');
    await (await staff('rajesh.patel')).get(`/concerns/${id}`);
    const opened = await t.db
      .selectFrom('audit_event')
      .select(['actor_label', 'after'])
      .where('council_id', '=', t.councilId)
      .where('action', '=', 'concern.opened')
      .where('record_id', '=', id)
      .execute();
    expect(opened.map((event) => event.actor_label)).toContain('Rajesh Patel');
    expect(JSON.stringify(opened)).not.toContain('Expenses');
  });

  it('takes documents checked by their first bytes, keeps them sealed, and gives them to the investigator', async () => {
    const pdf = Buffer.from('%PDF-1.7\nZebracorn ledger page\n%%EOF\n');
    const send = async (file: { name: string; content: Buffer }) => {
      const client = reporter();
      const page = await client.get(newConcern);
      return postMultipart(
        t,
        client,
        newConcern,
        {
          _csrf: csrfOf(page.body),
          category: 'code-breach',
          what: 'A ledger altered',
          involved: '',
          route: 'any',
          identity: 'anonymous',
        },
        { field: 'files', name: file.name, type: 'application/pdf', content: file.content },
      );
    };
    const program = await send({ name: 'ledger.pdf', content: Buffer.from('MZ\x90\x00 a program') });
    expect(program.statusCode).toBe(400);
    expect(program.body).toContain('The file must be a PDF, JPG, PNG or HEIC');
    const sent = await send({ name: 'ledger.pdf', content: pdf });
    expect(sent.statusCode).toBe(200);
    const reference = /RC-\d{4}-\d{4}/.exec(sent.body)?.[0] ?? '';
    const id = await concernId(reference);
    const rows = await t.db.selectFrom('concern_document').selectAll().where('concern_id', '=', id).execute();
    expect(rows).toHaveLength(1);
    expect(Buffer.from(rows[0]?.sealed_content ?? []).toString('latin1')).not.toContain('Zebracorn');
    expect(Buffer.from(rows[0]?.sealed_name ?? []).toString('latin1')).not.toContain('ledger');
    const officer = await staff(await investigatorOf(id));
    const file = await officer.get(`/concerns/${id}`);
    expect(file.body).toContain('ledger.pdf');
    const download = await officer.get(`/concerns/${id}/documents/${rows[0]?.id}`);
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(pdf)).toBe(true);
  });

  it('takes a concern from a signed-in officer who gives their name for the investigator only', async () => {
    const officer = await staff('peter.green');
    const page = await officer.get('/concerns/new');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('sign out and use the council’s public page');
    const sent = await officer.post('/concerns/new', {
      category: 'bullying',
      what: 'The depot supervisor mocks the agency drivers',
      involved: '',
      route: 'any',
      identity: 'named',
      name: 'Peter Green',
      contact: '',
      protect: 'yes',
    });
    expect(sent.statusCode).toBe(200);
    const id = await concernId(/RC-\d{4}-\d{4}/.exec(sent.body)?.[0] ?? '');
    const file = await (await staff(await investigatorOf(id))).get(`/concerns/${id}`);
    expect(file.body).toContain('Peter Green');
    expect(file.body).toContain('name shown to you only');
    expect((await (await staff('patricia.fleming')).get('/concerns/new')).statusCode).toBe(403);
  });

  it('keeps no plain text of a concern in the database', async () => {
    const { code, reference } = await raise({
      category: 'environment',
      what: `${secretText} near the river`,
      identity: 'named',
      name: 'Quentin Vellacott',
      contact: 'qv@example.test',
      protect: 'yes',
    });
    const client = reporter();
    expect((await readBy(client, code)).statusCode).toBe(200);
    await client.post(`${followUp}/reply`, {
      code,
      kind: 'detriment',
      text: 'Zebracorn: moved off the rota since',
    });
    // The detriment is flagged to HR and the monitoring officer, without the reporter's name.
    for (const job of t.jobs.filter((j) => j.name === 'concern emails and reminders')) await job.run();
    expect(t.smtp.received.some((m) => m.to === demo('rajesh.patel') && m.subject.includes(reference))).toBe(
      true,
    );
    const flags = await (await staff('claire.donnelly')).get('/concerns/detriment');
    expect(flags.body).toContain(reference);
    expect(flags.body).toContain('Identity protected');
    expect(flags.body).not.toContain('Vellacott');
    const tables = [
      'concern',
      'concern_message',
      'concern_document',
      'concern_investigator',
      'concern_reminder',
      'audit_event',
      'outbound_email',
    ];
    for (const table of tables) {
      const { rows } = await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(t.db);
      const dump = rows
        .flatMap((row) => Object.values(row))
        .map((value) =>
          Buffer.isBuffer(value) || value instanceof Uint8Array
            ? Buffer.from(value).toString('latin1')
            : JSON.stringify(value),
        )
        .join('\n');
      for (const needle of ['Zebracorn', 'Quentin', 'Vellacott', 'qv@example.test', code.slice(10, 20)])
        expect(dump, `${table} holds ${needle}`).not.toContain(needle);
    }
  });

  it('lets a second council see nothing, and counts for the committee by date received', async () => {
    await seedOtherCouncil(t);
    const { code } = await raise({ category: 'bribery', what: 'A contractor paid for a holiday' });
    const other = testClient(t.app, { remoteAddress: '192.0.2.77' });
    await other.get(`/public/${otherCouncilMark.toLowerCase()}/concerns/follow-up`);
    const answer = await other.post(`/public/${otherCouncilMark.toLowerCase()}/concerns/follow-up`, {
      code,
    });
    expect(answer.statusCode).toBe(400);
    const keyring = await loadKeyring({
      file: testConcernKeyFile(),
      makeIfMissing: false,
      variable: 'CONCERNS_KEY_FILE',
    });
    const organisation = organisationService({
      db: t.db,
      clock: t.clock,
      outbox: t.outbox,
      baseUrl: 'http://probity.test',
    });
    const service = concernsService(
      { db: t.db, clock: t.clock, outbox: t.outbox, baseUrl: 'http://probity.test', organisation },
      { keyring, checkMs: 0 },
    );
    const today = t.clock.now().toISOString().slice(0, 10);
    const ours = await service.committeeSummary(t.councilId, { from: '2000-01-01', to: today });
    expect(ours.received).toBeGreaterThanOrEqual(5);
    expect(ours.byCategory.find((c) => c.code === 'bribery')?.count).toBe(1);
    expect(ours.open).toBe(ours.received);
    const otherId = (
      await t.db
        .selectFrom('council')
        .select('council_id')
        .where('slug', '=', otherCouncilMark.toLowerCase())
        .executeTakeFirstOrThrow()
    ).council_id;
    expect((await service.committeeSummary(otherId, { from: '2000-01-01', to: today })).received).toBe(0);
    expect(await service.channel.read(otherId, code)).toBeNull();
  });

  it('acknowledges a concern once however often it is sent, and changes nothing once it is closed', async () => {
    const { reference } = await raise({ category: 'fraud', what: 'Claims for hours not worked' });
    const id = await concernId(reference);
    const officer = await staff(await investigatorOf(id));
    const count = async (action: string) => (await auditEvents(t.db, { recordId: id, action })).length;
    const messages = async () =>
      (await t.db.selectFrom('concern_message').select('seq').where('concern_id', '=', id).execute()).length;
    const acknowledged = await Promise.all(
      [0, 1, 2, 3].map(() => officer.post(`/concerns/${id}/acknowledge`, { text: '' })),
    );
    expect(acknowledged.map((answer) => answer.statusCode).sort()).toEqual([303, 400, 400, 400]);
    expect(await count('concern.acknowledged')).toBe(1);
    const later = await officer.post(`/concerns/${id}/acknowledge`, { text: '' });
    expect(later.statusCode).toBe(400);
    expect(later.body).toContain('This concern was acknowledged on');
    const outcomes = await Promise.all(
      ['substantiated', 'withdrawn'].map((outcome) =>
        officer.post(`/concerns/${id}/outcome`, { outcome, told: 'yes' }),
      ),
    );
    expect(outcomes.map((answer) => answer.statusCode).sort()).toEqual([303, 400]);
    const recorded = await t.db
      .selectFrom('concern')
      .select('outcome')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    const sentBefore = await messages();
    for (const [path, form] of [
      ['outcome', { outcome: recorded.outcome === 'withdrawn' ? 'substantiated' : 'withdrawn', told: 'no' }],
      ['messages', { kind: 'question', text: 'One more thing?' }],
      ['acknowledge', { text: '' }],
    ] as const) {
      const refused = await officer.post(`/concerns/${id}/${path}`, form);
      expect(refused.statusCode, path).toBe(400);
      expect(refused.body).toContain('it cannot be changed');
    }
    expect(
      await t.db.selectFrom('concern').select('outcome').where('id', '=', id).executeTakeFirstOrThrow(),
    ).toEqual(recorded);
    expect(await messages()).toBe(sentBefore);
    expect(await count('concern.outcome-recorded')).toBe(1);
  });

  it('reminds the investigator to acknowledge, once a day at most, whichever process sends', async () => {
    const { reference } = await raise({
      category: 'discrimination',
      what: 'Interview marks changed afterwards',
    });
    const investigator = await investigatorOf(await concernId(reference));
    const reminders = () =>
      t.smtp.received.filter(
        (m) =>
          m.to === demo(investigator) && m.subject.includes(reference) && m.subject.includes('Acknowledge'),
      );
    const job = t.jobs.find((j) => j.name === 'concern emails and reminders');
    await job?.run();
    expect(reminders()).toHaveLength(0);
    // Two days before the acknowledgement is due (7 days), the reminder goes, once.
    t.clock.advance(5 * 24 * 60 * 60 * 1000);
    await Promise.all([job?.run(), job?.run()]);
    await job?.run();
    expect(reminders()).toHaveLength(1);
    expect(reminders()[0]?.text).not.toContain('Interview marks');
  });
});

describe('a key file configured but missing', () => {
  let dataDir = '';
  afterAll(async () => {
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });
  it('stops the start with a message naming it, before the database starts', async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'probity-keys-missing-'));
    const missing = join(dataDir, 'no-such-keys.json');
    const child = spawn(process.execPath, ['src/main.ts', 'serve'], {
      env: {
        ...process.env,
        BASE_URL: '',
        DATABASE_URL: '',
        DATA_DIR: dataDir,
        PORT: String(await freePort()),
        HOST: '127.0.0.1',
        CONCERNS_KEY_FILE: missing,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    for (const stream of [child.stdout, child.stderr])
      stream.setEncoding('utf8').on('data', (chunk: string) => {
        output += chunk;
      });
    expect(await exitOf(child)).toBe(1);
    expect(output).toContain(`CONCERNS_KEY_FILE names ${missing}, which does not exist`);
  }, 30_000);
});
