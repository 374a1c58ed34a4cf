import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { demoPassword, seedDemoCouncil } from '../../src/modules/organisation/councils/demo.ts';
import { type Clock, fixedClock } from '../../src/platform/clock.ts';
import type { DatabaseKind } from '../../src/platform/db/connection.ts';
import { openJobQueue } from '../../src/platform/jobs/queue.ts';
import { createMailer } from '../../src/platform/notify/mailer.ts';
import { createOutbox, emailQueue, smsQueue } from '../../src/platform/notify/outbox.ts';
import { createTexter } from '../../src/platform/notify/texter.ts';
import { demoDatabase, demoSeededAt, freshDatabase } from './databases.ts';
import { startNotifyServer } from './notify.ts';
import { startSmtpServer } from './smtp.ts';

export const testCookieSecret = 'test-cookie-secret-that-is-long-enough';

// The keys that seal raised concerns, in a key file of the test run's own in a temporary folder.
let concernKeyFile: string | null = null;
export function testConcernKeyFile(): string {
  if (concernKeyFile) return concernKeyFile;
  const file = join(mkdtempSync(join(tmpdir(), 'probity-keys-')), 'concerns-keys.json');
  writeFileSync(file, JSON.stringify({ current: 1, keys: { '1': randomBytes(32).toString('base64') } }), {
    mode: 0o600,
  });
  concernKeyFile = file;
  return file;
}

// The whole app, as main.ts builds it, on a fresh database with the demo council, sending
// email to a real SMTP server and text messages to a stand-in for GOV.UK Notify, both on loopback.
// Time is a clock the test can move. The outbox is delivered after every request the test client
// makes and every job run (deliverEmails and deliverTexts do it after anything else).
export async function startTestApp(
  kind: DatabaseKind,
  options: { clock?: Clock & { advance(ms: number): void }; env?: Record<string, string> } = {},
) {
  const smtp = await startSmtpServer();
  const notify = await startNotifyServer();
  const clock = options.clock ?? fixedClock(demoSeededAt);
  const database = await databaseFor(kind, clock);
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    EMAIL_TRANSPORT: 'smtp',
    SMTP_URL: smtp.url,
    SMS_TRANSPORT: 'notify',
    NOTIFY_API_KEY: notify.apiKey,
    NOTIFY_SMS_TEMPLATE_ID: notify.templateId,
    NOTIFY_BASE_URL: notify.url,
    COOKIE_SECRET: testCookieSecret,
    BASE_URL: 'http://probity.test',
    CONCERNS_KEY_FILE: testConcernKeyFile(),
    ...options.env,
  });
  const { councilId } = await seedDemoCouncil(database.db, clock);
  // A failed message is tried again after a second or two, three times in all, so tests see both
  // outcomes.
  const queue = await openJobQueue(
    database,
    [emailQueue, smsQueue].map((definition) => ({
      ...definition,
      retryLimit: 2,
      retryDelay: 1,
      retryDelayMax: 2,
    })),
    {
      upkeep: false,
      onError: (error) => {
        throw error;
      },
    },
  );
  const transport = createMailer(config.email);
  const { app, routes, jobs, delivery, seedDemoDay, seedDemoYear, tasksFor } = await buildApp({
    config,
    database,
    clock,
    queue,
    transport,
    texter: createTexter(config.sms),
    sleep: async () => {},
  });
  await app.ready();
  return {
    app,
    routes,
    // Each scheduled job as the scheduler runs it, with what it put in the outbox delivered.
    jobs: jobs.map((job) => ({
      ...job,
      async run() {
        const result = await job.run();
        await delivery.deliverDue();
        return result;
      },
    })),
    db: database.db,
    clock,
    // The demo council's district, caseload and day, as `serve --demo` adds them.
    seedDemo: () => seedDemoDay(councilId),
    // The demo council's past year in every register, as `serve --demo` adds it.
    seedDemoYear: () => seedDemoYear(councilId),
    // What is waiting for a person, as their home page shows it.
    tasksFor,
    smtp,
    notify,
    councilId,
    queue,
    outbox: createOutbox(queue.boss, clock),
    deliverEmails: () => delivery.emails.deliverDue(),
    deliverTexts: () => delivery.texts.deliverDue(),
    client: (options: { remoteAddress?: string } = {}) =>
      testClient(app, { ...options, afterEachRequest: () => delivery.deliverDue() }),
    async close() {
      await app.close();
      await queue.stop();
      transport.close();
      await database.close();
      await smtp.close();
      await notify.close();
    },
  };
}

