import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { Database } from '../../../platform/db/schema.ts';
import { n } from './repository.ts';
import type { Period } from './rules.ts';

// How many complaints not accepted had the letter saying so. It reads the letters module's table
// until that module offers the count.
export async function refusals(trx: Kysely<Database>, councilId: string, period: Period) {
  const { rows } = await sql<{ not_accepted: string; with_letter: string }>`
    select count(*) as not_accepted,
      count(*) filter (where exists (select 1 from letter l where l.council_id = c.council_id
        and l.complaint_id = c.id and l.kind = 'refusal')) as with_letter
    from complaint c
    where c.council_id = ${councilId} and c.received_on between ${period.from}::date and ${period.to}::date
      and c.triage_decision is not null and c.triage_decision <> 'complaint'`.execute(trx);
  return { notAccepted: n(rows[0]?.not_accepted), notAcceptedWithLetter: n(rows[0]?.with_letter) };
}
