import { sql } from 'kysely';
import { retentionRule } from '../../../platform/privacy/retention-rule.ts';
import { removedText } from '../../../platform/retention.ts';

const removed = 'Removed';

// A complaint about a councillor's conduct is kept for conductRetentionYears after it was closed
// (DOMAIN.md records and privacy), then who made it, what they said, the reasons and reports and
// the letters' wording are removed. The councillor, the decisions and the dates stay, for the
// standards committee's figures and the councillor's record.
export const conductRetention = retentionRule({
  key: 'conduct-complaint',
  recordType: 'conduct-complaint',
  name: 'Councillor conduct complaints',
  setting: 'conductRetentionYears',
  unit: 'years',
  basis: 'after the complaint was closed',
  table: 'conduct_complaint',
  id: sql`id`,
  reference: sql`reference`,
  basisDate: sql`(closed_at at time zone 'Europe/London')::date`,
  covers: sql`closed_at is not null`,
  blank: async (trx, councilId, ids, at) => {
    await sql`update conduct_complaint set complainant_name = ${removedText}, complainant_email = ${removed},
        complainant_address = '', what_happened = ${removedText}, assessment_reasons = '',
        independent_person_view = '', decision_reasons = '', investigation_report = '', hearing_reasons = '',
        anonymised_at = ${at}
      where council_id = ${councilId} and id = any(${[...ids]}::uuid[])`.execute(trx);
    await sql`update conduct_letter set recipient_name = ${removedText}, recipient_email = ${removed},
        body = ${removedText}
      where council_id = ${councilId} and complaint_id = any(${[...ids]}::uuid[])`.execute(trx);
  },
});
