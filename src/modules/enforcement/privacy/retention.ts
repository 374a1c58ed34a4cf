import { sql } from 'kysely';
import { retentionRule } from '../../../platform/privacy/retention-rule.ts';
import { removedText } from '../../../platform/retention.ts';

// An enforcement case is kept for enforcementRetentionYears after it ended (paid, or returned to
// the council), then the debtor's name and address and what the agents wrote at the visits are
// removed. The account reference, amounts, dates and outcomes stay with the council's accounts.
export const enforcementRetention = retentionRule({
  key: 'enforcement-case',
  recordType: 'enforcement_case',
  name: 'Enforcement cases',
  setting: 'enforcementRetentionYears',
  unit: 'years',
  basis: 'after the case was paid or returned',
  table: 'enforcement_case',
  id: sql`id`,
  reference: sql`reference`,
  basisDate: sql`(updated_at at time zone 'Europe/London')::date`,
  covers: sql`status in ('paid', 'returned')`,
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
    await sql`update enforcement_outcome set notes = '', vulnerability = '',
        reason = case when reason = '' then '' else ${removedText} end
      where council_id = ${councilId} and case_id = any(${[...ids]}::uuid[])`.execute(trx);
  },
});
