import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/db/schema.ts';
import type { Goods, OutcomeInput } from './rules.ts';

// The SQL of visits' outcomes on enforcement cases.

export type Outcome = Omit<OutcomeInput, 'instalments'> & {
  id: string;
  caseId: string;
  recordedBy: string;
  recordedAt: Date;
};

export async function insertOutcome(trx: Kysely<Database>, councilId: string, outcome: Outcome) {
  await trx
    .insertInto('enforcement_outcome')
    .values({
      council_id: councilId,
      id: outcome.id,
      case_id: outcome.caseId,
      kind: outcome.kind,
      visited_on: outcome.visitedOn,
      present: outcome.present,
      amount_pence: outcome.amountPence,
      receipt_number: outcome.receiptNumber,
      reason: outcome.reason,
      goods: JSON.stringify(outcome.goods),
      vulnerability: outcome.vulnerability,
      notes: outcome.notes,
      recorded_by: outcome.recordedBy,
      recorded_at: outcome.recordedAt,
    })
    .execute();
}

export async function outcomesOf(q: Kysely<Database>, councilId: string, caseId: string): Promise<Outcome[]> {
  const rows = await q
    .selectFrom('enforcement_outcome')
    .selectAll()
    .where('council_id', '=', councilId)
    .where('case_id', '=', caseId)
    .orderBy('recorded_at', 'desc')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    caseId: row.case_id,
    kind: row.kind,
    visitedOn: row.visited_on,
    present: row.present,
    amountPence: row.amount_pence,
    receiptNumber: row.receipt_number,
    reason: row.reason,
    goods: (Array.isArray(row.goods) ? row.goods : []) as Goods[],
    vulnerability: row.vulnerability,
    notes: row.notes,
    recordedBy: row.recorded_by,
    recordedAt: row.recorded_at,
  }));
}
