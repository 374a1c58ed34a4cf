import { sql } from 'kysely';
import type { Actor } from '../../../platform/audit/audit-trail.ts';
import { appendAudit } from '../../../platform/audit/audit-trail.ts';
import { pendingFrom, type RetentionFigures } from '../../../platform/privacy/retention-rule.ts';
import { removedText } from '../../../platform/retention.ts';
import type { ModuleDeps } from '../../organisation/service.ts';
import * as repo from './repository.ts';
import { retentionCutOff } from './rules.ts';

// A rejected or removed marker's personal data (the reason, the name, the address, what officers
// were told) is kept riskMarkerRetentionYears after it ended, then anonymised; the marker stays,
// so the history still shows that there was one and what was decided.
export async function anonymiseExpired(deps: ModuleDeps, councilId: string): Promise<number> {
  const { riskMarkerRetentionYears } = await deps.organisation.policy(councilId);
  const actor: Actor = { councilId, personId: null, label: 'Retention job' };
  let total = 0;
  for (;;) {
    const done = await deps.db.transaction().execute(async (trx) => {
      const at = deps.clock.now();
      const ids = await repo.expiredIds(trx, councilId, retentionCutOff(at, riskMarkerRetentionYears));
      await repo.anonymise(trx, councilId, ids, removedText, at);
      for (const id of ids) {
        await repo.insertEvent(
          trx,
          councilId,
          { markerId: id, action: 'anonymised', note: '', by: null },
          at,
        );
        const entry = { action: 'risk-marker.anonymised', recordType: 'risk-marker', recordId: id };
        await appendAudit(trx, actor, { ...entry, after: { anonymisedAt: at.toISOString() } }, at);
      }
      return ids.length;
    });
    total += done;
    if (done < repo.anonymiseBatch) return total;
  }
}

// The retention page's figures for risk markers, counted over the markers this job picks, by the
// day (London) each ended.
export const riskMarkerRetentionFigures: RetentionFigures = {
  key: 'risk-marker',
  name: 'Rejected and removed risk markers',
  setting: 'riskMarkerRetentionYears',
  unit: 'years',
  basis: 'after the marker was rejected or removed',
  pending: (db, councilId, cutoff) =>
    pendingFrom(
      db,
      sql`${repo.endedMarkers(db, councilId).select(sql`(ended_at at time zone 'Europe/London')::date`.as('basis'))}`,
      cutoff,
    ),
};