// Seeding reads the clock once, so on a clock that reads demoSeededAt a copy of the demo database
// is what seeding would give; on any other clock the test starts from a migrated one, and
// seedDemoCouncil seeds the council (on the copy it only finds it).
function databaseFor(kind: DatabaseKind, clock: Clock) {
  return clock.now().getTime() === demoSeededAt.getTime() ? demoDatabase(kind) : freshDatabase(kind);
}

export type TestApp = Awaited<ReturnType<typeof startTestApp>>;
type Form = Record<string, string> | [string, string][];

// A browser-like client over app.inject: it keeps cookies and fills in CSRF tokens. It connects
// from 127.0.0.1 unless given another address, and can do something after each request.
export function testClient(
  app: FastifyInstance,
  options: { remoteAddress?: string; afterEachRequest?: () => Promise<unknown> } = {},
) {
  const jar = new Map<string, string>();
  let csrf: string | null = null;

  async function send(
    method: string,
    url: string,
    init: { form?: Form; json?: unknown; headers?: Record<string, string> } = {},
  ) {
    const headers: Record<string, string> = { accept: 'text/html', ...init.headers };
    if (jar.size) headers.cookie = [...jar].map(([name, value]) => `${name}=${value}`).join('; ');
    let payload: string | undefined;
    if (init.form) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      payload = new URLSearchParams(init.form).toString();
    } else if (init.json !== undefined) {
      headers['content-type'] = 'application/json';
      headers.accept = 'application/json';
      payload = JSON.stringify(init.json);
    }
    const response = await app.inject({
      method: method as 'GET',
      url,
      headers,
      ...(options.remoteAddress ? { remoteAddress: options.remoteAddress } : {}),
      ...(payload === undefined ? {} : { payload }),
    });
    remember(response);
    await options.afterEachRequest?.();
    const token = /name="_csrf" value="([^"]+)"/.exec(response.body)?.[1];
    if (token) csrf = token;
    return response;
  }

  function remember(response: LightMyRequestResponse) {
    for (const cookie of response.cookies as {
      name: string;
      value: string;
      maxAge?: number;
      expires?: Date;
    }[]) {
      const expired =
        cookie.value === '' ||
        cookie.maxAge === 0 ||
        (cookie.expires && cookie.expires.getTime() < Date.now());
      if (expired) jar.delete(cookie.name);
      else jar.set(cookie.name, cookie.value);
    }
  }

  async function csrfToken(): Promise<string> {
    if (!csrf) await send('GET', '/sign-in');
    if (!csrf) await send('GET', '/account/tokens');
    if (!csrf) throw new Error('No CSRF token found');
    return csrf;
  }

  async function post(url: string, form: Form = {}, headers?: Record<string, string>) {
    const token = await csrfToken();
    const fields: [string, string][] = Array.isArray(form) ? form : Object.entries(form);
    return send('POST', url, { form: [['_csrf', token], ...fields], ...(headers ? { headers } : {}) });
  }

  async function signIn(email: string, password = demoPassword) {
    await send('GET', '/sign-in');
    const response = await post('/sign-in', { email, password });
    if (response.statusCode !== 303)
      throw new Error(`Sign-in as ${email} failed with ${response.statusCode}`);
    return response;
  }

  return {
    get: (url: string, headers?: Record<string, string>) => send('GET', url, headers ? { headers } : {}),
    post,
    // A form post without the CSRF token, as a forged cross-site request would be.
    postWithoutCsrf: (url: string, form: Form = {}) => send('POST', url, { form }),
    api: (method: string, url: string, json?: unknown, token?: string) =>
      send(method, url, {
        ...(json === undefined ? {} : { json }),
        headers: { accept: 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      }),
    signIn,
    cookies: jar,
    remoteAddress: options.remoteAddress ?? '127.0.0.1',
  };
}
