import { type Kysely, sql } from 'kysely';
import { startOfLondonDay } from '../../../platform/calendar/daylight.ts';
import type { Database } from '../../../platform/db/schema.ts';
import type { ComplaintStatus } from '../status-rules.ts';

// The SQL of possible duplicates: the complaints that may repeat one, the pairs kept apart, and
// the duplicates merged into a complaint with the files they came with.

type Db = Kysely<Database>;
const dayMs = 86_400_000;

export type Candidate = {
  id: string;
  reference: string;
  customerId: string;
  serviceId: string | null;
  serviceName: string;
  receivedOn: string;
  status: ComplaintStatus;
  whatHappened: string;
  anonymised: boolean;
};

// The person's other complaints about the same service (or, when it names none, about none)
// received within the window, not merged, not anonymised, and not kept apart from this one: one
// range scan of index complaint_by_customer, whatever the size of the council's file. receivedAt
// bounds the scan a day wider than London's dates; receivedOn decides.
export async function candidates(
  db: Db,
  councilId: string,
  complaint: { id: string; customerId: string; serviceId: string | null },
  window: { from: string; to: string },
): Promise<Candidate[]> {
  const rows = await db
    .selectFrom('complaint as c')
    .select([
      'c.id',
      'c.reference',
      'c.customer_id as customerId',
      'c.service_id as serviceId',
      'c.service_name as serviceName',
      'c.received_on as receivedOn',
      'c.status',
      'c.what_happened as whatHappened',
    ])
    .where('c.council_id', '=', councilId)
    .where('c.customer_id', '=', complaint.customerId)
    .where('c.received_at', '>=', new Date(startOfLondonDay(window.from).getTime() - dayMs))
    .where('c.received_at', '<', new Date(startOfLondonDay(window.to).getTime() + 2 * dayMs))
    .where('c.received_on', '>=', window.from)
    .where('c.received_on', '<=', window.to)
    .where('c.service_id', 'is not distinct from', complaint.serviceId)
    .where('c.id', '<>', complaint.id)
    .where('c.status', '<>', 'merged')
    .where('c.anonymised_at', 'is', null)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('complaint_duplicate_dismissal as d')
            .select(sql`1`.as('one'))
            .whereRef('d.council_id', '=', 'c.council_id')
            .where(sql<boolean>`d.complaint_id = least(c.id, ${complaint.id}::uuid)
              and d.other_id = greatest(c.id, ${complaint.id}::uuid)`),
        ),
      ),
    )
    .orderBy('c.received_at')
    .limit(50)
    .execute();
  return rows.map((row) => ({ ...row, status: row.status as ComplaintStatus, anonymised: false }));
}

// Records that two complaints are not duplicates; false when it was recorded before.
export async function keepApart(
  db: Db,
  councilId: string,
  pair: { complaintId: string; otherId: string },
  by: { personId: string; at: Date },
): Promise<boolean> {
  const inserted = await db
    .insertInto('complaint_duplicate_dismissal')
    .values({
      council_id: councilId,
      complaint_id: pair.complaintId,
      other_id: pair.otherId,
      dismissed_by: by.personId,
      dismissed_at: by.at,
    })
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst();
  return Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1;
}

// Closes a complaint as a duplicate of the one that goes on; the duplicates merged into it before
// now name that one, so that none is a duplicate of a duplicate. Answers their references.
export async function merge(
  db: Db,
  councilId: string,
  merged: { id: string; intoId: string; on: string; at: Date },
): Promise<string[]> {
  await db
    .updateTable('complaint')
    .set({
      status: 'merged',
      duplicate_of: merged.intoId,
      resolved_on: merged.on,
      closed_at: merged.at,
      updated_at: merged.at,
    })
    .where('council_id', '=', councilId)
    .where('id', '=', merged.id)
    .execute();
  const moved = await db
    .updateTable('complaint')
    .set({ duplicate_of: merged.intoId, updated_at: merged.at })
    .where('council_id', '=', councilId)
    .where('duplicate_of', '=', merged.id)
    .returning('reference')
    .execute();
  return moved.map((row) => row.reference);
}

export type MergedDuplicate = {
  id: string;
  reference: string;
  receivedOn: string;
  channel: string;
  representativeName: string;
  contactEmail: string;
  contactPhone: string;
  contactAddress: string;
  whatHappened: string;
  wantedOutcome: string;
  mergedAt: Date | null;
};

// The complaints merged into this one as its duplicates (index complaint_merged_into).
export function mergedIntoQuery(db: Db, councilId: string, complaintId: string) {
  return db
    .selectFrom('complaint')
    .select([
      'id',
      'reference',
      'received_on as receivedOn',
      'channel',
      'representative_name as representativeName',
      'contact_email as contactEmail',
      'contact_phone as contactPhone',
      'contact_address as contactAddress',
      'what_happened as whatHappened',
      'wanted_outcome as wantedOutcome',
      'closed_at as mergedAt',
    ])
    .where('council_id', '=', councilId)
    .where('duplicate_of', '=', complaintId)
    .orderBy('received_at');
}
