import { createHash } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import type { Principal } from '../auth/principal.ts';
import { uuidv7 } from '../db/ids.ts';
import type { Database } from '../db/schema.ts';
import { canonicalJson } from './canonical-json.ts';

// Who did something: a person, or the system itself (a scheduled job, a command).
export type Actor = {
  councilId: string;
  personId: string | null;
  label: string;
  requestId?: string | undefined;
};

// A signed-in person as the actor of what they do, named as they are shown.
export function actorFor(principal: Principal, requestId?: string): Actor {
  return { councilId: principal.councilId, personId: principal.personId, label: principal.name, requestId };
}

type AuditEntry = {
  action: string;
  recordType: string;
  recordId?: string | undefined;
  before?: unknown;
  after?: unknown;
};

export type AuditEvent = {
  councilId: string;
  seq: number;
  id: string;
  occurredAt: Date;
  actorId: string | null;
  actorLabel: string;
  action: string;
  recordType: string;
  recordId: string | null;
  before: unknown;
  after: unknown;
  requestId: string | null;
  prevHash: string;
  hash: string;
};

const genesisHash = '0'.repeat(64);

export function eventHash(prevHash: string, event: Omit<AuditEvent, 'prevHash' | 'hash'>): string {
  const body = canonicalJson({ ...event, occurredAt: event.occurredAt.toISOString() });
  return createHash('sha256').update(`${prevHash}\n${body}`).digest('hex');
}

const asJson = (value: unknown) =>
  value === undefined ? null : (JSON.parse(JSON.stringify(value)) as unknown);

// Appends one event inside the caller's transaction. The head row is locked, so appends for a
// council are serialised and the chain has no forks.
export function appendAudit(trx: Kysely<Database>, actor: Actor, entry: AuditEntry, at: Date) {
  return appendEvents(trx, actor.councilId, [{ actor, entry, at }]);
}

type Appending = { actor: Actor; entry: AuditEntry; at: Date };

// Appends events of one council, in order, with one lock of its head and one statement.
async function appendEvents(trx: Kysely<Database>, councilId: string, appending: readonly Appending[]) {
  const { rows, seq, hash } = chained(councilId, await lockHead(trx, councilId), appending);
  // The events and the head's move in one statement: appends are on every audited request's path.
  await trx
    .with('appended', (db) => db.insertInto('audit_event').values(rows).returning('seq'))
    .updateTable('audit_head')
    .set({ seq, hash })
    .where('council_id', '=', councilId)
    .execute();
}

// One statement makes the head on a council's first event, or locks the existing one and reads it.
function lockHead(trx: Kysely<Database>, councilId: string) {
  return trx
    .insertInto('audit_head')
    .values({ council_id: councilId, seq: 0, hash: genesisHash })
    .onConflict((oc) => oc.column('council_id').doUpdateSet({ seq: sql`audit_head.seq` }))
    .returning(['seq', 'hash'])
    .executeTakeFirstOrThrow();
}

// The events as rows, each chained to the one before from the head.
function chained(councilId: string, head: { seq: number; hash: string }, appending: readonly Appending[]) {
  let { seq, hash } = head;
  const rows = appending.map(({ actor, entry, at }) => {
    const event = {
      councilId,
      seq: seq + 1,
      id: uuidv7(at.getTime()),
      occurredAt: at,
      actorId: actor.personId,
      actorLabel: actor.label,
      action: entry.action,
      recordType: entry.recordType,
      recordId: entry.recordId ?? null,
      before: asJson(entry.before),
      after: asJson(entry.after),
      requestId: actor.requestId ?? null,
    };
    const prevHash = hash;
    seq = event.seq;
    hash = eventHash(prevHash, event);
    return {
      council_id: councilId,
      seq: event.seq,
      id: event.id,
      occurred_at: at,
      actor_id: event.actorId,
      actor_label: event.actorLabel,
      action: event.action,
      record_type: event.recordType,
      record_id: event.recordId,
      before: event.before === null ? null : JSON.stringify(event.before),
      after: event.after === null ? null : JSON.stringify(event.after),
      request_id: event.requestId,
      prev_hash: prevHash,
      hash,
    };
  });
  return { rows, seq, hash };
}

