import { createHash } from 'node:crypto';
import { actorFor, appendAudit } from '../../../platform/audit/audit-trail.ts';
import type { Principal } from '../../../platform/auth/principal.ts';
import { uuidv7 } from '../../../platform/db/ids.ts';
import { InvalidInput } from '../../../platform/errors.ts';
import * as arrangements from '../arrangements/repository.ts';
import * as cases from '../cases/repository.ts';
import { assertManagesEnforcement, type EnforcementDeps } from '../context.ts';
import * as repo from './repository.ts';
import { againstRecorded, checkRows, csvRows, maxBatch, type RawRow, type RowError } from './rules.ts';

// Payments received from the revenues system, as a CSV file or a JSON batch. A batch is checked
// whole and applied whole, or not at all: every bad row is reported with its line number. The same
// file twice changes nothing (its hash is recorded with the import); a payment's reference is
// unique in the council, so a payment sent again in another batch is skipped.

export type ImportResult =
  | { outcome: 'imported'; import: repo.PaymentImport }
  | { outcome: 'already-imported'; import: repo.PaymentImport };

const refuse = (errors: readonly RowError[]) =>
  new InvalidInput(errors.map((error) => ({ key: `line-${error.line}`, message: error.message })));

export function importCsv(
  deps: EnforcementDeps,
  principal: Principal,
  file: { name: string; text: string },
  requestId?: string,
) {
  const { rows, errors } = csvRows(file.text);
  return applyBatch(deps, principal, { name: file.name, hash: hashOf(file.text), rows, errors }, requestId);
}

export function recordBatch(
  deps: EnforcementDeps,
  principal: Principal,
  payments: readonly { account: string; date: string; amountPence: number; reference: string }[],
  requestId?: string,
) {
  const rows: RawRow[] = payments.map((p, index) => ({
    ...p,
    line: index + 1,
    amount: String(p.amountPence),
  }));
  return applyBatch(
    deps,
    principal,
    { name: 'API', hash: hashOf(JSON.stringify(payments)), rows, errors: [] },
    requestId,
  );
}

const hashOf = (text: string) => createHash('sha256').update(text).digest('hex');

async function applyBatch(
  deps: EnforcementDeps,
  principal: Principal,
  batch: { name: string; hash: string; rows: RawRow[]; errors: RowError[] },
  requestId?: string,
): Promise<ImportResult> {
  const { councilId } = principal;
  await assertManagesEnforcement(deps, principal);
  if (batch.rows.length + batch.errors.length > maxBatch)
    throw new InvalidInput([
      { key: 'file', message: `A file can hold at most ${maxBatch} payments: send it in parts` },
    ]);
  const earlier = await repo.importWithHash(deps.db, councilId, batch.hash);
  if (earlier) return { outcome: 'already-imported', import: earlier };
  const accounts = [...new Set(batch.rows.map((row) => row.account).filter(Boolean))];
  const known = new Map(
    (await cases.casesOfAccounts(deps.db, councilId, accounts)).map((found) => [found.accountRef, found]),
  );
  const checked = checkRows(batch.rows, (account) => known.has(account));
  const recorded = await repo.recordedPayments(
    deps.db,
    councilId,
    checked.rows.map((row) => row.reference),
  );
  const { fresh, errors } = againstRecorded(checked.rows, recorded);
  const all = [...batch.errors, ...checked.errors, ...errors].sort((a, b) => a.line - b.line);
  if (all.length) throw refuse(all);
  if (!batch.rows.length && !batch.errors.length)
    throw new InvalidInput([{ key: 'file', message: 'The file has no payments in it' }]);
  const now = deps.clock.now();
  const made: repo.PaymentImport = {
    id: uuidv7(now.getTime()),
    fileHash: batch.hash,
    fileName: batch.name,
    rowCount: batch.rows.length,
    appliedCount: fresh.length,
    importedBy: principal.personId,
    importedAt: now,
  };
  return deps.db.transaction().execute(async (trx) => {
    if (!(await repo.insertImport(trx, councilId, made))) {
      const again = await repo.importWithHash(trx, councilId, batch.hash);
      if (again) return { outcome: 'already-imported', import: again } as const;
    }
    const payments = fresh.map((row) => ({
      id: uuidv7(now.getTime()),
      caseId: known.get(row.account)?.id ?? '',
      reference: row.reference,
      paidOn: row.date,
      amountPence: row.amountPence,
      importId: made.id,
      at: now,
    }));
    const caseIds = [...new Set(payments.map((p) => p.caseId))].sort();
    // The cases are locked before their payments are added: a payment's reference to its case
    // would otherwise hold a share lock that another import's lock of the case deadlocks with.
    await cases.lockCases(trx, councilId, caseIds);
    await repo.insertPayments(trx, councilId, payments);
    const paidOff = await settlePaid(trx, councilId, caseIds, now);
    await appendAudit(
      trx,
      actorFor(principal, requestId),
      {
        action: 'enforcement-payments.imported',
        recordType: 'payment_import',
        recordId: made.id,
        after: { ...made, references: payments.map((p) => p.reference), paidOff },
      },
      now,
    );
    return { outcome: 'imported', import: made } as const;
  });
}

// A case whose payments now cover its balance is paid; its live arrangement is completed.
async function settlePaid(
  trx: Parameters<typeof cases.paidOn>[0],
  councilId: string,
  caseIds: readonly string[],
  at: Date,
) {
  const paidOff: string[] = [];
  for (const caseId of caseIds) {
    const found = await cases.findCase(trx, councilId, caseId, true);
    if (!found || found.status === 'paid' || found.status === 'returned') continue;
    if ((await cases.paidOn(trx, councilId, caseId)) < found.balancePence) continue;
    await cases.updateCase(trx, councilId, caseId, { status: 'paid' }, at);
    const arrangement = await arrangements.latestArrangement(trx, councilId, caseId);
    if (arrangement?.status === 'live')
      await arrangements.setArrangementStatus(trx, councilId, arrangement.id, 'completed', at);
    paidOff.push(found.reference);
  }
  return paidOff;
}
