import { appendAudit } from '../../../platform/audit/audit-trail.ts';
import { londonDate } from '../../../platform/calendar/daylight.ts';
import type { CheckedFile } from '../../../platform/documents/file-types.ts';
import { type ConcernsDeps, reporterActor, toTheMinute } from '../deps.ts';
import { addDocument } from '../documents.ts';
import { exchangeOf, keyOf, postMessage, reporterView } from '../exchange.ts';
import { findByReceipt, findConcern } from '../repository.ts';
import type { ReplyForm } from './input.ts';
import { parseReceipt, secretMatches } from './receipt.ts';

// The reporter's side of the two-way channel (DOMAIN.md §6: an anonymous reporter can follow up
// and answer questions without revealing who they are). The receipt code is the only key: it is
// checked by its secret's slow hash, a code that names no concern checks a dummy hash, and every
// check takes at least `receiptCheckMs`, so that a wrong code costs what a right one does.

async function withReceipt<T>(
  deps: ConcernsDeps,
  councilId: string,
  typed: string,
  then: (concernId: string) => Promise<T>,
): Promise<T | null> {
  const started = performance.now();
  const parsed = parseReceipt(typed);
  const found = parsed ? await findByReceipt(deps.db, councilId, parsed.id) : undefined;
  const matches = await secretMatches(found?.receipt_hash ?? null, parsed?.secret ?? '');
  const result = matches && found ? await then(found.id) : null;
  const left = deps.receiptCheckMs - (performance.now() - started);
  if (left > 0) await new Promise((resolve) => setTimeout(resolve, left));
  return result;
}

async function readExchange(deps: ConcernsDeps, councilId: string, concernId: string) {
  const row = await findConcern(deps.db, councilId, concernId);
  if (!row) return null;
  const exchange = await exchangeOf(deps, deps.db, keyOf(deps, councilId, row));
  return { ...reporterView(row), ...exchange };
}
export type ReporterExchange = NonNullable<Awaited<ReturnType<typeof readExchange>>>;

export function reporterChannel(deps: ConcernsDeps) {
  return {
    // The concern as its reporter reads it, or null when the code is wrong.
    read: (councilId: string, code: string) =>
      withReceipt(deps, councilId, code, (concernId) => readExchange(deps, councilId, concernId)),
    // A reply, an answer to a question or a report of unfair treatment, with any files; the
    // exchange after it, or null when the code is wrong.
    reply: (councilId: string, form: ReplyForm, files: readonly CheckedFile[]) =>
      withReceipt(deps, councilId, form.code, async (concernId) => {
        const row = await findConcern(deps.db, councilId, concernId);
        if (!row) return null;
        const key = keyOf(deps, councilId, row);
        // Its content was destroyed under the retention policy: nothing can be added to it.
        if (!key) return readExchange(deps, councilId, concernId);
        const now = toTheMinute(deps.clock.now());
        await deps.db.transaction().execute(async (trx) => {
          await postMessage(deps, trx, key, {
            fromReporter: true,
            authorId: null,
            kind: form.kind,
            text: form.text,
            at: now,
          });
          for (const file of files) await addDocument(deps, trx, key, file, true, londonDate(now));
          const action =
            form.kind === 'detriment' ? 'concern.detriment-reported' : 'concern.reporter-replied';
          await appendAudit(
            trx,
            reporterActor(councilId),
            { action, recordType: 'concern', recordId: concernId },
            now,
          );
        });
        return readExchange(deps, councilId, concernId);
      }),
  };
}
