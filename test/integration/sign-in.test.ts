import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/platform/clock.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { databaseKinds } from '../support/databases.ts';
import { addTestPerson, signedInAs, testPassword } from '../support/people.ts';

const badCredentials = 'Enter a correct email address and password';
const tooMany = 'too many failed attempts';

describe.each(databaseKinds)('signing in on %s', (kind) => {
  let t: TestApp;
  const clock = fixedClock(new Date('2026-11-23T09:00:00Z'));

  beforeAll(async () => {
    t = await startTestApp(kind, { clock });
    await addTestPerson(t.db, t.councilId, { email: 'sam.signin@probity.test', roles: ['officer'] });
    await addTestPerson(t.db, t.councilId, { email: 'lou.lockout@probity.test', roles: ['officer'] });
    await addTestPerson(t.db, t.councilId, { email: 'ida.idle@probity.test', roles: ['officer'] });
    await addTestPerson(t.db, t.councilId, { email: 'cal.concurrent@probity.test', roles: ['officer'] });
  });
  afterAll(() => t.close());

  it('signs in with the right password, shows the person’s name and signs out', async () => {
    const browser = t.client();
    const response = await browser.signIn('Sam.Signin@probity.test', testPassword);
    expect(response.headers.location).toBe('/');
    const home = await browser.get('/');
    expect(home.statusCode).toBe(200);
    expect(home.body).toContain('Welcome, sam.signin');
    const cookie = response.cookies.find((c) => c.name === 'probity_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
    await browser.post('/sign-out');
    expect((await browser.get('/')).statusCode).toBe(302);
  });

  it('gives the same answer for a wrong password and for an unknown account', async () => {
    const browser = t.client();
    await browser.get('/sign-in');
    const wrong = await browser.post('/sign-in', {
      email: 'sam.signin@probity.test',
      password: 'not the password',
    });
    const unknown = await browser.post('/sign-in', {
      email: 'nobody@probity.test',
      password: 'not the password',
    });
    expect(wrong.statusCode).toBe(400);
    expect(unknown.statusCode).toBe(400);
    expect(wrong.body).toContain(badCredentials);
    const message = (body: string) =>
      /<div class="govuk-error-summary"[\s\S]*?<\/div>\s*<\/div>/.exec(body)?.[0];
    expect(message(wrong.body)).toBe(message(unknown.body));
    expect(wrong.body).toContain('value="sam.signin@probity.test"');
  });

  it('asks for both fields when they are empty', async () => {
    const browser = t.client();
    const response = await browser.post('/sign-in', { email: '', password: '' });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('Enter your email address');
    expect(response.body).toContain('Enter your password');
  });

  it('locks an account after repeated failures, even for the right password, and unlocks it later', async () => {
    const browser = t.client();
    for (let attempt = 1; attempt <= 5; attempt++) {
      const response = await browser.post('/sign-in', {
        email: 'lou.lockout@probity.test',
        password: `wrong ${attempt}`,
      });
      expect(response.statusCode).toBe(400);
    }
    const locked = await browser.post('/sign-in', {
      email: 'lou.lockout@probity.test',
      password: testPassword,
    });
    expect(locked.statusCode).toBe(400);
    expect(locked.body).toContain(tooMany);
    // An unknown address is locked the same way, so the answer reveals nothing.
    for (let attempt = 1; attempt <= 5; attempt++)
      await browser.post('/sign-in', { email: 'ghost@probity.test', password: 'x' });
    expect((await browser.post('/sign-in', { email: 'ghost@probity.test', password: 'x' })).body).toContain(
      tooMany,
    );

    clock.advance(16 * 60_000);
    const later = await browser.post('/sign-in', {
      email: 'lou.lockout@probity.test',
      password: testPassword,
    });
    expect(later.statusCode).toBe(303);
    const actions = await t.db
      .selectFrom('audit_event')
      .select('action')
      .where('actor_label', '=', 'lou.lockout')
      .where('action', 'in', ['person.sign-in-failed', 'person.locked-out'])
      .orderBy('seq')
      .execute();
    expect(actions.map((a) => a.action)).toEqual([
      ...Array(4).fill('person.sign-in-failed'),
      'person.locked-out',
    ]);
  });

  it('locks an account at the fifth failure however many guesses arrive at once', async () => {
    const email = 'cal.concurrent@probity.test';
    // Fifty guesses from fifty addresses, one in ten with the right password, all sent together.
    const guesses = await Promise.all(
      Array.from({ length: 50 }, async (_, i) => {
        const browser = t.client({ remoteAddress: `198.51.100.${i + 1}` });
        await browser.get('/sign-in');
        return { browser, password: i % 10 === 0 ? testPassword : `wrong guess ${i}` };
      }),
    );
    const responses = await Promise.all(
      guesses.map(({ browser, password }) => browser.post('/sign-in', { email, password })),
    );
    const events = await t.db
      .selectFrom('audit_event')
      .select(['action', 'after'])
      .where('actor_label', '=', 'cal.concurrent')
      .where('action', 'in', ['person.signed-in', 'person.sign-in-failed', 'person.locked-out'])
      .orderBy('seq')
      .execute();
    const count = (action: string) => events.filter((event) => event.action === action).length;
    expect(count('person.locked-out')).toBe(1);
    expect(inconsistentWithOneAtATime(events, 5)).toEqual([]);
    const answers = responses.map((response) =>
      response.statusCode === 303
        ? 'signed in'
        : response.body.includes(tooMany)
          ? 'locked'
          : response.body.includes(badCredentials)
            ? 'wrong'
            : `${response.statusCode}`,
    );
    const answered = (answer: string) => answers.filter((a) => a === answer).length;
    expect(answered('signed in')).toBe(count('person.signed-in'));
    expect(answered('wrong')).toBe(count('person.sign-in-failed'));
    expect(answered('locked')).toBe(50 - answered('signed in') - answered('wrong'));
    const afterwards = await t.client({ remoteAddress: '198.51.100.99' }).post('/sign-in', {
      email,
      password: testPassword,
    });
    expect(afterwards.statusCode).toBe(400);
    expect(afterwards.body).toContain(tooMany);
  });

  it('ends a session after the policy’s inactivity time', async () => {
    const browser = await signedInAs(t, 'ida.idle@probity.test');
    clock.advance(29 * 60_000);
    expect((await browser.get('/')).statusCode).toBe(200);
    clock.advance(31 * 60_000);
    const response = await browser.get('/account/tokens');
    expect(response.statusCode).toBe(302);
    expect(response.headers.location).toBe('/sign-in?next=%2Faccount%2Ftokens');
  });

  it('follows the council’s own inactivity time, and the default when the setting is gone', async () => {
    const setIdle = (settings: string) =>
      sql`insert into council_policy (council_id, settings) values (${t.councilId}, ${settings}::jsonb)
        on conflict (council_id) do update set settings = excluded.settings`.execute(t.db);
    await setIdle('{"sessionIdleMinutes": 10}');
    const browser = await signedInAs(t, 'ida.idle@probity.test');
    clock.advance(9 * 60_000);
    expect((await browser.get('/')).statusCode).toBe(200);
    clock.advance(11 * 60_000);
    expect((await browser.get('/')).statusCode).toBe(302);
    await setIdle('{}');
    await browser.signIn('ida.idle@probity.test', testPassword);
    clock.advance(20 * 60_000);
    expect((await browser.get('/')).statusCode).toBe(200);
  });

  it('only sends people back to a page on this site after signing in', async () => {
    const browser = t.client();
    await browser.get('/sign-in?next=//evil.example/');
    const response = await browser.post('/sign-in', {
      email: 'sam.signin@probity.test',
      password: testPassword,
      next: '//evil.example/',
    });
    expect(response.headers.location).toBe('/');
  });

  // Last in this file: it uses up the address's sign-in allowance for the minute.
  it('slows a flood of sign-in attempts from one address with 429', async () => {
    const browser = t.client();
    await browser.get('/sign-in');
    const statuses = new Set<number>();
    for (let i = 0; i < 35; i++)
      statuses.add(
        (await browser.post('/sign-in', { email: `flood${i}@probity.test`, password: 'x' })).statusCode,
      );
    expect(statuses).toContain(429);
    const page = await browser.post('/sign-in', { email: 'flood@probity.test', password: 'x' });
    expect(page.statusCode).toBe(429);
    expect(page.body).toContain('Too many requests');
  });
});

// Replays an account's sign-in events in the order they were written: each must follow from the
// ones before it, as if the attempts had arrived one at a time. Returns what does not.
function inconsistentWithOneAtATime(events: { action: string; after: unknown }[], threshold: number) {
  const problems: string[] = [];
  let failures = 0;
  let locked = false;
  for (const [i, event] of events.entries()) {
    if (locked) problems.push(`${i}: ${event.action} after the lockout`);
    if (event.action === 'person.signed-in') {
      failures = 0;
      continue;
    }
    failures += 1;
    const recorded = (event.after as { failures?: number } | null)?.failures;
    if (recorded !== failures)
      problems.push(`${i}: ${event.action} recorded ${recorded}, expected ${failures}`);
    const locks = failures >= threshold;
    if (locks !== (event.action === 'person.locked-out'))
      problems.push(`${i}: ${event.action} at ${failures}`);
    locked ||= locks;
  }
  return problems;
}
