import { sql } from 'kysely';
import { pendingFrom, type RetentionRule } from '../../../platform/privacy/retention-rule.ts';
import { removedText } from '../../../platform/retention.ts';

const closedOn = sql<string>`((updated_at at time zone 'Europe/London')::date)::text`;

// An enforcement case is kept for enforcementRetentionYears after it ended (paid, or returned to
// the council), then the debtor's name and address and what the agents wrote at the visits are
// removed. The account reference, amounts, dates and outcomes stay with the council's accounts.
export const enforcementRetention: RetentionRule = {
  key: 'enforcement-case',
  recordType: 'enforcement_case',
  name: 'Enforcement cases',
  setting: 'enforcementRetentionYears',
  unit: 'years',
  basis: 'after the case was paid or returned',
  pending: (db, councilId, cutoff) =>
    pendingFrom(
      db,
      sql`select ${closedOn} as basis from enforcement_case
        where council_id = ${councilId} and anonymised_at is null and status in ('paid', 'returned')`,
      cutoff,
    ),
  pick: (trx, councilId, cutoff, limit) =>
    trx
      .selectFrom('enforcement_case')
      .select(['id', 'reference', closedOn.as('basis')])
      .where('council_id', '=', councilId)
      .where('anonymised_at', 'is', null)
      .where('status', 'in', ['paid', 'returned'])
      .where(sql<boolean>`(updated_at at time zone 'Europe/London')::date <= ${cutoff}::date`)
      .orderBy('updated_at')
      .limit(limit)
      .forUpdate()
      .skipLocked()
      .execute(),
  blank: async (trx, councilId, ids, at) => {
    await trx
      .updateTable('enforcement_case')
      .set({
        debtor_name: removedText,
        address: removedText,
        postcode: 'Removed',
        uprn: null,
        anonymised_at: at,
      })
      .where('council_id', '=', councilId)
      .where('id', 'in', ids)
      .execute();
    await trx
      .updateTable('enforcement_outcome')
      .set({
        notes: '',
        vulnerability: '',
        reason: sql<string>`case when reason = '' then '' else ${removedText} end`,
      })
      .where('council_id', '=', councilId)
      .where('case_id', 'in', ids)
      .execute();
  },
};
