import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/db/schema.ts';
import { complaintsWithLetter } from '../../letters/service.ts';
import type { Period } from './rules.ts';

// How many complaints not accepted in the period, and how many of them had the letter saying so.
export async function refusals(trx: Kysely<Database>, councilId: string, period: Period) {
  const refused = await trx
    .selectFrom('complaint')
    .select('id')
    .where('council_id', '=', councilId)
    .where('received_on', '>=', period.from)
    .where('received_on', '<=', period.to)
    .where('triage_decision', 'is not', null)
    .where('triage_decision', '<>', 'complaint')
    .execute();
  const ids = refused.map((row) => row.id);
  const withLetter = await complaintsWithLetter(trx, councilId, 'refusal', ids);
  return { notAccepted: ids.length, notAcceptedWithLetter: withLetter.size };
}
