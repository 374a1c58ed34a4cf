import { sql } from 'kysely';
import { pendingFrom, type RetentionRule } from '../../../platform/privacy/retention-rule.ts';
import { removedText } from '../../../platform/retention.ts';

// A declaration is never deleted before its retention period (DOMAIN.md §1): kept for the
// register's period (registerRetentionYears) after it ended, then what was declared, who the
// parties were and the review's notes are removed. Its kind, dates and outcome stay.
export const declarationRetention: RetentionRule = {
  key: 'declaration',
  recordType: 'declaration',
  name: 'Declarations of interests',
  setting: 'registerRetentionYears',
  unit: 'years',
  basis: 'after the interest ended',
  pending: (db, councilId, cutoff) =>
    pendingFrom(
      db,
      sql`select ended_on as basis from declaration
        where council_id = ${councilId} and anonymised_at is null and ended_on is not null`,
      cutoff,
    ),
  pick: (trx, councilId, cutoff, limit) =>
    trx
      .selectFrom('declaration')
      .select(['id', 'reference', sql<string>`ended_on::text`.as('basis')])
      .where('council_id', '=', councilId)
      .where('anonymised_at', 'is', null)
      .where('ended_on', '<=', cutoff)
      .orderBy('ended_on')
      .limit(limit)
      .forUpdate()
      .skipLocked()
      .execute(),
  blank: async (trx, councilId, ids, at) => {
    await trx
      .updateTable('declaration')
      .set({
        summary: removedText,
        answers: '{}',
        end_reason: '',
        management_action: '',
        anonymised_at: at,
        updated_at: at,
      })
      .where('council_id', '=', councilId)
      .where('id', 'in', ids)
      .execute();
    await trx
      .deleteFrom('declaration_party')
      .where('council_id', '=', councilId)
      .where('declaration_id', 'in', ids)
      .execute();
    await sql`update declaration_version set entry = '{}'::jsonb, change_reason = ''
      where council_id = ${councilId} and declaration_id = any(${[...ids]}::uuid[])`.execute(trx);
  },
};

// A related party return is kept for relatedPartyReturnRetentionYears after the end of its
// financial year (31 March), for the external auditor, then its entries are removed.
const yearEnd = sql<string>`(make_date(financial_year + 1, 3, 31))::text`;

export const relatedPartyReturnRetention: RetentionRule = {
  key: 'related-party-return',
  recordType: 'related-party-return',
  name: 'Related party returns',
  setting: 'relatedPartyReturnRetentionYears',
  unit: 'years',
  basis: 'after the end of the financial year',
  pending: (db, councilId, cutoff) =>
    pendingFrom(
      db,
      sql`select ${yearEnd} as basis from related_party_return where council_id = ${councilId} and anonymised_at is null`,
      cutoff,
    ),
  pick: (trx, councilId, cutoff, limit) =>
    trx
      .selectFrom('related_party_return')
      .select(['id', sql<string>`financial_year::text`.as('reference'), yearEnd.as('basis')])
      .where('council_id', '=', councilId)
      .where('anonymised_at', 'is', null)
      .where(sql<boolean>`make_date(financial_year + 1, 3, 31) <= ${cutoff}::date`)
      .orderBy('financial_year')
      .limit(limit)
      .forUpdate()
      .skipLocked()
      .execute(),
  blank: async (trx, councilId, ids, at) => {
    await trx
      .updateTable('related_party_return')
      .set({ entries: '[]', transactions: '', anonymised_at: at })
      .where('council_id', '=', councilId)
      .where('id', 'in', ids)
      .execute();
  },
};
