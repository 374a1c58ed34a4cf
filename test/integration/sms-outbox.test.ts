import { fromKysely } from 'pg-boss';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { organisationService } from '../../src/modules/organisation/service.ts';
import { smsJob } from '../../src/platform/notify/outbox.ts';
import { createTexter } from '../../src/platform/notify/texter.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { databaseKinds } from '../support/databases.ts';
import { notifyApiKey } from '../support/notify.ts';
import { expectForgottenAfterAMonth } from '../support/outbox.ts';
import { addTestPerson, personIdByEmail, signedInAs, tokenFor } from '../support/people.ts';

describe.each(databaseKinds)('text messages through GOV.UK Notify on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind);
  });
  afterAll(() => t.close());

  const enqueue = (...texts: { to: string; text: string }[]) =>
    t.db.transaction().execute((trx) => t.outbox.enqueueSms(trx, t.councilId, ...texts));
  const stored = (recipient: string) =>
    t.db
      .selectFrom('outbound_sms')
      .selectAll()
      .where('council_id', '=', t.councilId)
      .where('recipient', '=', recipient)
      .executeTakeFirstOrThrow();
  const receivedBy = (phoneNumber: string) =>
    t.notify.received.filter((text) => text.phoneNumber === phoneNumber);

  it('sends a text put in the outbox by a committed change, to its number, with its words', async () => {
    await enqueue({ to: '07700 900001', text: 'Safety alert: Sam has not checked in.' });
    expect(await t.deliverTexts()).toBe(1);
    const [text] = receivedBy('07700 900001');
    const row = await stored('07700 900001');
    expect(text).toMatchObject({ body: 'Safety alert: Sam has not checked in.', reference: row.id });
    expect(row).toMatchObject({ state: 'sent', attempts: 1, last_error: null, notify_id: text?.id });
    expect(row.sent_at).toEqual(t.clock.now());
  });

  it('lists texts for an administrator with only the last three digits of each number', async () => {
    await enqueue({ to: '07700 900555', text: 'Listed' });
    await t.deliverTexts();
    await addTestPerson(t.db, t.councilId, {
      email: `outbox-${kind}@probity.test`,
      roles: ['system-administrator'],
    });
    const page = await (await signedInAs(t, `outbox-${kind}@probity.test`)).get('/admin/emails');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Text messages');
    expect(page.body).toContain('••••• •••555');
    expect(page.body).not.toContain('900555');
  });

  it('is refused by Notify with a key Notify does not know', async () => {
    const stranger = createTexter({
      transport: 'notify',
      apiKey: notifyApiKey().apiKey,
      templateId: t.notify.templateId,
      baseUrl: t.notify.url,
    });
    await expect(stranger.send({ id: 'x', to: '07700 900009', text: 'Hello' })).rejects.toThrow(
      'Notify answered 403 (AuthError: Invalid token: API key not found)',
    );
    expect(receivedBy('07700 900009')).toEqual([]);
  });

  it('sends nothing for a change that rolls back', async () => {
    await expect(
      t.db.transaction().execute(async (trx) => {
        await t.outbox.enqueueSms(trx, t.councilId, { to: '07700 900002', text: 'Never' });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await t.deliverTexts()).toBe(0);
    expect(receivedBy('07700 900002')).toEqual([]);
    const rows = await t.db
      .selectFrom('outbound_sms')
      .select('id')
      .where('recipient', '=', '07700 900002')
      .execute();
    expect(rows).toEqual([]);
  });

  it('keeps a text while Notify is down, and sends it once when Notify is back', async () => {
    t.notify.setDown(true);
    try {
      await enqueue({ to: '07700 900003', text: 'Sent after the outage' });
      await t.deliverTexts();
      expect(await stored('07700 900003')).toMatchObject({ state: 'retrying', attempts: 1 });
      expect((await stored('07700 900003')).last_error).toContain('Notify answered 503');
    } finally {
      t.notify.setDown(false);
    }
    // The queue tries again after its delay (a second in tests, growing to an hour in service).
    await expect
      .poll(
        async () => {
          await t.deliverTexts();
          return receivedBy('07700 900003').length;
        },
        { timeout: 15_000, interval: 300 },
      )
      .toBe(1);
    const row = await stored('07700 900003');
    expect(row).toMatchObject({ state: 'sent', last_error: null, attempts: 2 });
    await t.deliverTexts();
    expect(receivedBy('07700 900003')).toHaveLength(1);
  });

  it('sends each text once when two deliveries run at the same time, and a job run again sends nothing', async () => {
    const numbers = Array.from({ length: 12 }, (_, i) => `07700 9001${String(i).padStart(2, '0')}`);
    await enqueue(...numbers.map((to) => ({ to, text: `Alert for ${to}` })));
    await Promise.all([t.deliverTexts(), t.deliverTexts()]);
    for (const to of numbers) expect(receivedBy(to)).toHaveLength(1);

    // As if a process died after Notify took a text but before its job was marked done.
    const row = await stored(numbers[0] ?? '');
    await t.queue.boss.insert(smsJob, [{ data: { councilId: t.councilId, smsId: row.id } }], {
      db: fromKysely(t.db),
    });
    expect(await t.deliverTexts()).toBe(1);
    expect(receivedBy(numbers[0] ?? '')).toHaveLength(1);
  });

  it('marks a text Notify refuses for what it is as not sent, without trying again', async () => {
    await enqueue({ to: '020 7946 0000', text: 'A landline cannot take this' });
    await t.deliverTexts();
    const row = await stored('020 7946 0000');
    expect(row).toMatchObject({ state: 'failed', attempts: 1 });
    expect(row.last_error).toContain('Not a UK mobile number');
    expect(await t.deliverTexts()).toBe(0);
  });

  it('forgets a text a month after it was sent', async () => {
    await enqueue({ to: '07700 900004', text: 'Kept a while' });
    await t.deliverTexts();
    await expectForgottenAfterAMonth(t, () =>
      t.db.selectFrom('outbound_sms').select('id').where('recipient', '=', '07700 900004').execute(),
    );
  });
});

