// The SQL of the public's progress pages: a complaint found by its reference and email address,
// and what they are shown of it.
import { type Kysely, sql } from 'kysely';
import type { Database } from '../../../platform/db/schema.ts';

type Db = Kysely<Database>;

// The complaint with this reference and contact email address (any case), unless anonymised.
export async function complaintIdByReferenceAndEmail(
  db: Db,
  councilId: string,
  reference: string,
  email: string,
) {
  const row = await db
    .selectFrom('complaint')
    .select('id')
    .where('council_id', '=', councilId)
    .where('reference', '=', reference)
    .where(sql<string>`lower(contact_email)`, '=', email)
    .where('anonymised_at', 'is', null)
    .executeTakeFirst();
  return row?.id ?? null;
}

export async function complaintProgress(db: Db, councilId: string, complaintId: string) {
  return db
    .selectFrom('complaint')
    .select([
      'id',
      'reference',
      'status',
      'regime',
      'stage',
      'received_on as receivedOn',
      'service_name as serviceName',
    ])
    .where('council_id', '=', councilId)
    .where('id', '=', complaintId)
    .where('anonymised_at', 'is', null)
    .executeTakeFirst();
}

// Each stage's dates, first stage first.
export async function stageDates(db: Db, councilId: string, complaintId: string) {
  return db
    .selectFrom('complaint_stage')
    .select([
      'stage',
      'started_on as startedOn',
      'acknowledge_by as acknowledgeBy',
      'acknowledged_on as acknowledgedOn',
      'respond_by as respondBy',
      'extended_to as extendedTo',
      'responded_on as respondedOn',
    ])
    .where('council_id', '=', councilId)
    .where('complaint_id', '=', complaintId)
    .orderBy('stage')
    .execute();
}
