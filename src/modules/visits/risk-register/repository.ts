import { type Kysely, type Selectable, sql } from 'kysely';
import { uuidv7 } from '../../../platform/db/ids.ts';
import type { Database } from '../../../platform/db/schema.ts';
import type { RiskMarkerAction, RiskMarkerKind, RiskMarkerStatus, RiskMarkerTable } from '../tables.ts';

// The risk register's SQL: markers and their history, in the domain's camelCase.

type Db = Kysely<Database>;

export type Marker = {
  id: string;
  kind: RiskMarkerKind;
  status: RiskMarkerStatus;
  address: string;
  personName: string;
  reason: string;
  whatToDo: string;
  reviewOn: string;
  nominatedBy: string;
  nominatedAt: Date;
  visitId: string | null;
  endReason: string;
  endedAt: Date | null;
  anonymisedAt: Date | null;
  updatedAt: Date;
};

// What a marker says, as it is written; its keys are worked out from it.
export type MarkerText = Pick<Marker, 'kind' | 'address' | 'personName' | 'reason' | 'whatToDo' | 'reviewOn'>;
export type MarkerKeys = { postcodeKey: string; surnameKey: string };

const toMarker = (row: Selectable<RiskMarkerTable>): Marker => ({
  id: row.id,
  kind: row.kind,
  status: row.status,
  address: row.address,
  personName: row.person_name,
  reason: row.reason,
  whatToDo: row.what_to_do,
  reviewOn: row.review_on,
  nominatedBy: row.nominated_by,
  nominatedAt: row.nominated_at,
  visitId: row.visit_id,
  endReason: row.end_reason,
  endedAt: row.ended_at,
  anonymisedAt: row.anonymised_at,
  updatedAt: row.updated_at,
});

const textColumns = (text: MarkerText, keys: MarkerKeys) => ({
  kind: text.kind,
  address: text.address,
  postcode_key: keys.postcodeKey,
  person_name: text.personName,
  surname_key: keys.surnameKey,
  reason: text.reason,
  what_to_do: text.whatToDo,
  review_on: text.reviewOn,
});

export async function insertMarker(
  q: Db,
  councilId: string,
  marker: { id: string; status: 'active' | 'proposed'; text: MarkerText; keys: MarkerKeys },
  nominated: { by: string; at: Date; visitId: string | null },
) {
  await q
    .insertInto('risk_marker')
    .values({
      council_id: councilId,
      id: marker.id,
      status: marker.status,
      ...textColumns(marker.text, marker.keys),
      nominated_by: nominated.by,
      nominated_at: nominated.at,
      visit_id: nominated.visitId,
      ended_at: null,
      anonymised_at: null,
      updated_at: nominated.at,
    })
    .execute();
}

export async function updateText(
  q: Db,
  councilId: string,
  id: string,
  text: MarkerText,
  keys: MarkerKeys,
  at: Date,
) {
  await q
    .updateTable('risk_marker')
    .set({ ...textColumns(text, keys), updated_at: at })
    .where('council_id', '=', councilId)
    .where('id', '=', id)
    .execute();
}

export async function setStatus(
  q: Db,
  councilId: string,
  id: string,
  change: { status: RiskMarkerStatus; endReason?: string },
  at: Date,
) {
  const ended = change.status === 'rejected' || change.status === 'removed';
  await q
    .updateTable('risk_marker')
    .set({
      status: change.status,
      end_reason: change.endReason ?? '',
      ended_at: ended ? at : null,
      updated_at: at,
    })
    .where('council_id', '=', councilId)
    .where('id', '=', id)
    .execute();
}

export async function insertEvent(
  q: Db,
  councilId: string,
  event: { markerId: string; action: RiskMarkerAction; note: string; by: string | null },
  at: Date,
) {
  await q
    .insertInto('risk_marker_event')
    .values({
      council_id: councilId,
      id: uuidv7(at.getTime()),
      marker_id: event.markerId,
      seq: sql<number>`(select coalesce(max(seq), 0) + 1 from risk_marker_event
        where council_id = ${councilId} and marker_id = ${event.markerId})`,
      action: event.action,
      note: event.note.slice(0, 2000),
      by_id: event.by,
      at,
    })
    .execute();
}

