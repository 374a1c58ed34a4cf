import type { Kysely, Selectable } from 'kysely';
import { fromKysely, type PgBoss } from 'pg-boss';
import { uuidv7 } from '../db/ids.ts';
import type { Database } from '../db/schema.ts';
import type { QueueDefinition } from '../jobs/queue.ts';
import type { EmailMessage } from './mailer.ts';
import type { OutboundEmailTable, OutboundState } from './tables.ts';
import type { TextMessage } from './texter.ts';

export const emailJob = 'email';
export type EmailJob = { councilId: string; emailId: string };
export const smsJob = 'sms';
export type SmsJob = { councilId: string; smsId: string };

// An outage of the mail relay or of Notify delays messages: they are tried again with growing gaps
// (5 s doubling to a minute at most) for about a day before being marked failed, so that a safety
// alert caught by an outage goes within a minute of the relay's return. A sending process
// beats every few seconds; an attempt whose process died is taken up again once ten seconds pass
// without a beat, and none may take longer than two minutes.
const retriedForADay: Omit<QueueDefinition, 'name'> = {
  retryLimit: 1445,
  retryDelay: 5,
  retryBackoff: true,
  retryDelayMax: 60,
  heartbeatSeconds: 10,
  expireInSeconds: 120,
};
export const emailQueue: QueueDefinition = { name: emailJob, ...retriedForADay };
export const smsQueue: QueueDefinition = { name: smsJob, ...retriedForADay };

// What stands in a stored message for a link only its recipient may see.
const withheld = '[link withheld: only the recipient sees it]';

// Messages are put in the outbox within the caller's transaction: they are sent once it commits,
// and never if it rolls back.
export type Outbox = {
  enqueue(trx: Kysely<Database>, councilId: string, ...messages: EmailMessage[]): Promise<void>;
  // Text messages, sent through GOV.UK Notify.
  enqueueSms(trx: Kysely<Database>, councilId: string, ...messages: TextMessage[]): Promise<void>;
};

// Rows a statement writes at most: few enough to stay far below PostgreSQL's parameter limit.
const rowsAtOnce = 1000;

// However many messages, a few statements: the messages a thousand at a time, then their jobs.
async function putInOutbox<Row extends { id: string }>(
  trx: Kysely<Database>,
  rows: readonly Row[],
  write: (batch: Row[]) => Promise<unknown>,
  job: { boss: PgBoss; queue: string; data: (row: Row) => object },
) {
  for (let start = 0; start < rows.length; start += rowsAtOnce)
    await write(rows.slice(start, start + rowsAtOnce));
  const jobs = rows.map((row) => ({ data: job.data(row) }));
  await job.boss.insert(job.queue, jobs, { db: fromKysely(trx) });
}

// The columns every message in the outbox has, email or text.
const messageRow = (councilId: string, now: Date, message: { to: string; text: string }) => ({
  council_id: councilId,
  id: uuidv7(now.getTime()),
  recipient: message.to,
  body: message.text,
  created_at: now,
});

export function createOutbox(boss: PgBoss, clock: { now(): Date }): Outbox {
  return {
    async enqueue(trx, councilId, ...messages) {
      if (messages.length === 0) return;
      const now = clock.now();
      const rows = messages.map((message) => ({
        ...messageRow(councilId, now, message),
        subject: message.subject,
        secrets: [...(message.secrets ?? [])],
      }));
      await putInOutbox(trx, rows, (batch) => trx.insertInto('outbound_email').values(batch).execute(), {
        boss,
        queue: emailJob,
        data: (row): EmailJob => ({ councilId, emailId: row.id }),
      });
      const attachments = messages.flatMap((message, index) =>
        (message.attachments ?? []).map((attachment, position) => ({
          council_id: councilId,
          email_id: rows[index]?.id ?? '',
          position,
          filename: attachment.filename,
          content_type: attachment.contentType,
          size: attachment.content.length,
          content: attachment.content,
        })),
      );
      if (attachments.length) await trx.insertInto('outbound_email_attachment').values(attachments).execute();
    },

    async enqueueSms(trx, councilId, ...messages) {
      if (messages.length === 0) return;
      const now = clock.now();
      const rows = messages.map((message) => messageRow(councilId, now, message));
      await putInOutbox(trx, rows, (batch) => trx.insertInto('outbound_sms').values(batch).execute(), {
        boss,
        queue: smsJob,
        data: (row): SmsJob => ({ councilId, smsId: row.id }),
      });
    },
  };
}

