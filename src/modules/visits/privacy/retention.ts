import { sql } from 'kysely';
import { pendingFrom, type RetentionRule } from '../../../platform/privacy/retention-rule.ts';
import { removedText } from '../../../platform/retention.ts';

// A visit's record is kept for visitRecordRetentionYears after it was made (DOMAIN.md records and
// privacy), then what the officer wrote, the referrals' details and the name of the account holder
// visited are removed. The outcome and the dates stay for the figures.
export const visitRecordRetention: RetentionRule = {
  key: 'visit-record',
  recordType: 'visit-record',
  name: 'Field visit records',
  setting: 'visitRecordRetentionYears',
  unit: 'years',
  basis: 'after the visit was recorded',
  pending: (db, councilId, cutoff) =>
    pendingFrom(
      db,
      sql`select (recorded_at at time zone 'Europe/London')::date as basis from visit_record
        where council_id = ${councilId} and anonymised_at is null`,
      cutoff,
    ),
  pick: (trx, councilId, cutoff, limit) =>
    trx
      .selectFrom('visit_record')
      .select([
        'visit_id as id',
        sql<string>`outcome`.as('reference'),
        sql<string>`((recorded_at at time zone 'Europe/London')::date)::text`.as('basis'),
      ])
      .where('council_id', '=', councilId)
      .where('anonymised_at', 'is', null)
      .where(sql<boolean>`(recorded_at at time zone 'Europe/London')::date <= ${cutoff}::date`)
      .orderBy('recorded_at')
      .limit(limit)
      .forUpdate()
      .skipLocked()
      .execute(),
  blank: async (trx, councilId, ids, at) => {
    await sql`update visit_record set notes = '',
        reason = case when reason = '' then '' else ${removedText} end, anonymised_at = ${at}
      where council_id = ${councilId} and visit_id = any(${[...ids]}::uuid[])`.execute(trx);
    await sql`update visit_referral set detail = ${removedText}
      where council_id = ${councilId} and visit_id = any(${[...ids]}::uuid[])`.execute(trx);
    await sql`update planned_visit set account_holder = '', notes = ''
      where council_id = ${councilId} and id = any(${[...ids]}::uuid[])`.execute(trx);
  },
};
