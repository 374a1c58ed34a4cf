import { sql } from 'kysely';
import { retentionRule } from '../../../platform/privacy/retention-rule.ts';
import { removedText } from '../../../platform/retention.ts';

// A visit's record is kept for visitRecordRetentionYears after it was made (DOMAIN.md records and
// privacy), then what the officer wrote, the referrals' details and the name of the account holder
// visited are removed. The outcome and the dates stay for the figures.
export const visitRecordRetention = retentionRule({
  key: 'visit-record',
  recordType: 'visit-record',
  name: 'Field visit records',
  setting: 'visitRecordRetentionYears',
  unit: 'years',
  basis: 'after the visit was recorded',
  table: 'visit_record',
  id: sql`visit_id`,
  reference: sql`outcome`,
  basisDate: sql`(recorded_at at time zone 'Europe/London')::date`,
  blank: async (trx, councilId, ids, at) => {
    const visits = sql`council_id = ${councilId} and visit_id = any(${[...ids]}::uuid[])`;
    await sql`update visit_record set notes = '', reason = case when reason = '' then '' else ${removedText} end,
        anonymised_at = ${at} where ${visits}`.execute(trx);
    await sql`update visit_referral set detail = ${removedText} where ${visits}`.execute(trx);
    await sql`update planned_visit set account_holder = '', notes = ''
      where council_id = ${councilId} and id = any(${[...ids]}::uuid[])`.execute(trx);
  },
});