// Appends many events of one actor at one instant (a file applied): one lock of the head, and the
// events five thousand to a statement of one array a column.
export async function appendAuditEvents(
  trx: Kysely<Database>,
  actor: Actor,
  entries: readonly AuditEntry[],
  at: Date,
) {
  if (entries.length === 0) return;
  const head = await lockHead(trx, actor.councilId);
  const { rows, seq, hash } = chained(
    actor.councilId,
    head,
    entries.map((entry) => ({ actor, entry, at })),
  );
  for (let from = 0; from < rows.length; from += 5000) {
    const part = rows.slice(from, from + 5000);
    const column = <K extends keyof (typeof part)[number]>(key: K) => part.map((row) => row[key]);
    await sql`insert into audit_event (council_id, seq, id, occurred_at, actor_id, actor_label, action, record_type,
        record_id, before, after, request_id, prev_hash, hash)
      select ${actor.councilId}::uuid, v.seq, v.id, ${at}::timestamptz, ${actor.personId}::uuid, ${actor.label}, v.action,
        v.record_type, v.record_id, v.before, v.after, ${actor.requestId ?? null}::text, v.prev_hash, v.hash
      from unnest(${column('seq')}::bigint[], ${column('id')}::uuid[], ${column('action')}::text[],
        ${column('record_type')}::text[], ${column('record_id')}::text[], ${column('before')}::jsonb[],
        ${column('after')}::jsonb[], ${column('prev_hash')}::text[], ${column('hash')}::text[])
        as v(seq, id, action, record_type, record_id, before, after, prev_hash, hash)`.execute(trx);
  }
  await trx.updateTable('audit_head').set({ seq, hash }).where('council_id', '=', actor.councilId).execute();
}

// An event that changes nothing else, such as a view of someone's record, a lookup or an export:
// its own transaction, answered once the event is committed. Many people looking at once would
// each hold the council's head row in turn, so those that arrive while one is being written wait
// for it and are then written together, one transaction for all of them (a failed one is retried
// alone, so that one bad event fails only its own request).
export function recordAccess(db: Kysely<Database>, actor: Actor, entry: AuditEntry, at: Date): Promise<void> {
  return new Promise((resolve, reject) => {
    const councils = writing.get(db) ?? new Map<string, Waiting[]>();
    writing.set(db, councils);
    const waiting = councils.get(actor.councilId);
    const event = { actor, entry, at, resolve, reject };
    if (waiting) waiting.push(event);
    else {
      councils.set(actor.councilId, [event]);
      void writeWaiting(db, councils, actor.councilId);
    }
  });
}

type Waiting = Appending & { resolve: () => void; reject: (error: unknown) => void };

// For each database, the access events waiting for each council whose events are being written.
const writing = new WeakMap<Kysely<Database>, Map<string, Waiting[]>>();
const mostAtOnce = 200;

async function writeWaiting(db: Kysely<Database>, councils: Map<string, Waiting[]>, councilId: string) {
  for (;;) {
    const waiting = councils.get(councilId) ?? [];
    if (waiting.length === 0) break;
    const batch = waiting.splice(0, mostAtOnce);
    try {
      await db.transaction().execute((trx) => appendEvents(trx, councilId, batch));
      for (const event of batch) event.resolve();
    } catch (error) {
      if (batch.length === 1) batch[0]?.reject(error);
      else
        for (const event of batch)
          await db
            .transaction()
            .execute((trx) => appendEvents(trx, councilId, [event]))
            .then(event.resolve, event.reject);
    }
  }
  councils.delete(councilId);
}

// Someone's own record, read by anyone else, is personal data looked at: the look is recorded.
// Its subject reading it is not.
export async function recordViewOf(
  db: Kysely<Database>,
  subjectId: string,
  actor: Actor,
  entry: AuditEntry,
  at: Date,
): Promise<void> {
  if (actor.personId !== subjectId) await recordAccess(db, actor, entry, at);
}
