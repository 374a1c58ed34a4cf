import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCouncil } from '../../src/modules/organisation/councils/set-up.ts';
import type { DatabaseKind } from '../../src/platform/db/connection.ts';
import { startTestApp, type TestApp, testClient } from '../support/app.ts';
import { databaseKinds } from '../support/databases.ts';
import { expectForgottenAfterAMonth } from '../support/outbox.ts';
import { addTestPerson, signedInAs, testPassword } from '../support/people.ts';
import { freePort } from '../support/process.ts';
import { startSmtpServer } from '../support/smtp.ts';

const setPasswordLink = /https?:\/\/\S+\/set-password\/\S+/;

// A test app with a system administrator of the demo council, and a way to sign them in.
async function appWithAdministrator(kind: DatabaseKind, env?: Record<string, string>) {
  const t = await startTestApp(kind, env ? { env } : {});
  const email = `admin-${kind}@probity.test`;
  await addTestPerson(t.db, t.councilId, { email, roles: ['system-administrator'] });
  const admin = () => signedInAs(t, email);
  return { t, admin };
}

describe.each(databaseKinds)('the email outbox on %s', (kind) => {
  let t: TestApp;
  let admin: () => Promise<ReturnType<TestApp['client']>>;
  beforeAll(async () => {
    ({ t, admin } = await appWithAdministrator(kind));
  });
  afterAll(() => t.close());
  const emailCount = async (councilId: string) =>
    (await t.db.selectFrom('outbound_email').select('id').where('council_id', '=', councilId).execute())
      .length;

  async function invite(name: string) {
    const personId = await addTestPerson(t.db, t.councilId, {
      email: `${name}-${kind}@probity.test`,
      roles: ['officer'],
    });
    const client = await admin();
    const response = await client.post(`/people/${personId}/invite`);
    expect(response.statusCode).toBe(303);
    return { personId, email: `${name}-${kind}@probity.test`, client };
  }

  it('shows an administrator that a set-password link was sent, never the link, and blanks it once sent', async () => {
    const { email, client } = await invite('invited');
    const delivered = t.smtp.received.filter((message) => message.to === email);
    expect(delivered).toHaveLength(1);
    const link = setPasswordLink.exec(delivered[0]?.text ?? '')?.[0];
    expect(link).toBeDefined();

    const list = await client.get('/admin/emails');
    expect(list.body).toContain(email);
    expect(list.body).toContain('Sent');
    const ids = await t.db
      .selectFrom('outbound_email')
      .select(['id', 'body', 'secrets', 'state'])
      .where('council_id', '=', t.councilId)
      .where('recipient', '=', email)
      .execute();
    expect(ids).toHaveLength(1);
    const page = await client.get(`/admin/emails/${ids[0]?.id}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('link withheld: only the recipient sees it');
    expect(page.body).not.toContain(link ?? 'no link');
    expect(page.body).not.toMatch(setPasswordLink);
    // What is kept after sending holds no live link either.
    expect(ids[0]?.state).toBe('sent');
    expect(ids[0]?.body).not.toContain(link ?? 'no link');
    expect(ids[0]?.secrets).toEqual([]);
  });

  it('shows another council’s administrator none of this council’s emails', async () => {
    const { email } = await invite('private');
    const [mine] = await t.db
      .selectFrom('outbound_email')
      .select('id')
      .where('recipient', '=', email)
      .execute();
    const { councilId: other } = await createCouncil(
      t.db,
      {
        name: 'Elsewhere Borough',
        slug: `elsewhere-${kind}`,
        division: 'england-and-wales',
        directorates: [],
      },
      new Date(),
    );
    await addTestPerson(t.db, other, {
      email: `admin-${kind}@elsewhere.test`,
      roles: ['system-administrator'],
    });
    const outsider = testClient(t.app);
    await outsider.signIn(`admin-${kind}@elsewhere.test`, testPassword);
    const list = await outsider.get('/admin/emails');
    expect(list.statusCode).toBe(200);
    expect(list.body).not.toContain(email);
    expect(list.body).toContain('No emails have been sent yet');
    expect((await outsider.get(`/admin/emails/${mine?.id}`)).statusCode).toBe(404);
  });

  it('forgets a message a month after it was sent, with its attachments', async () => {
    await t.db.transaction().execute((trx) =>
      t.outbox.enqueue(trx, t.councilId, {
        to: 'kept-a-while@probity.test',
        subject: 'A letter',
        text: 'Dear resident',
        attachments: [
          { filename: 'letter.pdf', contentType: 'application/pdf', content: Buffer.from('%PDF') },
        ],
      }),
    );
    await t.deliverEmails();
    const kept = () =>
      t.db
        .selectFrom('outbound_email')
        .select('id')
        .where('recipient', '=', 'kept-a-while@probity.test')
        .execute();
    const attachments = () => t.db.selectFrom('outbound_email_attachment').select('email_id').execute();
    const before = (await attachments()).length;
    await expectForgottenAfterAMonth(t, kept);
    expect((await attachments()).length).toBe(before - 1);
  });

  it('writes a message only if the change that causes it commits', async () => {
    const before = await emailCount(t.councilId);
    await expect(
      t.db.transaction().execute(async (trx) => {
        await t.outbox.enqueue(trx, t.councilId, { to: 'nobody@probity.test', subject: 'Never', text: 'x' });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await emailCount(t.councilId)).toBe(before);
    expect(await t.deliverEmails()).toBe(0);
    expect(t.smtp.received.some((message) => message.to === 'nobody@probity.test')).toBe(false);
  });
});

// The mail server is down: the user's action succeeds, and the message waits and is sent later.
describe.each(databaseKinds)('email while the mail server is down, on %s', (kind) => {
  let port = 0;
  let t: TestApp;
  let admin: () => Promise<ReturnType<TestApp['client']>>;
  beforeAll(async () => {
    port = await freePort();
    ({ t, admin } = await appWithAdministrator(kind, { SMTP_URL: `smtp://127.0.0.1:${port}` }));
  });
  afterAll(() => t.close());

  it('does the user’s action at once, and sends its email when the server is back', async () => {
    const personId = await addTestPerson(t.db, t.councilId, {
      email: `waiting-${kind}@probity.test`,
      roles: ['officer'],
    });
    const client = await admin();
    const response = await client.post(`/people/${personId}/invite`);
    expect(response.statusCode).toBe(303);
    expect((await client.get(response.headers.location as string)).body).toContain('link to set a password');

    const state = async () =>
      t.db
        .selectFrom('outbound_email')
        .select(['id', 'state', 'attempts', 'last_error'])
        .where('recipient', '=', `waiting-${kind}@probity.test`)
        .executeTakeFirstOrThrow();
    expect(await state()).toMatchObject({ state: 'retrying' });
    expect((await state()).last_error).toMatch(/ECONNREFUSED|connect/i);
    const page = await client.get(`/admin/emails/${(await state()).id}`);
    expect(page.body).toContain('Trying again');

    const smtp = await startSmtpServer(port);
    try {
      // The queue tries again after its delay (a second in tests, growing to an hour in service).
      await expect
        .poll(
          async () => {
            await t.deliverEmails();
            return smtp.received.filter((message) => message.to === `waiting-${kind}@probity.test`).length;
          },
          { timeout: 15_000, interval: 300 },
        )
        .toBe(1);
      expect(await state()).toMatchObject({ state: 'sent', last_error: null });
      expect((await state()).attempts).toBeGreaterThanOrEqual(2);
    } finally {
      await smtp.close();
    }
  });

  it('marks a message not sent after its last attempt, and says so', async () => {
    const personId = await addTestPerson(t.db, t.councilId, {
      email: `never-${kind}@probity.test`,
      roles: ['officer'],
    });
    const client = await admin();
    await client.post(`/people/${personId}/invite`);
    const row = () =>
      t.db
        .selectFrom('outbound_email')
        .select(['id', 'state', 'attempts'])
        .where('recipient', '=', `never-${kind}@probity.test`)
        .executeTakeFirstOrThrow();
    await expect
      .poll(
        async () => {
          await t.deliverEmails();
          return (await row()).state;
        },
        { timeout: 20_000, interval: 300 },
      )
      .toBe('failed');
    expect((await row()).attempts).toBe(3);
    expect((await client.get(`/admin/emails/${(await row()).id}`)).body).toContain('Not sent');
  });
});
