import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/db/schema.ts';

// The SQL of payments received and the files they came in.

export type PaymentImport = {
  id: string;
  fileHash: string;
  fileName: string;
  rowCount: number;
  appliedCount: number;
  importedBy: string;
  importedAt: Date;
};

const importOf = (row: {
  id: string;
  file_hash: string;
  file_name: string;
  row_count: number;
  applied_count: number;
  imported_by: string;
  imported_at: Date;
}): PaymentImport => ({
  id: row.id,
  fileHash: row.file_hash,
  fileName: row.file_name,
  rowCount: row.row_count,
  appliedCount: row.applied_count,
  importedBy: row.imported_by,
  importedAt: row.imported_at,
});

export async function importWithHash(q: Kysely<Database>, councilId: string, hash: string) {
  const row = await q
    .selectFrom('payment_import')
    .selectAll()
    .where('council_id', '=', councilId)
    .where('file_hash', '=', hash)
    .executeTakeFirst();
  return row ? importOf(row) : null;
}

export async function recentImports(q: Kysely<Database>, councilId: string) {
  const rows = await q
    .selectFrom('payment_import')
    .selectAll()
    .where('council_id', '=', councilId)
    .orderBy('imported_at', 'desc')
    .limit(20)
    .execute();
  return rows.map(importOf);
}

// Claims the file: false when it was imported already (by another request at the same time).
export async function insertImport(trx: Kysely<Database>, councilId: string, made: PaymentImport) {
  const row = await trx
    .insertInto('payment_import')
    .values({
      council_id: councilId,
      id: made.id,
      file_hash: made.fileHash,
      file_name: made.fileName.slice(0, 200),
      row_count: made.rowCount,
      applied_count: made.appliedCount,
      imported_by: made.importedBy,
      imported_at: made.importedAt,
    })
    .onConflict((oc) => oc.columns(['council_id', 'file_hash']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

// Payments already recorded under these references, with the account they were for.
export async function recordedPayments(
  q: Kysely<Database>,
  councilId: string,
  references: readonly string[],
) {
  if (!references.length) return new Map<string, { account: string; date: string; amountPence: number }>();
  const rows = await q
    .selectFrom('enforcement_payment as p')
    .innerJoin('enforcement_case as c', (join) =>
      join.onRef('c.council_id', '=', 'p.council_id').onRef('c.id', '=', 'p.case_id'),
    )
    .select(['p.reference', 'c.account_ref', 'p.paid_on', 'p.amount_pence'])
    .where('p.council_id', '=', councilId)
    .where('p.reference', 'in', references)
    .execute();
  return new Map(
    rows.map((row) => [
      row.reference,
      { account: row.account_ref, date: row.paid_on, amountPence: row.amount_pence },
    ]),
  );
}

export async function insertPayments(
  trx: Kysely<Database>,
  councilId: string,
  payments: readonly {
    id: string;
    caseId: string;
    reference: string;
    paidOn: string;
    amountPence: number;
    importId: string | null;
    at: Date;
  }[],
) {
  if (!payments.length) return 0;
  const rows = await trx
    .insertInto('enforcement_payment')
    .values(
      payments.map((p) => ({
        council_id: councilId,
        id: p.id,
        case_id: p.caseId,
        reference: p.reference,
        paid_on: p.paidOn,
        amount_pence: p.amountPence,
        import_id: p.importId,
        received_at: p.at,
      })),
    )
    .onConflict((oc) => oc.columns(['council_id', 'reference']).doNothing())
    .returning('id')
    .execute();
  return rows.length;
}

export async function paymentsOf(q: Kysely<Database>, councilId: string, caseId: string) {
  const rows = await q
    .selectFrom('enforcement_payment')
    .select(['id', 'reference', 'paid_on', 'amount_pence', 'received_at'])
    .where('council_id', '=', councilId)
    .where('case_id', '=', caseId)
    .orderBy('paid_on')
    .orderBy('reference')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    reference: row.reference,
    paidOn: row.paid_on,
    amountPence: row.amount_pence,
    receivedAt: row.received_at,
  }));
}
