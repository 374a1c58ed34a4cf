import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { digest } from '../../src/platform/auth/secrets.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { databaseKinds } from '../support/databases.ts';
import { addTestPerson, signedInAs, testPassword } from '../support/people.ts';

const newPassword = 'lantern orchard biscuit';

describe.each(databaseKinds)('changing and resetting a password on %s', (kind) => {
  let t: TestApp;
  let address = 0;
  // Each test asks from its own address, so the limit per address counts only its own requests.
  const fromNewAddress = () => t.client({ remoteAddress: `192.0.2.${++address}` });
  const emailsTo = (to: string) => t.smtp.received.filter((email) => email.to === to);
  const auditActions = async (personId: string) =>
    (
      await t.db
        .selectFrom('audit_event')
        .select('action')
        .where('record_id', '=', personId)
        .orderBy('seq')
        .execute()
    ).map((row) => row.action);
  const resetLinkIn = (text: string) => /http:\/\/probity\.test(\/password-reset\/\S+)/.exec(text)?.[1] ?? '';

  beforeAll(async () => {
    t = await startTestApp(kind);
  });
  afterAll(() => t.close());

  it('changes a password signed in: the current one must be right, and other sessions end', async () => {
    const email = 'cara.changer@probity.test';
    const personId = await addTestPerson(t.db, t.councilId, { email, roles: ['officer'] });
    const here = await signedInAs(t, email);
    const elsewhere = await signedInAs(t, email);
    expect((await here.get('/account/password')).statusCode).toBe(200);

    const wrong = await here.post('/account/password', {
      current: 'not my password at all',
      password: newPassword,
      confirmation: newPassword,
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain('Your current password is not correct');
    const weak = await here.post('/account/password', {
      current: testPassword,
      password: 'password1234',
      confirmation: 'password1234',
    });
    expect(weak.statusCode).toBe(400);
    expect(weak.body).toMatch(/too common/i);
    expect(emailsTo(email)).toHaveLength(0);

    const changed = await here.post('/account/password', {
      current: testPassword,
      password: newPassword,
      confirmation: newPassword,
    });
    expect(changed.statusCode).toBe(303);
    expect((await here.get(changed.headers.location as string)).body).toContain(
      'Your password has been changed',
    );
    expect((await here.get('/')).statusCode).toBe(200);
    expect((await elsewhere.get('/')).statusCode).toBe(302);
    expect(emailsTo(email).map((message) => message.subject)).toEqual([
      'Your Probity password at Demo District Council has changed',
    ]);
    expect(await auditActions(personId)).toContain('person.password-changed');
    const old = await t.client().post('/sign-in', { email, password: testPassword });
    expect(old.statusCode).toBe(400);
    await t.client().signIn(email, newPassword);
  });

  it('answers a reset request the same whether or not the address has an account', async () => {
    const email = 'rory.reset@probity.test';
    const personId = await addTestPerson(t.db, t.councilId, { email, roles: ['officer'] });
    const signedInElsewhere = await signedInAs(t, email);
    const unknown = await fromNewAddress().post('/password-reset', { email: 'nobody@probity.test' });
    const known = await fromNewAddress().post('/password-reset', { email: ' Rory.Reset@probity.test ' });
    expect([unknown.statusCode, unknown.headers.location]).toEqual([303, '/password-reset/sent']);
    expect([known.statusCode, known.headers.location]).toEqual([303, '/password-reset/sent']);
    expect(emailsTo('nobody@probity.test')).toHaveLength(0);

    const [message] = emailsTo(email);
    expect(message?.subject).toBe('Reset your Probity password at Demo District Council');
    const link = resetLinkIn(message?.text ?? '');
    const secret = link.split('.').at(-1) ?? '';
    const stored = await t.db
      .selectFrom('one_time_token')
      .select('token_hash')
      .where('person_id', '=', personId)
      .execute();
    expect(stored.map((row) => row.token_hash)).toEqual([digest(secret)]);

    const resident = fromNewAddress();
    expect((await resident.get(link)).statusCode).toBe(200);
    const mismatch = await resident.post(link, { password: newPassword, confirmation: `${newPassword}s` });
    expect(mismatch.body).toContain('Passwords do not match');
    const done = await resident.post(link, { password: newPassword, confirmation: newPassword });
    expect([done.statusCode, done.headers.location]).toEqual([303, '/sign-in?password-reset=1']);
    expect((await resident.get('/sign-in?password-reset=1')).body).toContain('Your password has been reset');
    expect((await signedInElsewhere.get('/')).statusCode).toBe(302);
    await t.client().signIn(email, newPassword);
    expect(await auditActions(personId)).toEqual(
      expect.arrayContaining(['person.password-reset-sent', 'person.password-reset']),
    );
    expect(emailsTo(email).map((mail) => mail.subject)).toContain(
      'Your Probity password at Demo District Council has changed',
    );

    // A link works once.
    expect((await resident.get(link)).statusCode).toBe(404);
    const again = await resident.post(link, {
      password: 'another fine passphrase',
      confirmation: 'another fine passphrase',
    });
    expect(again.statusCode).toBe(404);
    expect(again.body).toContain('This link has expired or has already been used');
    await t.client().signIn(email, newPassword);
  });

  it('sends one address only a few links an hour, and refuses one sender many requests', async () => {
    const email = 'lottie.limited@probity.test';
    await addTestPerson(t.db, t.councilId, { email, roles: ['officer'] });
    for (let i = 0; i < 5; i++) {
      const response = await fromNewAddress().post('/password-reset', { email });
      expect(response.headers.location).toBe('/password-reset/sent');
    }
    expect(emailsTo(email)).toHaveLength(3);
    // Only the newest link works: each cancels the one before.
    const links = emailsTo(email).map((mail) => resetLinkIn(mail.text));
    const reader = fromNewAddress();
    expect((await reader.get(links[0] ?? '')).statusCode).toBe(404);
    expect((await reader.get(links[2] ?? '')).statusCode).toBe(200);

    const sender = fromNewAddress();
    const answers: number[] = [];
    for (let i = 0; i < 6; i++)
      answers.push((await sender.post('/password-reset', { email: `someone${i}@probity.test` })).statusCode);
    expect(answers).toEqual([303, 303, 303, 303, 303, 429]);
    const bad = await fromNewAddress().post('/password-reset', { email: 'not an address' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Enter an email address in the correct format');
  });

  it('refuses a link after 30 minutes', async () => {
    const email = 'ezra.expired@probity.test';
    await addTestPerson(t.db, t.councilId, { email, roles: ['officer'] });
    await fromNewAddress().post('/password-reset', { email });
    const link = resetLinkIn(emailsTo(email)[0]?.text ?? '');
    const resident = fromNewAddress();
    expect((await resident.get(link)).statusCode).toBe(200);
    t.clock.advance(31 * 60_000);
    expect((await resident.get(link)).statusCode).toBe(404);
    const late = await resident.post(link, { password: newPassword, confirmation: newPassword });
    expect(late.statusCode).toBe(404);
    await t.client().signIn(email, testPassword);
  });
});
