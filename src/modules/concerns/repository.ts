import { type Kysely, sql } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';

// The SQL of concerns: every statement scoped to the council.

export async function nextReference(trx: Kysely<Database>, councilId: string, year: number): Promise<string> {
  const row = await trx
    .insertInto('concern_reference_counter')
    .values({ council_id: councilId, year, last: 1 })
    .onConflict((oc) =>
      oc.columns(['council_id', 'year']).doUpdateSet({ last: sql`concern_reference_counter.last + 1` }),
    )
    .returning('last')
    .executeTakeFirstOrThrow();
  return `RC-${year}-${String(row.last).padStart(4, '0')}`;
}

export const concernColumns = [
  'id',
  'reference',
  'category',
  'route',
  'anonymous',
  'identity_protected',
  'key_version',
  'wrapped_key',
  'sealed',
  'received_on',
  'acknowledged_on',
  'feedback_on',
  'outcome',
  'reporter_told',
  'closed_on',
  'anonymised_at',
] as const;

export function findConcern(db: Kysely<Database>, councilId: string, id: string) {
  return db
    .selectFrom('concern as c')
    .select(concernColumns.map((column) => `c.${column}` as const))
    .select((eb) =>
      eb.fn
        .coalesce(
          eb
            .selectFrom('concern_investigator as i')
            .select(sql<string[]>`array_agg(i.person_id)`.as('ids'))
            .whereRef('i.council_id', '=', 'c.council_id')
            .whereRef('i.concern_id', '=', 'c.id'),
          sql<string[]>`'{}'::uuid[]`,
        )
        .as('investigator_ids'),
    )
    .where('c.council_id', '=', councilId)
    .where('c.id', '=', id)
    .executeTakeFirst();
}
export type ConcernRow = NonNullable<Awaited<ReturnType<typeof findConcern>>>;

export function findByReceipt(db: Kysely<Database>, councilId: string, receiptId: string) {
  return db
    .selectFrom('concern')
    .select(['id', 'receipt_hash'])
    .where('council_id', '=', councilId)
    .where('receipt_id', '=', receiptId)
    .executeTakeFirst();
}

export function messagesOf(db: Kysely<Database>, councilId: string, concernId: string) {
  return db
    .selectFrom('concern_message')
    .select(['seq', 'from_reporter', 'author_id', 'kind', 'sealed', 'sent_at'])
    .where('council_id', '=', councilId)
    .where('concern_id', '=', concernId)
    .orderBy('seq')
    .execute();
}

export function documentsOf(db: Kysely<Database>, councilId: string, concernId: string) {
  return db
    .selectFrom('concern_document')
    .select(['id', 'content_type', 'byte_size', 'from_reporter', 'sealed_name', 'added_on'])
    .where('council_id', '=', councilId)
    .where('concern_id', '=', concernId)
    .orderBy('added_on')
    .orderBy('id')
    .execute();
}

export function documentContent(db: Kysely<Database>, councilId: string, concernId: string, id: string) {
  return db
    .selectFrom('concern_document')
    .select(['content_type', 'sealed_name', 'sealed_content'])
    .where('council_id', '=', councilId)
    .where('concern_id', '=', concernId)
    .where('id', '=', id)
    .executeTakeFirst();
}

// The next message's number, with the concern locked until the transaction ends, so that two
// messages at once are numbered in turn.
export async function nextMessageSeq(trx: Kysely<Database>, councilId: string, concernId: string) {
  await trx
    .selectFrom('concern')
    .select('id')
    .where('council_id', '=', councilId)
    .where('id', '=', concernId)
    .forUpdate()
    .executeTakeFirst();
  const row = await trx
    .selectFrom('concern_message')
    .select(sql<number>`coalesce(max(seq), 0) + 1`.as('next'))
    .where('council_id', '=', councilId)
    .where('concern_id', '=', concernId)
    .executeTakeFirstOrThrow();
  return Number(row.next);
}

// The concerns a person investigates, newest first.
export function concernsOf(db: Kysely<Database>, councilId: string, personId: string) {
  return db
    .selectFrom('concern as c')
    .innerJoin('concern_investigator as i', (join) =>
      join.onRef('i.council_id', '=', 'c.council_id').onRef('i.concern_id', '=', 'c.id'),
    )
    .select([
      'c.id',
      'c.reference',
      'c.category',
      'c.received_on',
      'c.acknowledged_on',
      'c.feedback_on',
      'c.outcome',
    ])
    .select((eb) =>
      eb
        .selectFrom('concern_message as m')
        .select(sql<number>`count(*)::int`.as('n'))
        .whereRef('m.council_id', '=', 'c.council_id')
        .whereRef('m.concern_id', '=', 'c.id')
        .where('m.from_reporter', '=', true)
        .as('from_reporter'),
    )
    .where('c.council_id', '=', councilId)
    .where('i.person_id', '=', personId)
    .orderBy('c.received_on', 'desc')
    .orderBy('c.reference', 'desc')
    .execute();
}

// Reports of detriment: which concern and when, for HR and the monitoring officer.
export function detrimentReports(db: Kysely<Database>, councilId: string) {
  return db
    .selectFrom('concern_message as m')
    .innerJoin('concern as c', (join) =>
      join.onRef('c.council_id', '=', 'm.council_id').onRef('c.id', '=', 'm.concern_id'),
    )
    .select(['c.id', 'c.reference', 'm.seq', 'm.sent_at'])
    .select((eb) =>
      eb
        .selectFrom('concern_investigator as i')
        .select(sql<string[]>`array_agg(i.person_id)`.as('ids'))
        .whereRef('i.council_id', '=', 'c.council_id')
        .whereRef('i.concern_id', '=', 'c.id')
        .as('investigator_ids'),
    )
    .where('m.council_id', '=', councilId)
    .where('m.kind', '=', 'detriment')
    .orderBy('m.sent_at', 'desc')
    .execute();
}

// Claims an email about a concern: true when it was not sent before, or `againFrom` has passed
// since it last was (a reminder sent again); the row is the claim, in the sender's transaction.
export async function claimEmail(
  trx: Kysely<Database>,
  key: { councilId: string; concernId: string; kind: string },
  today: string,
  againFrom: string | null,
): Promise<boolean> {
  const claimed = await trx
    .insertInto('concern_reminder')
    .values({ council_id: key.councilId, concern_id: key.concernId, kind: key.kind, sent_on: today })
    .onConflict((oc) =>
      oc
        .columns(['council_id', 'concern_id', 'kind'])
        .doUpdateSet({ sent_on: today })
        .where('concern_reminder.sent_on', '<=', againFrom ?? '0001-01-01'),
    )
    .returning('kind')
    .executeTakeFirst();
  return claimed !== undefined;
}

export function remindersOf(db: Kysely<Database>, councilId: string) {
  return db
    .selectFrom('concern_reminder')
    .select(['concern_id', 'kind', 'sent_on'])
    .where('council_id', '=', councilId)
    .execute();
}

// Concerns still open, with their investigators, for the reminders.
export function openConcerns(db: Kysely<Database>, councilId: string) {
  return db
    .selectFrom('concern as c')
    .innerJoin('concern_investigator as i', (join) =>
      join.onRef('i.council_id', '=', 'c.council_id').onRef('i.concern_id', '=', 'c.id'),
    )
    .select(['c.id', 'c.reference', 'c.received_on', 'c.acknowledged_on', 'c.feedback_on', 'i.person_id'])
    .where('c.council_id', '=', councilId)
    .where('c.closed_on', 'is', null)
    .execute();
}
