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
type Head = { seq: number; hash: string };

// The head each council's last append in this process left: an append that finds it still the
// head writes in one statement, without first locking and reading it. Only a guess, checked by
// the statement that moves the head (another process, or a rolled-back transaction, may have
// left another head); when it is wrong, the head is locked and read.
const lastHeads = new Map<string, Head>();

// Appends events of one council, in order, inside the caller's transaction.
async function appendEvents(trx: Kysely<Database>, councilId: string, appending: readonly Appending[]) {
  if (!(await appendAfterLastHead(trx, councilId, appending)))
    await appendAfterLockedHead(trx, councilId, appending);
}

function appendAfterLastHead(db: Kysely<Database>, councilId: string, appending: readonly Appending[]) {
  const guess = lastHeads.get(councilId);
  return guess ? appendAfter(db, councilId, guess, appending) : Promise.resolve(false);
}

async function appendAfterLockedHead(
  trx: Kysely<Database>,
  councilId: string,
  appending: readonly Appending[],
) {
  if (!(await appendAfter(trx, councilId, await lockHead(trx, councilId), appending)))
    throw new Error('The audit head moved while locked');
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

// Chains the events to `head` and, if that is still the council's head, writes them and moves
// the head past them, in one statement (which waits for the head's lock), five thousand events to
// a statement of one array a column. False, with nothing written, when the head is another.
async function appendAfter(
  trx: Kysely<Database>,
  councilId: string,
  head: Head,
  appending: readonly Appending[],
): Promise<boolean> {
  const rows = chained(councilId, head, appending);
  let from = head;
  for (let at = 0; at < rows.length; at += 5000) {
    const part = rows.slice(at, at + 5000);
    const to = part.at(-1) as ChainedRow;
    const column = <K extends keyof ChainedRow>(key: K) => part.map((row) => row[key]);
    const { numAffectedRows } = await sql`with moved as (
        update audit_head set seq = ${to.seq}, hash = ${to.hash}
        where council_id = ${councilId} and seq = ${from.seq} and hash = ${from.hash}
        returning council_id)
      insert into audit_event (council_id, seq, id, occurred_at, actor_id, actor_label, action, record_type,
        record_id, before, after, request_id, prev_hash, hash)
      select moved.council_id, v.* from moved, unnest(${column('seq')}::bigint[], ${column('id')}::uuid[],
        ${column('occurredAt')}::timestamptz[], ${column('actorId')}::uuid[], ${column('actorLabel')}::text[],
        ${column('action')}::text[], ${column('recordType')}::text[], ${column('recordId')}::text[],
        ${column('before')}::jsonb[], ${column('after')}::jsonb[], ${column('requestId')}::text[],
        ${column('prevHash')}::text[], ${column('hash')}::text[]) as v`.execute(trx);
    if (Number(numAffectedRows ?? 0) !== part.length) return false;
    from = to;
  }
  lastHeads.set(councilId, from);
  return true;
}

type ChainedRow = ReturnType<typeof chained>[number];

// The events as rows, each chained to the one before from the head.
function chained(councilId: string, head: Head, appending: readonly Appending[]) {
  let { seq, hash } = head;
  return appending.map(({ actor, entry, at }) => {
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
      ...event,
      occurredAt: at.toISOString(),
      before: event.before === null ? null : JSON.stringify(event.before),
      after: event.after === null ? null : JSON.stringify(event.after),
      prevHash,
      hash,
    };
  });
}

// Appends many events of one actor at one instant (a file applied), inside the caller's
// transaction.
export async function appendAuditEvents(
  trx: Kysely<Database>,
  actor: Actor,
  entries: readonly AuditEntry[],
  at: Date,
) {
  if (entries.length === 0) return;
  await appendEvents(
    trx,
    actor.councilId,
    entries.map((entry) => ({ actor, entry, at })),
  );
}

// An event that changes nothing else, such as a view of someone's record, a lookup or an export:
// its own transaction, answered once the event is committed. Many people looking at once would
// each hold the council's head row in turn, so those that arrive while one is being written wait
// for it and are then written together, one statement for all of them (a failed one is retried
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
      // Mostly one statement, committed on its own (at most two hundred events, so one part).
      if (!(await appendAfterLastHead(db, councilId, batch)))
        await db.transaction().execute((trx) => appendAfterLockedHead(trx, councilId, batch));
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
