import type { Kysely } from 'kysely';
import { londonDate } from '../../platform/calendar/daylight.ts';
import type { Database } from '../../platform/db/schema.ts';
import { categoryLabel, outcomeLabel } from './categories.ts';
import type { ConcernsDeps } from './deps.ts';
import { type ConcernRow, documentsOf, messagesOf, nextMessageSeq } from './repository.ts';
import type { ConcernKey } from './sealing.ts';

// The messages and files of a concern, opened with its key: as the reporter reads them and as the
// investigator does.

export const messageKindNames: Record<string, string> = {
  message: 'Message',
  question: 'Question',
  feedback: 'Feedback on what is being done',
  acknowledgement: 'Acknowledgement',
  detriment: 'Report of unfair treatment',
};

// The concern's data key, or null once it was destroyed under the retention policy (its content
// can never be opened again).
export function keyOf(
  deps: Pick<ConcernsDeps, 'sealer'>,
  councilId: string,
  row: ConcernRow,
): ConcernKey | null {
  if (!row.wrapped_key) return null;
  return deps.sealer.keyOf(councilId, row.id, { version: row.key_version, wrapped: row.wrapped_key });
}

export async function exchangeOf(
  deps: Pick<ConcernsDeps, 'sealer'>,
  db: Kysely<Database>,
  key: ConcernKey | null,
) {
  if (!key) return { messages: [], documents: [] };
  const [messages, documents] = await Promise.all([
    messagesOf(db, key.councilId, key.concernId),
    documentsOf(db, key.councilId, key.concernId),
  ]);
  return {
    messages: messages.map((m) => ({
      seq: m.seq,
      fromReporter: m.from_reporter,
      authorId: m.author_id,
      kind: m.kind,
      kindName: messageKindNames[m.kind] ?? 'Message',
      text: deps.sealer.openText(key, `message/${m.seq}`, m.sealed),
      sentOn: m.sent_at,
    })),
    documents: documents.map((d) => ({
      id: d.id,
      name: deps.sealer.openText(key, `document/${d.id}/name`, d.sealed_name),
      contentType: d.content_type,
      byteSize: d.byte_size,
      fromReporter: d.from_reporter,
      addedOn: d.added_on,
    })),
  };
}

// What the reporter sees of their concern's standing.
export function reporterView(row: ConcernRow) {
  return {
    reference: row.reference,
    category: categoryLabel(row.category),
    receivedOn: row.received_on,
    acknowledgedOn: row.acknowledged_on,
    // When its content was destroyed under the retention policy, if it was.
    removedOn: row.anonymised_at ? londonDate(row.anonymised_at) : null,
    status: row.closed_on ? 'Closed' : row.acknowledged_on ? 'Being looked into' : 'Received',
    outcome: row.outcome && row.reporter_told ? outcomeLabel(row.outcome) : null,
  };
}

// A message on the concern, sealed under its key, in the caller's transaction.
export async function postMessage(
  deps: Pick<ConcernsDeps, 'sealer'>,
  trx: Kysely<Database>,
  key: ConcernKey,
  message: { fromReporter: boolean; authorId: string | null; kind: string; text: string; at: Date },
) {
  const seq = await nextMessageSeq(trx, key.councilId, key.concernId);
  await trx
    .insertInto('concern_message')
    .values({
      council_id: key.councilId,
      concern_id: key.concernId,
      seq,
      from_reporter: message.fromReporter,
      author_id: message.authorId,
      kind: message.kind,
      sealed: deps.sealer.sealText(key, `message/${seq}`, message.text),
      sent_at: message.at,
    })
    .execute();
  return seq;
}
