import { type Kysely, sql } from 'kysely';
import type { Database } from '../../../platform/db/schema.ts';
import type { IncidentKind } from '../tables.ts';

export type Incident = {
  id: string;
  reportedBy: string;
  visitId: string | null;
  kinds: IncidentKind[];
  occurredAt: Date;
  location: string;
  whatHappened: string;
  peopleInvolved: string;
  witnesses: string;
  injuries: string;
  policeReference: string;
  reportedAt: Date;
  anonymisedAt: Date | null;
};

const columns = [
  'id',
  'reported_by',
  'visit_id',
  'kinds',
  'occurred_at',
  'location',
  'what_happened',
  'people_involved',
  'witnesses',
  'injuries',
  'police_reference',
  'reported_at',
  'anonymised_at',
] as const;

type Row = {
  id: string;
  reported_by: string;
  visit_id: string | null;
  kinds: IncidentKind[];
  occurred_at: Date;
  location: string;
  what_happened: string;
  people_involved: string;
  witnesses: string;
  injuries: string;
  police_reference: string;
  reported_at: Date;
  anonymised_at: Date | null;
};

const incidentOf = (row: Row): Incident => ({
  id: row.id,
  reportedBy: row.reported_by,
  visitId: row.visit_id,
  kinds: row.kinds,
  occurredAt: row.occurred_at,
  location: row.location,
  whatHappened: row.what_happened,
  peopleInvolved: row.people_involved,
  witnesses: row.witnesses,
  injuries: row.injuries,
  policeReference: row.police_reference,
  reportedAt: row.reported_at,
  anonymisedAt: row.anonymised_at,
});

export async function insertIncident(trx: Kysely<Database>, councilId: string, incident: Incident) {
  await trx
    .insertInto('visit_incident')
    .values({
      council_id: councilId,
      id: incident.id,
      reported_by: incident.reportedBy,
      visit_id: incident.visitId,
      kinds: incident.kinds,
      occurred_at: incident.occurredAt,
      location: incident.location,
      what_happened: incident.whatHappened,
      people_involved: incident.peopleInvolved,
      witnesses: incident.witnesses,
      injuries: incident.injuries,
      police_reference: incident.policeReference,
      reported_at: incident.reportedAt,
    })
    .execute();
}

export async function incident(q: Kysely<Database>, councilId: string, id: string): Promise<Incident | null> {
  const row = await q
    .selectFrom('visit_incident')
    .select(columns)
    .where('council_id', '=', councilId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? incidentOf(row) : null;
}

// Every incident (reporters: null), or those these people (at least one) reported; the latest first.
export async function incidents(
  q: Kysely<Database>,
  councilId: string,
  reporters: readonly string[] | null,
): Promise<Incident[]> {
  let query = q.selectFrom('visit_incident').select(columns).where('council_id', '=', councilId);
  if (reporters) query = query.where('reported_by', 'in', reporters);
  const rows = await query.orderBy('occurred_at', 'desc').orderBy('id', 'desc').limit(500).execute();
  return rows.map(incidentOf);
}

// Incidents whose personal details are still held, by the day (London) each happened: what
// anonymiseBefore removes once the day is past the cut-off.
export function keptIncidentDays(q: Kysely<Database>, councilId: string) {
  return q
    .selectFrom('visit_incident')
    .select(sql`(occurred_at at time zone 'Europe/London')::date`.as('basis'))
    .where('council_id', '=', councilId)
    .where('anonymised_at', 'is', null);
}

// Removes the personal details of incidents that happened before the cut-off; their ids.
export async function anonymiseBefore(
  trx: Kysely<Database>,
  councilId: string,
  cutoff: Date,
  at: Date,
  removed: string,
): Promise<string[]> {
  const rows = await trx
    .updateTable('visit_incident')
    .set({
      location: removed,
      what_happened: removed,
      people_involved: '',
      witnesses: '',
      injuries: '',
      police_reference: '',
      anonymised_at: at,
    })
    .where('council_id', '=', councilId)
    .where('anonymised_at', 'is', null)
    .where('occurred_at', '<', cutoff)
    .returning('id')
    .execute();
  return rows.map((row) => row.id);
}