// The marker, locked for the change about to be made to it when `forUpdate`.
export async function markerById(q: Db, councilId: string, id: string, forUpdate = false) {
  let query = q
    .selectFrom('risk_marker')
    .selectAll()
    .where('council_id', '=', councilId)
    .where('id', '=', id);
  if (forUpdate) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  return row ? toMarker(row) : null;
}

export async function history(q: Db, councilId: string, markerId: string) {
  const rows = await q
    .selectFrom('risk_marker_event')
    .select(['action', 'note', 'by_id', 'at'])
    .where('council_id', '=', councilId)
    .where('marker_id', '=', markerId)
    .orderBy('seq')
    .execute();
  return rows.map((row) => ({ action: row.action, note: row.note, byId: row.by_id, at: row.at }));
}

const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export async function listMarkers(
  q: Db,
  councilId: string,
  filter: {
    status: RiskMarkerStatus | null;
    dueBy: string | null;
    search: string;
    postcodeKey: string | null;
  },
) {
  let query = q.selectFrom('risk_marker').selectAll().where('council_id', '=', councilId);
  if (filter.status) query = query.where('status', '=', filter.status);
  if (filter.dueBy) query = query.where('status', '=', 'active').where('review_on', '<=', filter.dueBy);
  if (filter.search) {
    const pattern = likePattern(filter.search);
    query = query.where((eb) =>
      eb.or([
        eb('address', 'ilike', pattern),
        eb('person_name', 'ilike', pattern),
        ...(filter.postcodeKey ? [eb('postcode_key', '=', filter.postcodeKey)] : []),
      ]),
    );
  }
  const rows = await query.orderBy('review_on').orderBy('id').limit(500).execute();
  return rows.map(toMarker);
}

// Active markers that may flag this postcode or this surname; the rules decide which do.
export async function activeCandidates(
  q: Db,
  councilId: string,
  keys: { postcodeKey: string | null; surnameKey: string | null },
) {
  if (!keys.postcodeKey && !keys.surnameKey) return [];
  const rows = await q
    .selectFrom('risk_marker')
    .selectAll()
    .where('council_id', '=', councilId)
    .where('status', '=', 'active')
    .where((eb) =>
      eb.or([
        ...(keys.postcodeKey ? [eb('postcode_key', '=', keys.postcodeKey)] : []),
        ...(keys.surnameKey ? [eb('surname_key', '=', keys.surnameKey)] : []),
      ]),
    )
    .orderBy('nominated_at')
    .execute();
  return rows.map(toMarker);
}

export const anonymiseBatch = 200;

// Ended markers (rejected or removed) whose personal data is still held.
export function endedMarkers(q: Db, councilId: string) {
  return q
    .selectFrom('risk_marker')
    .where('council_id', '=', councilId)
    .where('status', 'in', ['rejected', 'removed'])
    .where('anonymised_at', 'is', null);
}

// Of those, the ones whose retention period is over.
export async function expiredIds(q: Db, councilId: string, endedBefore: Date) {
  const rows = await endedMarkers(q, councilId)
    .select('id')
    .where('ended_at', '<', endedBefore)
    .orderBy('id')
    .limit(anonymiseBatch)
    .forUpdate()
    .skipLocked()
    .execute();
  return rows.map((row) => row.id);
}

export async function anonymise(q: Db, councilId: string, ids: readonly string[], removed: string, at: Date) {
  if (ids.length === 0) return;
  await q
    .updateTable('risk_marker')
    .set({
      address: '',
      postcode_key: '',
      person_name: '',
      surname_key: '',
      reason: removed,
      what_to_do: '',
      end_reason: sql<string>`case when end_reason = '' then '' else ${removed} end`,
      anonymised_at: at,
      updated_at: at,
    })
    .where('council_id', '=', councilId)
    .where('id', 'in', ids)
    .execute();
  await q
    .updateTable('risk_marker_event')
    .set({ note: sql<string>`case when note = '' then '' else ${removed} end` })
    .where('council_id', '=', councilId)
    .where('marker_id', 'in', ids)
    .execute();
}
