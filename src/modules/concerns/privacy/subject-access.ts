import { type DataSubject, type SubjectSection, section } from '../../../platform/privacy/subject.ts';
import { categoryLabel, outcomeLabel } from '../categories.ts';
import type { ConcernsDeps } from '../deps.ts';
import { exchangeOf } from '../exchange.ts';
import type { ConcernContent } from '../sealing.ts';
import { isReporter } from './rules.ts';

// The concerns the subject raised as their named reporter (rules.ts), with the messages between
// them and the investigator; nothing of any other concern is opened into the export.
export async function concernsSubjectAccess(
  deps: Pick<ConcernsDeps, 'db' | 'sealer'>,
  councilId: string,
  subject: DataSubject,
): Promise<SubjectSection[]> {
  const rows = await deps.db
    .selectFrom('concern')
    .select(['id', 'reference', 'category', 'received_on', 'acknowledged_on', 'feedback_on', 'outcome'])
    .select(['reporter_told', 'closed_on', 'key_version', 'wrapped_key', 'sealed'])
    .where('council_id', '=', councilId)
    .where('anonymous', '=', false)
    .orderBy('received_on')
    .execute();
  const concerns: object[] = [];
  const messages: object[] = [];
  for (const row of rows) {
    // A concern whose key was destroyed under the retention policy holds nothing to give.
    if (!row.wrapped_key) continue;
    const key = deps.sealer.keyOf(councilId, row.id, { version: row.key_version, wrapped: row.wrapped_key });
    const content = JSON.parse(deps.sealer.openText(key, 'content', row.sealed)) as ConcernContent;
    if (!isReporter(content.reporter, subject)) continue;
    concerns.push(concernRecord(row, content));
    for (const m of (await exchangeOf(deps, deps.db, key)).messages)
      messages.push({
        concern: row.reference,
        from_you: m.fromReporter,
        kind: m.kindName,
        text: m.text,
        sent_on: m.sentOn,
      });
  }
  return [
    section('concerns', 'Concerns they raised', concerns),
    section('concerns-messages', 'Messages about the concerns they raised', messages),
  ];
}

type ConcernFacts = {
  reference: string;
  category: string;
  received_on: string;
  acknowledged_on: string | null;
  outcome: string | null;
  reporter_told: boolean | null;
  closed_on: string | null;
};

// What the reporter told the council and what they were told back; an outcome not yet given
// to the reporter is the investigation's, not theirs.
function concernRecord(row: ConcernFacts, content: ConcernContent) {
  return {
    reference: row.reference,
    category: categoryLabel(row.category),
    received_on: row.received_on,
    acknowledged_on: row.acknowledged_on,
    outcome: row.outcome && row.reporter_told ? outcomeLabel(row.outcome) : null,
    closed_on: row.closed_on,
    your_name: content.reporter?.name ?? '',
    your_contact: content.reporter?.contact ?? '',
    what_you_told_us: content.what,
  };
}