// The log keeps a message this long after it was sent or given up on: long enough to answer "did
// it go?", not a second copy of people's letters that would outlive the records' own retention.
export const messageLogDays = 30;

// Removes emails and texts sent or given up on more than messageLogDays ago; returns how many.
export async function removeOldMessages(db: Kysely<Database>, now: Date): Promise<number> {
  const before = new Date(now.getTime() - messageLogDays * 24 * 60 * 60 * 1000);
  let removed = 0;
  for (const table of ['outbound_email', 'outbound_sms'] as const) {
    const result = await db
      .deleteFrom(table)
      .where('state', 'in', ['sent', 'failed'])
      .where('created_at', '<', before)
      .executeTakeFirst();
    removed += Number(result.numDeletedRows);
  }
  return removed;
}

// The text an administrator may read: the message as sent, with its secrets withheld.
export function shownBody(body: string, secrets: readonly string[]): string {
  return secrets.reduce((text, secret) => (secret ? text.split(secret).join(withheld) : text), body);
}

type OutboundEmailSummary = {
  id: string;
  to: string;
  subject: string;
  state: OutboundState;
  attempts: number;
  createdAt: Date;
  sentAt: Date | null;
};

type OutboundEmail = OutboundEmailSummary & {
  text: string;
  lastError: string | null;
  attachments: { filename: string; contentType: string; size: number }[];
};

const summaryColumns = ['id', 'recipient', 'subject', 'state', 'attempts', 'created_at', 'sent_at'] as const;
type SummaryColumn = (typeof summaryColumns)[number];

// The council's messages, newest first: the log administrators read.
export async function listOutboundEmails(
  db: Kysely<Database>,
  councilId: string,
  limit: number,
): Promise<OutboundEmailSummary[]> {
  const rows = await db
    .selectFrom('outbound_email')
    .select(summaryColumns)
    .where('council_id', '=', councilId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map(summaryOf);
}

function summaryOf(row: Pick<Selectable<OutboundEmailTable>, SummaryColumn>): OutboundEmailSummary {
  return {
    id: row.id,
    to: row.recipient,
    subject: row.subject,
    state: row.state,
    attempts: row.attempts,
    createdAt: row.created_at,
    sentAt: row.sent_at,
  };
}

export async function findOutboundEmail(
  db: Kysely<Database>,
  councilId: string,
  id: string,
): Promise<OutboundEmail | null> {
  const row = await db
    .selectFrom('outbound_email')
    .selectAll()
    .where('council_id', '=', councilId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) return null;
  const attachments = await db
    .selectFrom('outbound_email_attachment')
    .select(['filename', 'content_type', 'size'])
    .where('council_id', '=', councilId)
    .where('email_id', '=', id)
    .orderBy('position')
    .execute();
  return {
    ...summaryOf(row),
    text: shownBody(row.body, row.secrets),
    lastError: row.last_error,
    attachments: attachments.map((a) => ({
      filename: a.filename,
      contentType: a.content_type,
      size: a.size,
    })),
  };
}

// A mobile number as the log shows it: all but its last three digits hidden.
export function maskedNumber(number: string): string {
  let shown = 3;
  const reversed = [...number].reverse().map((char) => (/\d/.test(char) && shown-- <= 0 ? '•' : char));
  return reversed.reverse().join('');
}

// The council's text messages, newest first, each to a masked number.
export async function listOutboundTexts(db: Kysely<Database>, councilId: string, limit: number) {
  const rows = await db
    .selectFrom('outbound_sms')
    .select(['id', 'recipient', 'state', 'created_at', 'sent_at'])
    .where('council_id', '=', councilId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((row) => ({
    id: row.id,
    to: maskedNumber(row.recipient),
    state: row.state,
    createdAt: row.created_at,
    sentAt: row.sent_at,
  }));
}
