// Webhooks as a system administrator configures them and as a council system receives them: a
// real HTTP receiver on loopback gets each of the five events once, signed with the secret shown
// once; another council's endpoint and a disabled one get nothing; bad input changes nothing.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCouncil } from '../../src/modules/organisation/councils/set-up.ts';
import { demoApi } from '../support/api.ts';
import { startTestApp, type TestApp, testClient } from '../support/app.ts';
import { demoClients, demoPersonId } from '../support/clients.ts';
import { submitPublicComplaint } from '../support/complaint-intake.ts';
import { receiveComplaint } from '../support/complaints.ts';
import { addCustomer, contactPosted, decisionPosted, errorSummary } from '../support/customers.ts';
import { databaseKinds } from '../support/databases.ts';
import { aDeclaration } from '../support/interests.ts';
import { addTestPerson, testPassword } from '../support/people.ts';
import { auditEvents } from '../support/rows.ts';
import { signatureVerifies, startWebhookReceiver } from '../support/webhook-receiver.ts';
import { allEvents, endpointPosted, registerEndpoint, worker } from '../support/webhooks.ts';

describe.each(databaseKinds)('webhooks on %s', (kind) => {
  let t: TestApp;
  let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
  // The demo council's endpoint, registered by the second test.
  let ours = '';
  const client = demoClients(() => t);
  const api = demoApi(() => t);
  const admin = () => client('chris.taylor');
  const count = async (table: 'webhook_endpoint' | 'webhook_event') =>
    Number(
      (await sql<{ n: string }>`select count(*) as n from ${sql.table(table)}`.execute(t.db)).rows[0]?.n,
    );

  beforeAll(async () => {
    t = await startTestApp(kind);
    receiver = await startWebhookReceiver();
  });
  afterAll(async () => {
    await receiver.close();
    await t.close();
  });

  it('refuses bad configuration with the reasons and changes nothing', async () => {
    const before = await count('webhook_endpoint');
    const cases: [[string, string][], string[]][] = [
      [endpointPosted('', []), ['Enter the address to send events to', 'Select the events to send']],
      [endpointPosted('http://crm.council.example/hooks'), ['The address must start with https://']],
      [endpointPosted('not an address'), ['Enter the address in the form https://example.org/webhooks']],
      [endpointPosted('https://crm.example', ['complaint.deleted']), ['Select the events to send']],
      [
        endpointPosted('https://crm.example', allEvents, 'x'.repeat(201)),
        ['The description must be 200 characters or fewer'],
      ],
    ];
    for (const [form, messages] of cases) {
      const response = await (await admin()).post('/admin/webhooks', form);
      expect(response.statusCode).toBe(400);
      expect(errorSummary(response.body)).toEqual(messages);
    }
    // The API refuses the same input as problem+json.
    const bad = await api('chris.taylor', 'POST', '/api/v1/webhooks', { url: 'ftp://x', events: [] });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect(bad.json().errors.map((e: { key: string }) => e.key)).toEqual(['url', 'events']);
    expect(await count('webhook_endpoint')).toBe(before);
    // Only a system administrator may see or change endpoints.
    expect((await (await client('lucy.adeyemi')).get('/admin/webhooks')).statusCode).toBe(403);
  });

  it('shows the secret once, delivers each of the five events once, signed, with no personal text', async () => {
    const { id, secret } = await registerEndpoint(await admin(), receiver.url);
    ours = id;
    const page = await (await admin()).get('/admin/webhooks');
    expect(page.body).toContain(receiver.url);
    expect(page.body).not.toContain(secret);
    const stored = await t.db
      .selectFrom('audit_event')
      .select('action')
      .where('record_id', '=', id)
      .execute();
    expect(stored.map((event) => event.action)).toEqual(['webhook.created']);

    const reference = await receiveComplaint(t, {
      whatHappened: 'The bin men shouted at my neighbour Mrs Jones.',
    });
    await sql`update complaint set status = 'stage-1-responded' where reference = ${reference}`.execute(t.db);
    expect((await (await client('lucy.adeyemi')).post(`/complaints/${reference}/close`, {})).statusCode).toBe(
      303,
    );
    const declaration = await aDeclaration(api, 'kelly.morgan');
    const customerId = await restrictedThenLifted();
    expect(await worker(t).deliverDue(t.councilId)).toBe(5);

    const events = receiver.events();
    expect(events.map((event) => event.type).sort()).toEqual([...allEvents].sort());
    expect(receiver.received.every((delivery) => signatureVerifies(secret, delivery))).toBe(true);
    expect(
      receiver.received.every((delivery) => delivery.headers['webhook-id'] === JSON.parse(delivery.body).id),
    ).toBe(true);
    expect(events.every((event) => event.council === t.councilId)).toBe(true);
    const byType = Object.fromEntries(events.map((event) => [event.type, event.data]));
    expect(byType['complaint.received']).toMatchObject({ reference, channel: 'online' });
    expect(byType['complaint.closed']).toMatchObject({ reference });
    expect(byType['declaration.review-needed']).toMatchObject({ reference: declaration.reference });
    expect(byType['restriction.made']).toMatchObject({ customerId, kind: 'no-meetings' });
    expect(byType['restriction.lifted']).toMatchObject({ customerId });
    const all = receiver.received.map((delivery) => delivery.body).join('\n');
    expect(all).not.toContain('Mrs Jones');
    expect(all).not.toContain('Amira');
    // Nothing more to send: each went once.
    expect(await worker(t).deliverDue(t.councilId)).toBe(0);
    const log = await (await admin()).get(`/admin/webhooks/${id}/deliveries`);
    expect(log.body).toContain('complaint.closed');
    expect(log.body).toContain('HTTP 200');
    expect(log.body.match(/data-state="delivered"/g)).toHaveLength(5);
  });

  it('sends nothing to a disabled endpoint, and a second council’s endpoint hears only its own', async () => {
    receiver.received.length = 0;
    const other = await startWebhookReceiver();
    const { councilId, admin: otherAdmin, slug, serviceId } = await secondCouncil();
    const theirs = await registerEndpoint(otherAdmin, other.url, ['complaint.received']);
    const disabled = await (await admin()).post(`/admin/webhooks/${ours}`, [
      ...endpointPosted(receiver.url),
      ['enabled', 'no'],
    ]);
    expect(disabled.statusCode).toBe(303);

    const eventsBefore = await count('webhook_event');
    await receiveComplaint(t);
    expect(await count('webhook_event')).toBe(eventsBefore); // no enabled endpoint wants it
    await submitPublicComplaint(testClient(t.app, { remoteAddress: '192.0.2.7' }), { serviceId }, slug);
    await worker(t).deliverDue(t.councilId);
    await worker(t).deliverDue(councilId);
    expect(receiver.received).toHaveLength(0);
    expect(other.events().map((event) => [event.type, event.council])).toEqual([
      ['complaint.received', councilId],
    ]);
    expect(signatureVerifies(theirs.secret, other.received[0] ?? { headers: {}, body: '' })).toBe(true);
    // Neither administrator can see the other council's endpoint.
    expect((await otherAdmin.get(`/admin/webhooks/${ours}`)).statusCode).toBe(404);
    expect((await (await admin()).get(`/admin/webhooks/${theirs.id}/deliveries`)).statusCode).toBe(404);
    await other.close();
  });

  it('rotates the secret, shown once, and signs with the new one', async () => {
    // A bad change is refused with its reasons and changes nothing: the endpoint stays disabled.
    const bad = await (await admin()).post(
      `/admin/webhooks/${ours}`,
      endpointPosted('http://crm.example', []),
    );
    expect(bad.statusCode).toBe(400);
    expect(errorSummary(bad.body)).toEqual([
      'The address must start with https://',
      'Select the events to send',
      'Say whether to send events',
    ]);
    const kept = await t.db
      .selectFrom('webhook_endpoint')
      .select(['url', 'enabled'])
      .where('id', '=', ours)
      .executeTakeFirstOrThrow();
    expect(kept).toEqual({ url: receiver.url, enabled: false });
    await (await admin()).post(`/admin/webhooks/${ours}`, [
      ...endpointPosted(receiver.url),
      ['enabled', 'yes'],
    ]);
    const page = (await (await admin()).get(`/admin/webhooks/${ours}`)).body;
    const replacing = /name="replacing" value="([^"]+)"/.exec(page)?.[1] ?? '';
    const rotated = await (await admin()).post(`/admin/webhooks/${ours}/secret`, { replacing });
    const secret = /id="new-secret">([^<]+)</.exec(rotated.body)?.[1] ?? '';
    expect(secret).toMatch(/^whsec_/);
    // The same form sent again (a second click) replaces nothing: the secret just shown stays in use.
    const twice = await (await admin()).post(`/admin/webhooks/${ours}/secret`, { replacing });
    expect(twice.statusCode).toBe(400);
    expect(errorSummary(twice.body)).toEqual([
      'The secret was replaced, or the endpoint changed, at the same moment: the secret shown then is the one in use',
    ]);
    // One endpoint for an address.
    const again = await (await admin()).post('/admin/webhooks', endpointPosted(receiver.url));
    expect(again.statusCode).toBe(400);
    expect(errorSummary(again.body)).toEqual(['An endpoint for this address is already registered']);
    expect((await (await admin()).get(`/admin/webhooks/${ours}`)).body).not.toContain(secret);
    receiver.received.length = 0;
    await receiveComplaint(t);
    await worker(t).deliverDue(t.councilId);
    expect(receiver.received).toHaveLength(1);
    expect(signatureVerifies(secret, receiver.received[0] ?? { headers: {}, body: '' })).toBe(true);
    const actions = await t.db
      .selectFrom('audit_event')
      .select('action')
      .where('record_id', '=', ours)
      .orderBy('seq')
      .execute();
    expect(actions.map((event) => event.action)).toEqual([
      'webhook.created',
      'webhook.changed',
      'webhook.changed',
      'webhook.secret-rotated',
    ]);
  });

  it('replaces the secret through the API for each request that read the one in use, and signs with the last', async () => {
    const rotations = async () =>
      (await auditEvents(t.db, { recordId: ours, action: 'webhook.secret-rotated' })).length;
    const before = await rotations();
    // Those that read the same secret at once: one replaces it, the others are told (409) and
    // given no secret, since it would already be out of use.
    const answers = await Promise.all(
      [0, 1, 2, 3].map(() => api('chris.taylor', 'POST', `/api/v1/webhooks/${ours}/secret`)),
    );
    for (const answer of answers) expect([200, 409]).toContain(answer.statusCode);
    for (const refused of answers.filter((answer) => answer.statusCode === 409))
      expect(refused.json()).toMatchObject({
        status: 409,
        detail: expect.stringContaining('is the one in use'),
      });
    const secrets = answers
      .filter((answer) => answer.statusCode === 200)
      .map((answer) => String(answer.json().secret));
    expect(await rotations()).toBe(before + secrets.length);
    receiver.received.length = 0;
    await receiveComplaint(t);
    await worker(t).deliverDue(t.councilId);
    expect(receiver.received).toHaveLength(1);
    const signing = secrets.filter((secret) =>
      signatureVerifies(secret, receiver.received[0] ?? { headers: {}, body: '' }),
    );
    expect(signing).toHaveLength(1);
  });

  it('never posts to an address inside the network, by number or by a name that resolves there', async () => {
    const inside = await startWebhookReceiver();
    const second = await registerEndpoint(await admin(), inside.url.replace('127.0.0.1', 'localhost'), [
      'complaint.received',
    ]);
    receiver.received.length = 0;
    await receiveComplaint(t);
    // In production no address on this machine may be reached: neither endpoint is posted to.
    expect(await worker(t, false).deliverDue(t.councilId)).toBe(2);
    expect(receiver.received).toHaveLength(0);
    expect(inside.received).toHaveLength(0);
    for (const id of [ours, second.id]) {
      const log = (await (await admin()).get(`/admin/webhooks/${id}/deliveries`)).body;
      expect(log).toContain('is not an address on the internet, so nothing was sent to it');
    }
    await inside.close();
  });

  // A customer made vexatious, restricted from meetings, and the restriction then ended.
  async function restrictedThenLifted() {
    const manager = await client('lucy.adeyemi');
    const id = await addCustomer(client, { name: 'Rhoda Hooks', email: 'rhoda@example.com' });
    await (await client('chloe.roberts')).post(
      `/customers/${id}/contacts/new`,
      contactPosted('Abusive call'),
    );
    const singlePointOfContactId = await demoPersonId(t, 'lucy.adeyemi');
    for (const step of ['warning', 'pre-vexatious', 'vexatious'])
      expect(
        (await manager.post(`/customers/${id}/${step}`, decisionPosted({ singlePointOfContactId })))
          .statusCode,
      ).toBe(303);
    const housing = await t.db
      .selectFrom('service')
      .select('id')
      .where('council_id', '=', t.councilId)
      .where('name', '=', 'Housing')
      .executeTakeFirstOrThrow();
    const added = await manager.post(`/customers/${id}/restrictions/new`, {
      kind: 'no-meetings',
      scopeServiceId: housing.id,
      reason: 'Meetings became abusive',
      detail: '',
      namedOfficerId: '',
      ...{ 'startsOn-day': '20', 'startsOn-month': '11', 'startsOn-year': '2026' },
      ...{ 'reviewOn-day': '', 'reviewOn-month': '', 'reviewOn-year': '' },
    });
    expect(added.statusCode, errorSummary(added.body).join()).toBe(303);
    const restriction = await t.db
      .selectFrom('contact_restriction')
      .select('id')
      .where('customer_id', '=', id)
      .executeTakeFirstOrThrow();
    const ended = await manager.post(`/customers/${id}/restrictions/${restriction.id}/end`, {
      endReason: 'Meetings went well',
    });
    expect(ended.statusCode).toBe(303);
    return id;
  }

  async function secondCouncil() {
    const slug = 'hooksborough';
    const { councilId, serviceIds } = await t.db.transaction().execute((trx) =>
      createCouncil(
        trx,
        {
          name: 'Hooksborough Council',
          slug,
          division: 'england-and-wales',
          directorates: [{ name: 'Resources', services: ['Waste'] }],
        },
        t.clock.now(),
      ),
    );
    await addTestPerson(t.db, councilId, { email: 'sam@hooksborough.test', roles: ['system-administrator'] });
    const otherAdmin = testClient(t.app);
    await otherAdmin.signIn('sam@hooksborough.test', testPassword);
    return { councilId, admin: otherAdmin, slug, serviceId: [...serviceIds.values()][0] ?? '' };
  }
});
