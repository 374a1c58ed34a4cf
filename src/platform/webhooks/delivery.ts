import { performance } from 'node:perf_hooks';
import { type Kysely, sql } from 'kysely';
import type { Clock } from '../clock.ts';
import { sameCouncil } from '../db/same-council.ts';
import type { Database } from '../db/schema.ts';
import { postOutside } from './outbound.ts';
import {
  attemptTimeoutMs,
  claimLeaseMs,
  delivered,
  retryGapMs,
  signedHeaders,
  worthRetrying,
} from './rules.ts';

type Claimed = {
  id: string;
  attempt: number;
  round: number;
  url: string;
  secret: string;
  body: string;
  eventId: string;
};

type Outcome = { status: number | null; error: string | null; durationMs: number };

export type WebhookDeliveryDeps = {
  db: Kysely<Database>;
  clock: Clock;
  // In [0, 1): spreads the gaps between retries.
  random?: () => number;
  // Whether endpoints on this machine may be reached (not in production: receivers under test).
  allowLoopback: boolean;
};

// Deliveries claimed at once by one process.
const batch = 20;

// The body every receiver gets: the event's id (the same on every retry), type and time, the
// council it happened in and its references.
function bodyOf(
  councilId: string,
  row: { event_id: string; type: string; occurred_at: Date; data: unknown },
) {
  return JSON.stringify({
    id: row.event_id,
    type: row.type,
    occurredAt: row.occurred_at.toISOString(),
    council: councilId,
    data: row.data,
  });
}

// Claims the council's deliveries now due to enabled endpoints: each is locked, SKIP LOCKED so two
// processes take different ones, and its next attempt moved a lease ahead, so no other process
// takes it while it is posted; one whose process died is taken again when the lease runs out.
async function claimDue(db: Kysely<Database>, councilId: string, now: Date): Promise<Claimed[]> {
  return db.transaction().execute(async (trx) => {
    const rows = await trx
      .selectFrom('webhook_delivery as d')
      .innerJoin('webhook_endpoint as e', sameCouncil('e.id', 'd.endpoint_id'))
      .innerJoin('webhook_event as v', sameCouncil('v.id', 'd.event_id'))
      .select(['d.id', 'd.attempts', 'd.round_from', 'e.url', 'e.secret'])
      .select(['v.id as event_id', 'v.type', 'v.occurred_at', 'v.data'])
      .where('d.council_id', '=', councilId)
      .where('d.state', 'in', ['pending', 'retrying'])
      .where('d.next_attempt_at', '<=', now)
      .where('e.enabled', '=', true)
      .orderBy('d.next_attempt_at')
      .limit(batch)
      .forUpdate('d')
      .skipLocked()
      .execute();
    if (rows.length === 0) return [];
    await trx
      .updateTable('webhook_delivery')
      .set({ attempts: sql`attempts + 1`, next_attempt_at: new Date(now.getTime() + claimLeaseMs) })
      .where('council_id', '=', councilId)
      .where(
        'id',
        'in',
        rows.map((row) => row.id),
      )
      .execute();
    return rows.map((row) => ({
      id: row.id,
      attempt: row.attempts + 1,
      round: row.attempts + 1 - row.round_from,
      url: row.url,
      secret: row.secret,
      eventId: row.event_id,
      body: bodyOf(councilId, row),
    }));
  });
}

// One POST, signed at the time it is made; never throws: no answer is an outcome too.
async function post(claimed: Claimed, at: Date, allowLoopback: boolean): Promise<Outcome> {
  const started = performance.now();
  const took = () => Math.round(performance.now() - started);
  try {
    const headers = signedHeaders(claimed.secret, claimed.eventId, at, claimed.body);
    const status = await postOutside(claimed.url, headers, claimed.body, {
      allowLoopback,
      timeoutMs: attemptTimeoutMs,
    });
    return { status, error: null, durationMs: took() };
  } catch (error) {
    const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
    const message = cause instanceof Error ? `${cause.name}: ${cause.message}` : String(cause);
    return { status: null, error: message.slice(0, 500), durationMs: took() };
  }
}

// What an attempt's outcome makes of the delivery: delivered, tried again after a gap, or failed.
function nextState(outcome: Outcome, round: number, now: Date, random: () => number) {
  if (delivered(outcome.status))
    return { state: 'delivered' as const, next_attempt_at: null, delivered_at: now };
  const gap = worthRetrying(outcome) ? retryGapMs(round, random()) : null;
  if (gap === null) return { state: 'failed' as const, next_attempt_at: null };
  return { state: 'retrying' as const, next_attempt_at: new Date(now.getTime() + gap) };
}

// Records the attempt, and moves the delivery on if this process still holds its claim.
async function record(
  { db, clock, random = Math.random }: WebhookDeliveryDeps,
  councilId: string,
  claimed: Claimed,
  startedAt: Date,
  outcome: Outcome,
) {
  const now = clock.now();
  const lastError = outcome.error ?? (delivered(outcome.status) ? null : `HTTP ${outcome.status}`);
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('webhook_attempt')
      .values({
        council_id: councilId,
        delivery_id: claimed.id,
        attempt: claimed.attempt,
        started_at: startedAt,
        duration_ms: outcome.durationMs,
        status_code: outcome.status,
        error: outcome.error,
      })
      .execute();
    await trx
      .updateTable('webhook_delivery')
      .set({ ...nextState(outcome, claimed.round, now, random), last_error: lastError })
      .where('council_id', '=', councilId)
      .where('id', '=', claimed.id)
      .where('attempts', '=', claimed.attempt)
      .execute();
  });
}

// The webhook outbox's worker: every process sweeps each council's due deliveries, posts them and
// records each attempt. Returns how many attempts it made.
export function webhookDelivery(deps: WebhookDeliveryDeps) {
  return {
    async deliverDue(councilId: string): Promise<number> {
      let made = 0;
      for (;;) {
        const claimed = await claimDue(deps.db, councilId, deps.clock.now());
        await Promise.all(
          claimed.map(async (one) => {
            const startedAt = deps.clock.now();
            await record(deps, councilId, one, startedAt, await post(one, startedAt, deps.allowLoopback));
          }),
        );
        made += claimed.length;
        if (claimed.length < batch) return made;
      }
    },
  };
}
