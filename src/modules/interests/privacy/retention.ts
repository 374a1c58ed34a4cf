import { sql } from 'kysely';
import { retentionRule } from '../../../platform/privacy/retention-rule.ts';
import { removedText } from '../../../platform/retention.ts';

// A declaration is never deleted before its retention period (DOMAIN.md §1): kept for the
// register's period (registerRetentionYears) after it ended, then what was declared, who the
// parties were and the review's notes are removed. Its kind, dates and outcome stay.
export const declarationRetention = retentionRule({
  key: 'declaration',
  recordType: 'declaration',
  name: 'Declarations of interests',
  setting: 'registerRetentionYears',
  unit: 'years',
  basis: 'after the interest ended',
  table: 'declaration',
  id: sql`id`,
  reference: sql`reference`,
  basisDate: sql`ended_on`,
  covers: sql`ended_on is not null`,
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
});

// A related party return is kept for relatedPartyReturnRetentionYears after the end of its
// financial year (31 March), for the external auditor, then its entries are removed.
export const relatedPartyReturnRetention = retentionRule({
  key: 'related-party-return',
  recordType: 'related-party-return',
  name: 'Related party returns',
  setting: 'relatedPartyReturnRetentionYears',
  unit: 'years',
  basis: 'after the end of the financial year',
  table: 'related_party_return',
  id: sql`id`,
  reference: sql`financial_year`,
  basisDate: sql`make_date(financial_year + 1, 3, 31)`,
  blank: async (trx, councilId, ids, at) => {
    await trx
      .updateTable('related_party_return')
      .set({ entries: '[]', transactions: '', anonymised_at: at })
      .where('council_id', '=', councilId)
      .where('id', 'in', ids)
      .execute();
  },
});
