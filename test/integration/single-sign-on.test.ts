import { mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.ts';
import { databaseKinds } from '../support/databases.ts';
import { claimsOf, startOidcProvider, type TestOidcProvider } from '../support/oidc-provider.ts';
import { addTestPerson, personIdByEmail, testPassword } from '../support/people.ts';
import {
  addCouncil,
  callbackFor,
  configureProvider,
  secretFile,
  secretVariable,
  settingsFor,
  signInWithProvider,
} from '../support/single-sign-on.ts';

const notConfirmed = 'Probity could not confirm your sign-in';

describe.each(databaseKinds)('signing in with the council’s provider on %s', (kind) => {
  let t: TestApp;
  let idp: TestOidcProvider;
  let otherIdp: TestOidcProvider;

  const refusalsOf = async (councilId: string) =>
    (
      await t.db
        .selectFrom('audit_event')
        .select(['action', 'after'])
        .where('council_id', '=', councilId)
        .where('action', 'in', ['person.single-sign-on-refused', 'person.single-sign-on-failed'])
        .orderBy('seq')
        .execute()
    ).map((event) => (event.after as { reason: string }).reason);

  // A person of the demo council with a verified account at its provider.
  const staff = async (email: string, sub: string) => {
    const personId = await addTestPerson(t.db, t.councilId, { email, roles: ['officer'] });
    idp.accounts.set(sub, { sub, email, email_verified: true });
    return personId;
  };
  // The person leaves: deactivated, as an administrator deactivates them.
  const deactivate = (personId: string) =>
    t.db
      .updateTable('person')
      .set({ active: false, deactivated_at: t.clock.now() })
      .where('council_id', '=', t.councilId)
      .where('id', '=', personId)
      .execute();

  beforeAll(async () => {
    t = await startTestApp(kind);
    idp = await startOidcProvider({
      redirectUris: [callbackFor('demo')],
      postLogoutUris: ['http://probity.test/sign-in?signed-out=1'],
    });
    // The other council's provider also lets its client return to the demo council's callback,
    // so a code it issues can be tried there.
    otherIdp = await startOidcProvider({ redirectUris: [callbackFor('otherham'), callbackFor('demo')] });
    await configureProvider(t, t.councilId, settingsFor(idp, 'demo'));
    const otherham = await addCouncil(t, 'Otherham Borough Council', 'otherham');
    await configureProvider(
      t,
      otherham,
      settingsFor(otherIdp, 'otherham', {
        displayName: 'Otherham ID',
        allowedDomains: ['otherham.test', 'demo.probity.test'],
        passwordSignIn: false,
      }),
    );
    await addTestPerson(t.db, otherham, { email: 'olive@otherham.test', roles: ['officer'] });
  });
  afterAll(async () => {
    await t.close();
    await idp.close();
    await otherIdp.close();
  });

  it('links a person by their verified address the first time, and by the provider’s subject after the address changes', async () => {
    const personId = await addTestPerson(t.db, t.councilId, {
      email: 'ada.first@demo.probity.test',
      roles: ['officer'],
    });
    idp.accounts.set('sub-ada', {
      sub: 'sub-ada',
      email: 'Ada.First@demo.probity.test',
      email_verified: true,
    });
    const browser = t.client();
    const first = await signInWithProvider(browser, 'demo', idp, 'sub-ada');
    expect(first.statusCode).toBe(303);
    expect(first.headers.location).toBe('/');
    expect((await browser.get('/')).body).toContain('Welcome, ada.first');

    idp.accounts.set('sub-ada', {
      sub: 'sub-ada',
      email: 'ada.renamed@demo.probity.test',
      email_verified: true,
    });
    const later = t.client();
    expect((await signInWithProvider(later, 'demo', idp, 'sub-ada')).statusCode).toBe(303);
    expect((await later.get('/')).body).toContain('Welcome, ada.first');
    const events = await t.db
      .selectFrom('audit_event')
      .select('action')
      .where('council_id', '=', t.councilId)
      .where('record_id', '=', personId)
      .where('action', 'in', ['person.identity-linked', 'person.signed-in'])
      .orderBy('seq')
      .execute();
    expect(events.map((event) => event.action)).toEqual([
      'person.identity-linked',
      'person.signed-in',
      'person.signed-in',
    ]);
  });

  it('returns to the page the person was going to', async () => {
    await staff('nell.next@demo.probity.test', 'sub-nell');
    const browser = t.client();
    const start = await browser.get('/sign-in/sso/demo?next=/account/tokens');
    const back = await idp.signInAt(String(start.headers.location), 'sub-nell');
    const done = await browser.get(back.pathname + back.search);
    expect(done.headers.location).toBe('/account/tokens');
  });

  it('refuses an answer to a sign-in this browser did not start, or started again since (wrong state)', async () => {
    await staff('sid.state@demo.probity.test', 'sub-sid');
    const browser = t.client();
    const first = await browser.get('/sign-in/sso/demo');
    await browser.get('/sign-in/sso/demo');
    const back = await idp.signInAt(String(first.headers.location), 'sub-sid');
    const answer = await browser.get(back.pathname + back.search);
    expect(answer.statusCode).toBe(400);
    expect(answer.body).toContain(notConfirmed);
    expect(browser.cookies.has('probity_session')).toBe(false);

    const stranger = t.client();
    const elsewhere = await stranger.get(back.pathname + back.search);
    expect(elsewhere.statusCode).toBe(400);
    expect(elsewhere.body).toContain(notConfirmed);
  });

  it('refuses an ID token with the wrong nonce', async () => {
    const browser = t.client();
    const answer = await signInWithProvider(browser, 'demo', idp, 'sub-sid', (url) => {
      url.searchParams.set('nonce', 'a-nonce-this-browser-never-made');
      return url;
    });
    expect(answer.statusCode).toBe(400);
    expect(answer.body).toContain(notConfirmed);
    expect((await refusalsOf(t.councilId)).at(-1)).toMatch(/nonce/);
  });

  it('refuses an ID token that was tampered with, signed by another key, or has expired', async () => {
    const now = Math.floor(Date.now() / 1000);
    const forgeries: Record<string, (token: string) => Promise<string>> = {
      tampered: async (token) => {
        const [header, , signature] = token.split('.');
        const claims = { ...claimsOf(token), sub: 'sub-ada' };
        return `${header}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${signature}`;
      },
      expired: (token) => idp.sign({ ...claimsOf(token), iat: now - 7200, exp: now - 3600 }),
      'another key': (token) => otherIdp.sign(claimsOf(token)),
    };
    const answers: Record<string, number> = {};
    for (const [forgery, replace] of Object.entries(forgeries)) {
      idp.replaceIdToken(replace);
      const browser = t.client();
      const answer = await signInWithProvider(browser, 'demo', idp, 'sub-sid').finally(() =>
        idp.replaceIdToken(null),
      );
      answers[forgery] = answer.statusCode;
      expect(answer.body, forgery).toContain(notConfirmed);
      expect(browser.cookies.has('probity_session'), forgery).toBe(false);
    }
    expect(answers).toEqual({ tampered: 400, expired: 400, 'another key': 400 });
  });

  it('refuses an unknown, unverified or outside address and a leaver, each with a clear page', async () => {
    await addTestPerson(t.db, t.councilId, { email: 'una.unverified@demo.probity.test', roles: ['officer'] });
    const leaverId = await addTestPerson(t.db, t.councilId, {
      email: 'len.leaver@demo.probity.test',
      roles: ['officer'],
    });
    await deactivate(leaverId);
    const cases = [
      [
        'sub-nobody',
        'nobody@demo.probity.test',
        true,
        'There is no Probity account with your email address',
        'unknown-email',
      ],
      [
        'sub-una',
        'una.unverified@demo.probity.test',
        false,
        'has not verified your email address',
        'unverified-email',
      ],
      [
        'sub-out',
        'chris.taylor@elsewhere.test',
        true,
        'not one your council lets sign in',
        'outside-domains',
      ],
      ['sub-len', 'len.leaver@demo.probity.test', true, 'no longer active', 'leaver'],
    ] as const;
    for (const [sub, email, verified, message, reason] of cases) {
      idp.accounts.set(sub, { sub, email, email_verified: verified });
      const browser = t.client();
      const answer = await signInWithProvider(browser, 'demo', idp, sub);
      expect(answer.statusCode, reason).toBe(403);
      expect(answer.body, reason).toContain(message);
      expect(browser.cookies.has('probity_session'), reason).toBe(false);
      expect((await refusalsOf(t.councilId)).at(-1)).toBe(reason);
    }
  });

  it('refuses a linked person once they have left, whatever the provider says', async () => {
    const personId = await staff('lee.later@demo.probity.test', 'sub-lee');
    expect((await signInWithProvider(t.client(), 'demo', idp, 'sub-lee')).statusCode).toBe(303);
    await deactivate(personId);
    const answer = await signInWithProvider(t.client(), 'demo', idp, 'sub-lee');
    expect(answer.statusCode).toBe(403);
    expect(answer.body).toContain('no longer active');
  });

  it('refuses the password form for a council that turned it off, and offers its provider instead', async () => {
    const browser = t.client();
    const page = await browser.get('/sign-in');
    expect(page.body).toContain('Sign in with Otherham ID');
    expect(page.body).toContain('href="/sign-in/sso/otherham"');
    // A wrong password fails as it does anywhere: the answer does not say the address has an account.
    const wrong = await browser.post('/sign-in', {
      email: 'olive@otherham.test',
      password: 'not the password',
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).not.toContain('Otherham ID instead');
    expect(wrong.body).toContain('Enter a correct email address and password');
    const refused = await browser.post('/sign-in', { email: 'olive@otherham.test', password: testPassword });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain(
      'Your council does not use Probity passwords. Sign in with Otherham ID instead.',
    );
    expect(browser.cookies.has('probity_session')).toBe(false);
    const refusal = await t.db
      .selectFrom('audit_event')
      .select('actor_label')
      .where('action', '=', 'person.password-sign-in-refused')
      .executeTakeFirstOrThrow();
    expect(refusal.actor_label).toBe('olive');
    // Nor is a reset link sent: there is no password to reset.
    const reset = await t.client().post('/password-reset', { email: 'olive@otherham.test' });
    expect(reset.headers.location).toBe('/password-reset/sent');
    const links = await t.db
      .selectFrom('audit_event')
      .select('seq')
      .where('action', '=', 'person.password-reset-sent')
      .where('actor_label', '=', 'Password reset form')
      .where('record_id', '=', await personIdByEmail(t.db, 'olive@otherham.test'))
      .execute();
    expect(links).toHaveLength(0);
    // The demo council still takes passwords.
    await browser.signIn('chris.taylor@demo.probity.test');
  });

  it('lets no other council’s provider sign anyone in to this council', async () => {
    // Someone at the other council's provider with the address of a person here.
    await addTestPerson(t.db, t.councilId, { email: 'tom.target@demo.probity.test', roles: ['officer'] });
    otherIdp.accounts.set('sub-tom', {
      sub: 'sub-tom',
      email: 'tom.target@demo.probity.test',
      email_verified: true,
    });
    const viaOther = await signInWithProvider(t.client(), 'otherham', otherIdp, 'sub-tom');
    expect(viaOther.statusCode).toBe(403);
    expect(viaOther.body).toContain('There is no Probity account with your email address');

    // The other council's answer brought to this council's callback.
    const browser = t.client();
    const start = await browser.get('/sign-in/sso/otherham');
    const back = await otherIdp.signInAt(String(start.headers.location), 'sub-tom');
    const crossed = await browser.get(`/sign-in/sso/demo/callback${back.search}`);
    expect(crossed.statusCode).toBe(400);

    // A code from the other provider for this council's own sign-in.
    const stolen = await signInWithProvider(t.client(), 'demo', otherIdp, 'sub-tom', (url) => {
      const other = new URL(otherIdp.issuer);
      url.host = other.host;
      return url;
    });
    expect(stolen.statusCode).toBe(400);
    expect(stolen.body).toContain(notConfirmed);
    const sessions = await t.db
      .selectFrom('session')
      .select('person_id')
      .where('council_id', '=', t.councilId)
      .execute();
    const tom = await t.db
      .selectFrom('person')
      .select('id')
      .where('email', '=', 'tom.target@demo.probity.test')
      .executeTakeFirstOrThrow();
    expect(sessions.map((session) => session.person_id)).not.toContain(tom.id);
  });

  it('signs out of Probity and offers to end the provider’s session too', async () => {
    idp.accounts.set('sub-ada', {
      sub: 'sub-ada',
      email: 'ada.first@demo.probity.test',
      email_verified: true,
    });
    const browser = t.client();
    await signInWithProvider(browser, 'demo', idp, 'sub-ada');
    const out = await browser.post('/sign-out');
    expect(out.headers.location).toBe('/sign-in?signed-out=1&provider=demo');
    expect((await browser.get('/')).statusCode).toBe(302);
    const page = await browser.get(String(out.headers.location));
    expect(page.body).toContain('href="/sign-in/sso/demo/sign-out"');
    const end = await browser.get('/sign-in/sso/demo/sign-out');
    const endAt = new URL(String(end.headers.location));
    expect(`${endAt.origin}${endAt.pathname}`).toBe(`${idp.issuer}/session/end`);
    expect(endAt.searchParams.get('post_logout_redirect_uri')).toBe(
      'http://probity.test/sign-in?signed-out=1',
    );
  });

  it('lets the system administrator set up the provider, with the secret named and never stored, and audits it', async () => {
    await addTestPerson(t.db, t.councilId, { email: 'otto.officer@demo.probity.test', roles: ['officer'] });
    const officer = t.client();
    await officer.signIn('otto.officer@demo.probity.test', testPassword);
    expect((await officer.get('/admin/sign-in')).statusCode).toBe(403);

    const admin = t.client();
    await admin.signIn('chris.taylor@demo.probity.test');
    const page = await admin.get('/admin/sign-in');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('http://probity.test/sign-in/sso/demo/callback');
    const form = {
      displayName: 'Demo ID',
      issuer: idp.issuer,
      clientId: idp.clientId,
      secretSource: 'env',
      secretRef: 'PROBITY_OIDC_SECRET_DEMO',
      allowedDomains: 'demo.probity.test',
      passwordSignIn: 'yes',
    };
    const configured = process.env.PROBITY_OIDC_SECRET_DEMO;
    delete process.env.PROBITY_OIDC_SECRET_DEMO;
    const unreadable = await admin.post('/admin/sign-in', form);
    expect(unreadable.statusCode).toBe(400);
    expect(unreadable.body).toContain(
      'Probity cannot read the secret: environment variable PROBITY_OIDC_SECRET_DEMO is not set',
    );
    const insecure = await admin.post('/admin/sign-in', { ...form, issuer: 'http://login.example.com' });
    expect(insecure.statusCode).toBe(400);
    expect(insecure.body).toContain('Enter the issuer as an https:// address');

    process.env.PROBITY_OIDC_SECRET_DEMO = idp.clientSecret;
    try {
      expect((await admin.post('/admin/sign-in', form)).headers.location).toBe('/admin/sign-in?saved=1');
      expect((await t.client().get('/sign-in')).body).toContain('Sign in with Demo ID');
      idp.accounts.set('sub-ada', {
        sub: 'sub-ada',
        email: 'ada.first@demo.probity.test',
        email_verified: true,
      });
      expect((await signInWithProvider(t.client(), 'demo', idp, 'sub-ada')).statusCode).toBe(303);
    } finally {
      delete process.env.PROBITY_OIDC_SECRET_DEMO;
    }
    const saved = await t.db
      .selectFrom('audit_event')
      .select(['after', 'actor_label'])
      .where('council_id', '=', t.councilId)
      .where('action', '=', 'sign-in-provider.saved')
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    expect(saved.actor_label).toBe('Chris Taylor');
    expect(saved.after).toMatchObject({ displayName: 'Demo ID', secretRef: 'PROBITY_OIDC_SECRET_DEMO' });
    expect(JSON.stringify(saved.after)).not.toContain(idp.clientSecret);
    // Without the variable the provider cannot be used: a clear 503, not a failure.
    const noSecret = await t.client().get('/sign-in/sso/demo');
    expect(noSecret.statusCode).toBe(503);
    if (configured !== undefined) process.env.PROBITY_OIDC_SECRET_DEMO = configured;
    await configureProvider(t, t.councilId, settingsFor(idp, 'demo'));
  });

  // The administrator names where the secret is, but only among the places the server's operator
  // keeps for their council: never another council's secret, nor any other variable or file for
  // Probity to send to a provider the administrator chose.
  it('reads a council’s secret only from its own variable or its own folder of the server', async () => {
    const admin = t.client();
    await admin.signIn('chris.taylor@demo.probity.test');
    const form = {
      displayName: 'Demo ID',
      issuer: idp.issuer,
      clientId: idp.clientId,
      secretSource: 'env',
      allowedDomains: 'demo.probity.test',
      passwordSignIn: 'yes',
    };
    const refusal = async (secretSource: string, secretRef: string) => {
      const answer = await admin.post('/admin/sign-in', { ...form, secretSource, secretRef });
      expect(answer.statusCode).toBe(400);
      return /Probity cannot read the secret: ([^<]*)/.exec(answer.body)?.[1];
    };
    const otherhams = secretVariable('otherham', 'otherham secret');
    expect(await refusal('env', otherhams)).toBe('the variable’s name must be PROBITY_OIDC_SECRET_DEMO');
    // Council demo-2's variable, which a prefix rule would have let the demo council name.
    const demo2s = secretVariable('demo-2', 'demo-2 secret');
    expect(demo2s).toBe('PROBITY_OIDC_SECRET_DEMO_2');
    expect(await refusal('env', demo2s)).toBe('the variable’s name must be PROBITY_OIDC_SECRET_DEMO');
    expect(await refusal('env', 'DATABASE_URL')).toContain('must be PROBITY_OIDC_SECRET_DEMO');
    expect(await refusal('env', 'PROBITY_OIDC_SECRET_DEMOX')).toContain('must be PROBITY_OIDC_SECRET_DEMO');
    expect(await refusal('file', '/etc/hostname')).toBe(
      'the server keeps no secret files (PROBITY_OIDC_SECRETS_DIR is not set)',
    );
    const folder = mkdtempSync(join(tmpdir(), 'probity-oidc-secrets-'));
    process.env.PROBITY_OIDC_SECRETS_DIR = folder;
    try {
      const otherFile = secretFile(folder, 'otherham', 'otherham secret');
      const ours = secretFile(folder, 'demo', idp.clientSecret);
      expect(await refusal('file', '/etc/hostname')).toBe(`the file must be in ${join(folder, 'demo')}`);
      expect(await refusal('file', otherFile)).toBe(`the file must be in ${join(folder, 'demo')}`);
      // A link in the council's folder to a file elsewhere is not the council's file either.
      const link = join(folder, 'demo', 'linked');
      symlinkSync(otherFile, link);
      expect(await refusal('file', link)).toBe(`the file must be in ${join(folder, 'demo')}`);
      const saved = await admin.post('/admin/sign-in', { ...form, secretSource: 'file', secretRef: ours });
      expect(saved.headers.location).toBe('/admin/sign-in?saved=1');
    } finally {
      delete process.env.PROBITY_OIDC_SECRETS_DIR;
      await configureProvider(t, t.councilId, settingsFor(idp, 'demo'));
    }
  });

  it('refuses a second account at the provider for a person already linked', async () => {
    await staff('lin.linked@demo.probity.test', 'sub-lin');
    idp.accounts.set('sub-lin-2', {
      sub: 'sub-lin-2',
      email: 'lin.linked@demo.probity.test',
      email_verified: true,
    });
    expect((await signInWithProvider(t.client(), 'demo', idp, 'sub-lin')).statusCode).toBe(303);
    const second = await signInWithProvider(t.client(), 'demo', idp, 'sub-lin-2');
    expect(second.statusCode).toBe(403);
    expect(second.body).toContain('already linked to a different account');
  });

  it('answers a cancelled or made-up callback with a 400 page, never a 500', async () => {
    const answers: number[] = [];
    for (const query of [
      (state: string) => `?error=access_denied&state=${state}`,
      (state: string) => `?code=made-up&state=${state}&iss=${encodeURIComponent(idp.issuer)}`,
      () => '?state=&code=',
      () => '',
    ]) {
      const browser = t.client();
      const start = await browser.get('/sign-in/sso/demo');
      const state = new URL(String(start.headers.location)).searchParams.get('state') ?? '';
      const answer = await browser.get(`/sign-in/sso/demo/callback${query(state)}`);
      expect(answer.body).toContain(notConfirmed);
      answers.push(answer.statusCode);
    }
    expect(answers).toEqual([400, 400, 400, 400]);
  });

  it('answers 503 with a clear page when the council’s provider cannot be reached', async () => {
    const closed = await startOidcProvider({ redirectUris: [callbackFor('downham')] });
    await closed.close();
    const downham = await addCouncil(t, 'Downham District Council', 'downham');
    await configureProvider(t, downham, settingsFor(closed, 'downham', { displayName: 'Downham ID' }));
    const answer = await t.client().get('/sign-in/sso/downham');
    expect(answer.statusCode).toBe(503);
    expect(answer.body).toContain('Probity cannot reach Downham ID at the moment');
    expect(await refusalsOf(downham)).toHaveLength(1);
  });

  it('answers 404 for a council without a provider', async () => {
    expect((await t.client().get('/sign-in/sso/nowhere')).statusCode).toBe(404);
  });
});
