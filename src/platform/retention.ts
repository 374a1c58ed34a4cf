import type { Kysely } from 'kysely';
import type { Database } from './db/schema.ts';

// What is left where someone's words were once a record's retention period has passed, in columns
// that must not be empty.
export const removedText = 'Removed under the council’s retention policy';

// The letters about an anonymised complaint or customer keep their kind and dates; who they went
// to and what they said go.
export async function anonymiseLetters(
  trx: Kysely<Database>,
  councilId: string,
  about: 'complaint_id' | 'customer_id',
  id: string,
) {
  await trx
    .updateTable('letter')
    .set({
      recipient_name: '',
      recipient_email: '',
      recipient_address: '',
      subject: removedText,
      body: removedText,
    })
    .where('council_id', '=', councilId)
    .where(about, '=', id)
    .execute();
}
