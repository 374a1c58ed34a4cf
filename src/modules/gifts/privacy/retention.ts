import { sql } from 'kysely';
import { retentionRule } from '../../../platform/privacy/retention-rule.ts';
import { removedText } from '../../../platform/retention.ts';

// A gift or hospitality entry is kept for the register's retention period after the offer was
// made (DOMAIN.md records and privacy; the policy setting registerRetentionYears), then who was
// offered what by whom is removed. The kind, value, date and decision stay for the figures.
export const giftRetention = retentionRule({
  key: 'gift-offer',
  recordType: 'gift',
  name: 'Gift and hospitality entries',
  setting: 'registerRetentionYears',
  unit: 'years',
  basis: 'after the offer was made',
  table: 'gift_offer',
  id: sql`id`,
  reference: sql`reference`,
  basisDate: sql`offered_on`,
  blank: async (trx, councilId, ids, at) => {
    await trx
      .updateTable('gift_offer')
      .set({
        recipient_name: removedText,
        description: removedText,
        offeror_person: '',
        reason: '',
        approval_comment: '',
        anonymised_at: at,
        updated_at: at,
      })
      .where('council_id', '=', councilId)
      .where('id', 'in', ids)
      .execute();
    // Each version's copy of the entry goes with it.
    await sql`update gift_offer_version set entry = '{}'::jsonb, change_reason = ''
      where council_id = ${councilId} and offer_id = any(${[...ids]}::uuid[])`.execute(trx);
  },
});
