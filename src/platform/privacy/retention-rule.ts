import { type Kysely, type RawBuilder, sql } from 'kysely';
import { appendAudit } from '../audit/audit-trail.ts';
import type { Clock } from '../clock.ts';
import type { Database } from '../db/schema.ts';

// A record type's retention, as its owner module declares it. A record's basis date (when the
// offer was made, the declaration ended, the case closed) plus the council's period is when its
// personal data is removed; `cutoff` is today less the period, so records whose basis is on or
// before it are due.
export type RetentionRule = {
  key: string;
  // The record type its audit events name, as the module's other events do.
  recordType: string;
  name: string;
  // The policy setting holding the period, and whether it counts years or months.
  setting: string;
  unit: 'years' | 'months';
  // What the period runs from, in words: "after the offer was made".
  basis: string;
  // How many are due now; the earliest basis date not yet due and how many share it.
  pending(db: Kysely<Database>, councilId: string, cutoff: string): Promise<Pending>;
  // Up to `limit` records due, locked, skipping those another process holds.
  pick(trx: Kysely<Database>, councilId: string, cutoff: string, limit: number): Promise<Picked[]>;
  // Removes the personal data of these records and sets their anonymised_at.
  blank(trx: Kysely<Database>, councilId: string, ids: readonly string[], at: Date): Promise<void>;
};

// A record type its own module's job anonymises: only what the retention page shows of it, with
// `pending` counting over the same records that job picks.
export type RetentionFigures = Pick<RetentionRule, 'key' | 'name' | 'setting' | 'unit' | 'basis' | 'pending'>;

export type Pending = { dueNow: number; nextBasis: string | null; nextCount: number };
export type Picked = { id: string; reference: string; basis: string };

const batchSize = 200;

// Anonymises every record due, a batch a transaction with an audit event for each record. Rows
// are picked FOR UPDATE SKIP LOCKED and never picked again once anonymised, so the job can run in
// several processes at once and as often as it likes.
export async function anonymiseDue(
  deps: { db: Kysely<Database>; clock: Clock },
  councilId: string,
  rule: RetentionRule,
  cutoff: string,
  period: number,
): Promise<number> {
  const actor = { councilId, personId: null, label: 'Retention job' };
  let total = 0;
  for (;;) {
    const done = await deps.db.transaction().execute(async (trx) => {
      const due = await rule.pick(trx, councilId, cutoff, batchSize);
      if (due.length === 0) return 0;
      const at = deps.clock.now();
      await rule.blank(
        trx,
        councilId,
        due.map((record) => record.id),
        at,
      );
      for (const record of due)
        await appendAudit(
          trx,
          actor,
          {
            action: `${rule.key}.anonymised`,
            recordType: rule.recordType,
            recordId: record.id,
            before: { reference: record.reference, basis: record.basis },
            after: { anonymisedAt: at.toISOString(), [rule.setting]: period },
          },
          at,
        );
      return due.length;
    });
    total += done;
    if (done < batchSize) return total;
  }
}

// The figures for `pending`, from a query of the not-yet-anonymised records' basis dates
// (`select … as basis`), which its owner module writes.
export async function pendingFrom(
  db: Kysely<Database>,
  bases: RawBuilder<unknown>,
  cutoff: string,
): Promise<Pending> {
  const { rows } = await sql<{ due_now: string; next_basis: string | null; next_count: string }>`
    with pending as (select basis::date as basis from (${bases}) b),
    next as (select min(basis) as basis from pending where basis > ${cutoff}::date)
    select (select count(*) from pending where basis <= ${cutoff}::date) as due_now,
      (select basis::text from next) as next_basis,
      (select count(*) from pending, next where pending.basis = next.basis) as next_count`.execute(db);
  const row = rows[0];
  return {
    dueNow: Number(row?.due_now ?? 0),
    nextBasis: row?.next_basis ?? null,
    nextCount: Number(row?.next_count ?? 0),
  };
}

// A rule from what its owner module declares: its table, and SQL expressions for a record's id,
// reference and basis date, and any further condition on the records the rule covers. The table
// is the owner's, named in the owner's file; this only puts the queries together.
export type DeclaredRule = Pick<
  RetentionRule,
  'key' | 'recordType' | 'name' | 'setting' | 'unit' | 'basis' | 'blank'
> & {
  table: string;
  id: RawBuilder<unknown>;
  reference: RawBuilder<unknown>;
  basisDate: RawBuilder<unknown>;
  covers?: RawBuilder<unknown>;
};

export function retentionRule(rule: DeclaredRule): RetentionRule {
  const kept = (councilId: string) =>
    sql`${sql.table(rule.table)} where council_id = ${councilId} and anonymised_at is null and (${rule.covers ?? sql`true`})`;
  return {
    ...rule,
    pending: (db, councilId, cutoff) =>
      pendingFrom(db, sql`select ${rule.basisDate} as basis from ${kept(councilId)}`, cutoff),
    pick: async (trx, councilId, cutoff, limit) =>
      (
        await sql<Picked>`select (${rule.id})::text as id, (${rule.reference})::text as reference,
            (${rule.basisDate})::date::text as basis
          from ${kept(councilId)} and (${rule.basisDate})::date <= ${cutoff}::date
          order by 3 limit ${limit} for update skip locked`.execute(trx)
      ).rows,
  };
}
