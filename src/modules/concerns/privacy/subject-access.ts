import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/db/schema.ts';
import { type DataSubject, type SubjectSection, section } from '../../../platform/privacy/subject.ts';
import { categoryLabel, outcomeLabel } from '../categories.ts';
import type { ConcernsDeps } from '../deps.ts';
import { exchangeOf } from '../exchange.ts';
import type { ConcernContent } from '../sealing.ts';

const same = (a: string, b: string) =>
  a.trim().replace(/\s+/g, ' ').toLowerCase() === b.trim().replace(/\s+/g, ' ').toLowerCase();

// A concern is the subject's when they are its named reporter: the name they gave is theirs, and
// the contact they gave is their email address or not an email address at all (a telephone
// number). Anonymous concerns name no one. People a concern names as involved are third parties
// whose data is exempt from another's request, and a concern is never searched for them: an
// export never carries an identity-protected reporter to anyone else.
export function isReporter(reporter: ConcernContent['reporter'], subject: DataSubject): boolean {
  if (!reporter || !same(reporter.name, subject.name)) return false;
  const contact = reporter.contact.trim();
  return !contact.includes('@') || (subject.email !== '' && same(contact, subject.email));
}

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
    const key = deps.sealer.keyOf(councilId, row.id, { version: row.key_version, wrapped: row.wrapped_key });
    const content = JSON.parse(deps.sealer.openText(key, 'content', row.sealed)) as ConcernContent;
    if (!isReporter(content.reporter, subject)) continue;
    concerns.push(concernRecord(row, content));
    for (const m of (await exchangeOf(deps, deps.db as Kysely<Database>, key)).messages)
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

function concernRecord(
  row: { reference: string; category: string; received_on: string; acknowledged_on: string | null },
  content: ConcernContent,
) {
  const r = row as typeof row & {
    outcome: string | null;
    reporter_told: boolean | null;
    closed_on: string | null;
  };
  return {
    reference: r.reference,
    category: categoryLabel(r.category),
    received_on: r.received_on,
    acknowledged_on: r.acknowledged_on,
    outcome: r.outcome && r.reporter_told ? outcomeLabel(r.outcome) : null,
    closed_on: r.closed_on,
    your_name: content.reporter?.name ?? '',
    your_contact: content.reporter?.contact ?? '',
    what_you_told_us: content.what,
  };
}
