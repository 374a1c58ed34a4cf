import { type Kysely, sql } from 'kysely';
import type { JobResult, JobWithMetadata, PgBoss } from 'pg-boss';
import type { Clock } from '../clock.ts';
import type { Database } from '../db/schema.ts';
import type { Mailer } from './mailer.ts';
import { type EmailJob, emailJob, shownBody } from './outbox.ts';

type Log = { warn(details: object, message: string): void };

type DeliveryDeps = {
  db: Kysely<Database>;
  boss: PgBoss;
  transport: Mailer;
  clock: Clock;
  log: Log;
};

// A failed attempt is recorded on the message; the last one the queue allows marks it failed.
async function recordFailure({ db, log }: DeliveryDeps, job: JobWithMetadata<EmailJob>, error: unknown) {
  const { councilId, emailId } = job.data;
  const final = job.retryCount >= job.retryLimit;
  await db
    .updateTable('outbound_email')
    .set({
      state: final ? 'failed' : 'retrying',
      attempts: sql`attempts + 1`,
      last_error: String(error instanceof Error ? error.message : error).slice(0, 500),
    })
    .where('council_id', '=', councilId)
    .where('id', '=', emailId)
    .execute();
  log.warn({ emailId, attempt: job.retryCount + 1, final }, 'email not sent');
}

// Once sent, a message's secrets are blanked and its attachments' bytes dropped.
async function recordSent(
  { db, clock }: DeliveryDeps,
  { councilId, emailId }: EmailJob,
  email: { body: string; secrets: string[] },
) {
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('outbound_email')
      .set({
        state: 'sent',
        attempts: sql`attempts + 1`,
        sent_at: clock.now(),
        last_error: null,
        body: shownBody(email.body, email.secrets),
        secrets: [],
      })
      .where('council_id', '=', councilId)
      .where('id', '=', emailId)
      .execute();
    await trx
      .updateTable('outbound_email_attachment')
      .set({ content: null })
      .where('council_id', '=', councilId)
      .where('email_id', '=', emailId)
      .execute();
  });
}

async function deliver(deps: DeliveryDeps, job: JobWithMetadata<EmailJob>) {
  const { db, transport } = deps;
  const { councilId, emailId } = job.data;
  const email = await db
    .selectFrom('outbound_email')
    .selectAll()
    .where('council_id', '=', councilId)
    .where('id', '=', emailId)
    .where('state', 'in', ['queued', 'retrying'])
    .executeTakeFirst();
  if (!email) return;
  const attachments = await db
    .selectFrom('outbound_email_attachment')
    .select(['filename', 'content_type', 'content'])
    .where('council_id', '=', councilId)
    .where('email_id', '=', emailId)
    .orderBy('position')
    .execute();
  try {
    await transport.send({
      id: emailId,
      to: email.recipient,
      subject: email.subject,
      text: email.body,
      attachments: attachments.map((a) => ({
        filename: a.filename,
        contentType: a.content_type,
        content: a.content ?? Buffer.alloc(0),
      })),
    });
  } catch (error) {
    await recordFailure(deps, job, error);
    throw error;
  }
  await recordSent(deps, job.data, email);
}

// Sends what the outbox holds. A message is sent by one process at a time; a failed attempt is
// tried again by the queue.
export function emailDelivery(deps: DeliveryDeps) {
  const { boss } = deps;

  async function attempt(job: JobWithMetadata<EmailJob>): Promise<JobResult> {
    try {
      await deliver(deps, job);
      return { id: job.id, status: 'completed' };
    } catch (error) {
      return { id: job.id, status: 'failed', output: { message: String(error) } };
    }
  }

  async function attemptAll(jobs: readonly JobWithMetadata<EmailJob>[]): Promise<JobResult[]> {
    const results: JobResult[] = [];
    for (const job of jobs) results.push(await attempt(job));
    return results;
  }

  return {
    // Every process that serves delivers: it looks for messages each second, and while it finds
    // full batches it takes the next at once.
    async start() {
      await boss.work(
        emailJob,
        {
          pollingIntervalSeconds: 1,
          includeMetadata: true,
          perJobResults: true,
          batchSize: 10,
          burstWhenBatchFull: true,
        },
        (jobs: JobWithMetadata<EmailJob>[]) => attemptAll(jobs),
      );
    },

    // Delivers whatever is due now, without waiting for the next poll; returns how many were tried.
    async deliverDue(): Promise<number> {
      const jobs = await boss.fetch<EmailJob>(emailJob, { batchSize: 100, includeMetadata: true });
      for (const result of await attemptAll(jobs)) {
        if (result.status === 'completed') await boss.complete(emailJob, result.id);
        else await boss.fail(emailJob, result.id, result.output);
      }
      return jobs.length;
    },
  };
}
