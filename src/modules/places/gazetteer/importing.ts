import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { type Actor, actorFor, appendAudit } from '../../../platform/audit/audit-trail.ts';
import type { Principal } from '../../../platform/auth/principal.ts';
import type { Clock } from '../../../platform/clock.ts';
import { uuidv7 } from '../../../platform/db/ids.ts';
import type { Database } from '../../../platform/db/schema.ts';
import { Forbidden, InvalidInput } from '../../../platform/errors.ts';
import { can } from '../policy.ts';
import { checkFile, problemMessages } from './check.ts';
import * as repo from './repository.ts';

// Importing an LLPG export: every row is checked first, and a file with any bad row changes
// nothing; a good one is applied in one transaction, by UPRN, with one audit event that counts
// what it did (the addresses themselves are in the table, not the trail).

export type ImportDeps = { db: Kysely<Database>; clock: Clock };
export type ImportReport = {
  importId: string;
  rows: number;
  added: number;
  changed: number;
  unchanged: number;
};

// The report in words: "12 new, 3 changed, 585 unchanged".
export const reportText = (report: Pick<ImportReport, 'added' | 'changed' | 'unchanged'>) =>
  `${report.added} new, ${report.changed} changed, ${report.unchanged} unchanged`;

// The form's field the problems are shown against.
export const fileField = 'file';

export async function importAs(deps: ImportDeps, actor: Actor, csv: string): Promise<ImportReport> {
  const checked = checkFile(csv);
  if ('problems' in checked)
    throw new InvalidInput(problemMessages(checked).map((message) => ({ key: fileField, message })));
  const at = deps.clock.now();
  const importId = uuidv7(at.getTime());
  const fileHash = createHash('sha256').update(csv).digest('hex');
  // In UPRN order, so that two imports at once lock the addresses they share in the same order and
  // one waits for the other rather than deadlocking.
  const rows = checked.rows.toSorted((a, b) => (a.uprn < b.uprn ? -1 : a.uprn > b.uprn ? 1 : 0));
  return deps.db.transaction().execute(async (trx) => {
    await repo.insertImport(trx, actor.councilId, {
      id: importId,
      fileHash,
      rowCount: rows.length,
      importedBy: actor.personId,
      at,
    });
    let [added, changed] = [0, 0];
    for (let start = 0; start < rows.length; start += repo.batchSize) {
      const batch = rows.slice(start, start + repo.batchSize);
      const counts = await repo.upsertBatch(trx, actor.councilId, importId, batch, at);
      added += counts.added;
      changed += counts.changed;
    }
    const counts = { added, changed, unchanged: rows.length - added - changed };
    await repo.recordCounts(trx, actor.councilId, importId, counts);
    await appendAudit(
      trx,
      actor,
      {
        action: 'gazetteer.imported',
        recordType: 'gazetteer-import',
        recordId: importId,
        after: { fileHash, rows: rows.length, ...counts },
      },
      at,
    );
    return { importId, rows: rows.length, ...counts };
  });
}

export async function importGazetteer(
  deps: ImportDeps,
  principal: Principal,
  csv: string,
  requestId?: string,
) {
  if (!can(principal, 'import', { councilId: principal.councilId }))
    throw new Forbidden('Only those who manage the gazetteer may import addresses');
  return importAs(deps, actorFor(principal, requestId), csv);
}
