import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/platform/audit/audit-chain.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { databaseKinds } from '../support/databases.ts';
import { addTestPerson, personIdByEmail, signedInAs, testPassword, tokenFor } from '../support/people.ts';

const newPerson = (overrides: Record<string, string> = {}): [string, string][] => [
  ...Object.entries({
    name: 'Priya Newcomer',
    email: 'priya.newcomer@probity.test',
    jobTitle: 'Licensing Officer',
    serviceId: '',
    lineManagerId: '',
    employmentType: 'agency',
    politicallyRestricted: 'no',
    invite: 'yes',
    ...overrides,
  }),
  ['roles', 'officer'],
  ['roles', 'field-officer'],
];

describe.each(databaseKinds)('managing people on %s', (kind) => {
  let t: TestApp;
  let managerId: string;
  let reportId: string;
  let peerId: string;

  beforeAll(async () => {
    t = await startTestApp(kind);
    await addTestPerson(t.db, t.councilId, {
      email: 'ada.admin@probity.test',
      roles: ['officer', 'system-administrator'],
    });
    await addTestPerson(t.db, t.councilId, { email: 'harriet.hr@probity.test', roles: ['officer', 'hr'] });
    managerId = await addTestPerson(t.db, t.councilId, {
      email: 'mo.manager@probity.test',
      roles: ['officer', 'line-manager'],
    });
    reportId = await addTestPerson(t.db, t.councilId, {
      email: 'rita.report@probity.test',
      roles: ['officer'],
      lineManagerId: managerId,
    });
    peerId = await addTestPerson(t.db, t.councilId, {
      email: 'pete.peer@probity.test',
      roles: ['officer', 'line-manager'],
    });
  });
  afterAll(() => t.close());

  it('refuses a person with bad details, says why, keeps the values and saves nothing', async () => {
    const admin = await signedInAs(t, 'ada.admin@probity.test');
    const response = await admin.post('/people', [
      ['name', ''],
      ['email', 'not-an-email'],
      ['jobTitle', 'x'.repeat(201)],
      ['employmentType', 'pirate'],
      ['lineManagerId', 'nobody'],
    ]);
    expect(response.statusCode).toBe(400);
    for (const message of [
      'Enter the person’s full name',
      'Enter an email address in the correct format, like name@example.com',
      'Job title must be 200 characters or fewer',
      'Select the employment type',
      'Select whether the post is politically restricted',
      'Select a line manager from the list',
    ]) {
      expect(response.body).toContain(message);
    }
    expect(response.body).toContain('value="not-an-email"');
    const count = await t.db
      .selectFrom('person')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('email', '=', 'not-an-email')
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(0);
    const duplicate = await admin.post('/people', newPerson({ email: 'mo.manager@probity.test' }));
    expect(duplicate.statusCode).toBe(400);
    expect(duplicate.body).toContain('A person with this email address already has an account');
  });

  it('adds a person, emails them a one-time link, and lets them set a password and sign in', async () => {
    const admin = await signedInAs(t, 'ada.admin@probity.test');
    const created = await admin.post('/people', newPerson());
    expect(created.statusCode).toBe(303);
    const page = await admin.get(created.headers.location as string);
    expect(page.body).toContain('Priya Newcomer has been added');
    expect(page.body).toContain('Agency worker');

    const email = t.smtp.received.find((message) => message.to === 'priya.newcomer@probity.test');
    expect(email?.subject).toBe('Set your password for Probity at Demo District Council');
    const link = /http:\/\/probity\.test(\/set-password\/\S+)/.exec(email?.text ?? '')?.[1];
    expect(link).toBeDefined();
    if (!link) return;

    const newcomer = t.client();
    expect((await newcomer.get(link)).statusCode).toBe(200);
    const weak = await newcomer.post(link, { password: 'password1234', confirmation: 'password1234' });
    expect(weak.statusCode).toBe(400);
    expect(weak.body).toMatch(/too common/i);
    const mismatch = await newcomer.post(link, {
      password: 'lantern orchard biscuit',
      confirmation: 'lantern orchard biscuits',
    });
    expect(mismatch.body).toContain('Passwords do not match');
    const done = await newcomer.post(link, {
      password: 'lantern orchard biscuit',
      confirmation: 'lantern orchard biscuit',
    });
    expect(done.statusCode).toBe(303);
    await newcomer.signIn('priya.newcomer@probity.test', 'lantern orchard biscuit');
    expect((await newcomer.get(link)).statusCode).toBe(404);
  });

  it('lets a line manager see their report’s record but not a peer’s', async () => {
    const manager = await signedInAs(t, 'mo.manager@probity.test');
    expect((await manager.get(`/people/${reportId}`)).statusCode).toBe(200);
    expect((await manager.get(`/people/${peerId}`)).statusCode).toBe(403);
    const team = await manager.get('/team');
    expect(team.body).toContain('rita.report');
    expect(team.body).not.toContain('pete.peer');
    const report = await signedInAs(t, 'rita.report@probity.test');
    expect((await report.get(`/people/${managerId}`)).statusCode).toBe(403);
    const hr = await signedInAs(t, 'harriet.hr@probity.test');
    expect((await hr.get(`/people/${peerId}`)).statusCode).toBe(200);
  });

  it('refuses a line manager who would make a loop', async () => {
    const admin = await signedInAs(t, 'ada.admin@probity.test');
    const response = await admin.post(`/people/${managerId}`, [
      ['name', 'mo.manager'],
      ['email', 'mo.manager@probity.test'],
      ['jobTitle', 'Team leader'],
      ['lineManagerId', reportId],
      ['employmentType', 'employee'],
      ['politicallyRestricted', 'no'],
      ['roles', 'officer'],
    ]);
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('cannot be managed by themselves or by someone they manage');
  });

  it('deactivates a leaver: their sessions and tokens stop working and their record stays', async () => {
    const leaverId = await addTestPerson(t.db, t.councilId, {
      email: 'len.leaver@probity.test',
      roles: ['officer'],
    });
    const token = await tokenFor(t.db, t.councilId, leaverId);
    const leaver = await signedInAs(t, 'len.leaver@probity.test');
    const admin = await signedInAs(t, 'ada.admin@probity.test');
    expect((await admin.post(`/people/${leaverId}/deactivate`)).statusCode).toBe(303);
    expect((await leaver.get('/')).statusCode).toBe(302);
    expect((await leaver.api('GET', '/api/v1/me', undefined, token)).statusCode).toBe(401);
    const again = t.client();
    await again.get('/sign-in');
    expect(
      (await again.post('/sign-in', { email: 'len.leaver@probity.test', password: testPassword })).statusCode,
    ).toBe(400);
    const page = await admin.get(`/people/${leaverId}`);
    expect(page.body).toContain('Left');
    const event = await t.db
      .selectFrom('audit_event')
      .select(['before', 'after', 'actor_label'])
      .where('action', '=', 'person.deactivated')
      .where('record_id', '=', leaverId)
      .executeTakeFirstOrThrow();
    expect(event).toMatchObject({
      before: { active: true },
      after: { active: false },
      actor_label: 'ada.admin',
    });
  });

  it('serves people through the API with the same validation, as problem+json', async () => {
    const adminId = await personIdByEmail(t.db, 'ada.admin@probity.test');
    const token = await tokenFor(t.db, t.councilId, adminId);
    const client = t.client();
    const bad = await client.api('POST', '/api/v1/people', { name: '', email: 'nope' }, token);
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect(bad.json()).toMatchObject({ status: 400, title: 'Invalid input' });
    const created = await client.api(
      'POST',
      '/api/v1/people',
      {
        name: 'Api Person',
        email: 'API.Person@probity.test',
        jobTitle: 'Analyst',
        employmentType: 'contractor',
        politicallyRestricted: false,
        roles: ['officer'],
      },
      token,
    );
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      name: 'Api Person',
      email: 'api.person@probity.test',
      employmentType: 'contractor',
      roles: ['officer'],
    });
    const page1 = (await client.api('GET', '/api/v1/people?limit=5', undefined, token)).json() as {
      items: unknown[];
      nextCursor: string;
    };
    expect(page1.items).toHaveLength(5);
    const page2 = (
      await client.api('GET', `/api/v1/people?limit=5&cursor=${page1.nextCursor}`, undefined, token)
    ).json() as { items: unknown[] };
    expect(page2.items).toHaveLength(5);
    expect(page2.items[0]).not.toEqual(page1.items[0]);
    expect(await verifyAuditChain(t.db, t.councilId)).toMatchObject({ intact: true });
  });
});
