import { sql } from 'kysely';
import { retentionRule } from '../../../platform/privacy/retention-rule.ts';

// A closed concern is kept for concernRetentionYears after its outcome was recorded (DOMAIN.md
// "Records, privacy and audit": a period per record type; six years, the limitation period, by
// default), then crypto-shredded: its wrapped data key is destroyed, so what was said, who said it,
// the messages and the files can never be opened again, and their ciphertexts and the files are
// dropped. The reference, category, route, dates, outcome and message kinds stay, for the
// committee's figures; the receipt code still finds the concern, to say it was removed.
export const concernRetention = retentionRule({
  key: 'concern',
  recordType: 'concern',
  name: 'Raised concerns',
  setting: 'concernRetentionYears',
  unit: 'years',
  basis: 'after the outcome was recorded',
  table: 'concern',
  id: sql`id`,
  reference: sql`reference`,
  basisDate: sql`closed_on`,
  covers: sql`closed_on is not null`,
  blank: async (trx, councilId, ids, at) => {
    const these = sql`council_id = ${councilId} and concern_id = any(${[...ids]}::uuid[])`;
    await sql`update concern set wrapped_key = null, sealed = ''::bytea, anonymised_at = ${at}
      where council_id = ${councilId} and id = any(${[...ids]}::uuid[])`.execute(trx);
    await sql`update concern_message set sealed = ''::bytea where ${these}`.execute(trx);
    await sql`delete from concern_document where ${these}`.execute(trx);
  },
});
