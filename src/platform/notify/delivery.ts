import { type Kysely, sql } from 'kysely';
import type { JobResult, JobWithMetadata, PgBoss } from 'pg-boss';
import type { Clock } from '../clock.ts';
import type { Database } from '../db/schema.ts';
import type { Mailer } from './mailer.ts';
import { type EmailJob, emailJob, type SmsJob, shownBody, smsJob } from './outbox.ts';
import { type Texter, Undeliverable } from './texter.ts';

type Log = { warn(details: object, message: string): void };

type DeliveryDeps = { db: Kysely<Database>; boss: PgBoss; clock: Clock; log: Log };

type OutboxTable = 'outbound_email' | 'outbound_sms';
type MessageRef = { councilId: string; id: string };

// One kind of message in the outbox: the table its messages wait in, the queue their jobs are on,
// and how the message a job names is sent (and recorded sent) if it is still waiting.
type Channel<Job> = {
  table: OutboxTable;
  queue: string;
  noun: string;
  refOf(job: Job): MessageRef;
  send(ref: MessageRef): Promise<void>;
};

// A failed attempt is recorded on the message; the last one the queue allows, or one refused for
// what the message is, marks it failed.
async function recordFailure<Job>(
  { db, log }: DeliveryDeps,
  channel: Channel<Job>,
  job: JobWithMetadata<Job>,
  error: unknown,
) {
  const { councilId, id } = channel.refOf(job.data);
  const final = job.retryCount >= job.retryLimit || error instanceof Undeliverable;
  await db
    .updateTable(channel.table)
    .set({
      state: final ? 'failed' : 'retrying',
      attempts: sql`attempts + 1`,
      last_error: String(error instanceof Error ? error.message : error).slice(0, 500),
    })
    .where('council_id', '=', councilId)
    .where('id', '=', id)
    .execute();
  log.warn({ table: channel.table, id, attempt: job.retryCount + 1, final }, `${channel.noun} not sent`);
}

// What every message records once it has gone; `also` is what its kind records besides.
function markSent(
  db: Kysely<Database>,
  table: OutboxTable,
  { councilId, id }: MessageRef,
  now: Date,
  also: { body?: string; secrets?: string[]; notify_id?: string | null } = {},
) {
  return db
    .updateTable(table)
    .set({ state: 'sent', attempts: sql`attempts + 1`, sent_at: now, last_error: null, ...also })
    .where('council_id', '=', councilId)
    .where('id', '=', id)
    .execute();
}

// Sends what one table of the outbox holds. A message is sent by one process at a time; a failed
// attempt is tried again by the queue, except one that can never go.
function outboxDelivery<Job>(deps: DeliveryDeps, channel: Channel<Job>) {
  const { boss } = deps;

  async function deliver(job: JobWithMetadata<Job>) {
    try {
      await channel.send(channel.refOf(job.data));
    } catch (error) {
      await recordFailure(deps, channel, job, error);
      if (!(error instanceof Undeliverable)) throw error;
    }
  }

  async function attempt(job: JobWithMetadata<Job>): Promise<JobResult> {
    try {
      await deliver(job);
      return { id: job.id, status: 'completed' };
    } catch (error) {
      return { id: job.id, status: 'failed', output: { message: String(error) } };
    }
  }

  async function attemptAll(jobs: readonly JobWithMetadata<Job>[]): Promise<JobResult[]> {
    const results: JobResult[] = [];
    for (const job of jobs) results.push(await attempt(job));
    return results;
  }

  return {
    // Every process that serves delivers: it looks for messages each second, and while it finds
    // full batches it takes the next at once.
    async start() {
      await boss.work(
        channel.queue,
        {
          pollingIntervalSeconds: 1,
          includeMetadata: true,
          perJobResults: true,
          batchSize: 10,
          burstWhenBatchFull: true,
        },
        (jobs: JobWithMetadata<Job>[]) => attemptAll(jobs),
      );
    },

    // Delivers whatever is due now, without waiting for the next poll; returns how many were tried.
    async deliverDue(): Promise<number> {
      const jobs = await boss.fetch<Job>(channel.queue, { batchSize: 100, includeMetadata: true });
      for (const result of await attemptAll(jobs)) {
        if (result.status === 'completed') await boss.complete(channel.queue, result.id);
        else await boss.fail(channel.queue, result.id, result.output);
      }
      return jobs.length;
    },
  };
}

// Email goes with its attachments. Once sent, its secrets are blanked and its attachments' bytes
// dropped.
function emailChannel({ db, clock }: DeliveryDeps, transport: Mailer): Channel<EmailJob> {
  async function send(ref: MessageRef) {
    const { councilId, id } = ref;
    const email = await db
      .selectFrom('outbound_email')
      .selectAll()
      .where('council_id', '=', councilId)
      .where('id', '=', id)
      .where('state', 'in', ['queued', 'retrying'])
      .executeTakeFirst();
    if (!email) return;
    const attachments = await db
      .selectFrom('outbound_email_attachment')
      .select(['filename', 'content_type', 'content'])
      .where('council_id', '=', councilId)
      .where('email_id', '=', id)
      .orderBy('position')
      .execute();
    await transport.send({
      id,
      to: email.recipient,
      subject: email.subject,
      text: email.body,
      attachments: attachments.map((a) => ({
        filename: a.filename,
        contentType: a.content_type,
        content: a.content ?? Buffer.alloc(0),
      })),
    });
    await db.transaction().execute(async (trx) => {
      const body = shownBody(email.body, email.secrets);
      await markSent(trx, 'outbound_email', ref, clock.now(), { body, secrets: [] });
      await trx
        .updateTable('outbound_email_attachment')
        .set({ content: null })
        .where('council_id', '=', councilId)
        .where('email_id', '=', id)
        .execute();
    });
  }
  return {
    table: 'outbound_email',
    queue: emailJob,
    noun: 'email',
    refOf: ({ councilId, emailId }) => ({ councilId, id: emailId }),
    send,
  };
}

// A text goes through Notify, which answers with its id for it.
function smsChannel({ db, clock }: DeliveryDeps, texter: Texter): Channel<SmsJob> {
  async function send(ref: MessageRef) {
    const sms = await db
      .selectFrom('outbound_sms')
      .select(['recipient', 'body'])
      .where('council_id', '=', ref.councilId)
      .where('id', '=', ref.id)
      .where('state', 'in', ['queued', 'retrying'])
      .executeTakeFirst();
    if (!sms) return;
    const { notifyId } = await texter.send({ id: ref.id, to: sms.recipient, text: sms.body });
    await markSent(db, 'outbound_sms', ref, clock.now(), { notify_id: notifyId });
  }
  return {
    table: 'outbound_sms',
    queue: smsJob,
    noun: 'text message',
    refOf: ({ councilId, smsId }) => ({ councilId, id: smsId }),
    send,
  };
}

// Delivery of everything in the outbox: email through the mailer, texts through Notify.
export function messageDelivery(deps: DeliveryDeps & { mailer: Mailer; texter: Texter }) {
  const emails = outboxDelivery(deps, emailChannel(deps, deps.mailer));
  const texts = outboxDelivery(deps, smsChannel(deps, deps.texter));
  return {
    emails,
    texts,
    async start() {
      await emails.start();
      await texts.start();
    },
    // Delivers every message due now; returns how many were tried.
    async deliverDue(): Promise<number> {
      return (await emails.deliverDue()) + (await texts.deliverDue());
    },
  };
}