describe.each(databaseKinds)('a person’s mobile number on %s', (kind) => {
  let t: TestApp;
  let personId: string;
  beforeAll(async () => {
    t = await startTestApp(kind);
    await addTestPerson(t.db, t.councilId, {
      email: 'ada.admin@probity.test',
      roles: ['system-administrator'],
    });
    personId = await addTestPerson(t.db, t.councilId, {
      email: 'lone.worker@probity.test',
      roles: ['officer'],
    });
  });
  afterAll(() => t.close());

  const details = (mobile: string) => ({
    name: 'Lone Worker',
    email: 'lone.worker@probity.test',
    jobTitle: 'Environmental health officer',
    serviceId: '',
    lineManagerId: '',
    employmentType: 'employee',
    politicallyRestricted: 'no',
    roles: 'officer',
    mobile,
  });

  it('lets an administrator record it, kept in one form, and shows it on the person’s page', async () => {
    const admin = await signedInAs(t, 'ada.admin@probity.test');
    const bad = await admin.post(`/people/${personId}`, details('0161 496 0000'));
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Enter a UK mobile number, like 07700 900123');
    expect(bad.body).toContain('0161 496 0000');
    const saved = await admin.post(`/people/${personId}`, details('+44 7700-900123'));
    expect(saved.statusCode).toBe(303);
    const page = await admin.get(`/people/${personId}`);
    expect(page.body).toContain('07700 900123');
    const organisation = organisationService({ db: t.db, clock: t.clock, outbox: t.outbox, baseUrl: '' });
    const people = await organisation.peopleByIds(t.councilId, [personId]);
    expect(people.get(personId)?.mobile).toBe('07700 900123');
    const cleared = await admin.post(`/people/${personId}`, details(''));
    expect(cleared.statusCode).toBe(303);
    expect((await admin.get(`/people/${personId}`)).body).toContain('Not given');
  });

  it('takes it through the API with the same check', async () => {
    const token = await tokenFor(t.db, t.councilId, await personIdByEmail(t.db, 'ada.admin@probity.test'));
    const body = {
      ...details('+447700900124'),
      serviceId: null,
      lineManagerId: null,
      politicallyRestricted: false,
      roles: ['officer'],
    };
    const client = t.client();
    const refused = await client.api(
      'PUT',
      `/api/v1/people/${personId}`,
      { ...body, mobile: '12345' },
      token,
    );
    expect(refused.statusCode).toBe(400);
    expect(JSON.stringify(refused.json())).toContain('Enter a UK mobile number');
    const changed = await client.api('PUT', `/api/v1/people/${personId}`, body, token);
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ mobile: '07700 900124' });
  });
});
