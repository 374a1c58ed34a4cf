import { type Kysely, sql } from 'kysely';
import type { Database } from '../../../platform/db/schema.ts';
import type { GazetteerRow } from './rules.ts';

type Db = Kysely<Database>;

export type Place = { uprn: string; address: string; postcode: string; latitude: number; longitude: number };
export type Candidate = Place & { searchKey: string };
export type ImportSummary = {
  id: string;
  rowCount: number;
  added: number;
  changed: number;
  unchanged: number;
  importedBy: string | null;
  importedAt: Date;
};

const placeColumns = ['uprn', 'address', 'postcode', 'latitude', 'longitude'] as const;

// Rows go in batches through one JSON parameter each, so that a statement's size does not grow
// with the number of columns and 150,000 addresses are a few dozen statements.
export const batchSize = 5000;

// Adds the rows not there, changes those that differ, leaves the rest; says how many of each kind.
export async function upsertBatch(
  trx: Db,
  councilId: string,
  importId: string,
  rows: readonly GazetteerRow[],
  at: Date,
): Promise<{ added: number; changed: number }> {
  const json = JSON.stringify(
    rows.map((r) => ({
      uprn: r.uprn,
      address: r.address,
      postcode: r.postcode,
      search_key: r.searchKey,
      latitude: r.latitude,
      longitude: r.longitude,
      easting: r.easting,
      northing: r.northing,
    })),
  );
  const { rows: written } = await sql<{ added: boolean }>`
    insert into gazetteer_address as g (council_id, uprn, address, postcode, search_key, latitude,
      longitude, easting, northing, import_id, created_at, updated_at)
    select ${councilId}::uuid, r.uprn, r.address, r.postcode, r.search_key, r.latitude, r.longitude,
      r.easting, r.northing, ${importId}::uuid, ${at}::timestamptz, ${at}::timestamptz
    from jsonb_to_recordset(${json}::jsonb) as r(uprn text, address text, postcode text,
      search_key text, latitude double precision, longitude double precision,
      easting double precision, northing double precision)
    on conflict (council_id, uprn) do update set
      address = excluded.address, postcode = excluded.postcode, search_key = excluded.search_key,
      latitude = excluded.latitude, longitude = excluded.longitude, easting = excluded.easting,
      northing = excluded.northing, import_id = excluded.import_id, updated_at = excluded.updated_at
    where (g.address, g.postcode, g.search_key, g.latitude, g.longitude, g.easting, g.northing)
      is distinct from (excluded.address, excluded.postcode, excluded.search_key, excluded.latitude,
        excluded.longitude, excluded.easting, excluded.northing)
    returning (xmax = 0) as added`.execute(trx);
  const added = written.filter((row) => row.added).length;
  return { added, changed: written.length - added };
}

export async function insertImport(
  trx: Db,
  councilId: string,
  entry: { id: string; fileHash: string; rowCount: number; importedBy: string | null; at: Date },
) {
  await trx
    .insertInto('gazetteer_import')
    .values({
      council_id: councilId,
      id: entry.id,
      file_hash: entry.fileHash,
      row_count: entry.rowCount,
      added: 0,
      changed: 0,
      unchanged: entry.rowCount,
      imported_by: entry.importedBy,
      imported_at: entry.at,
    })
    .execute();
}

export async function recordCounts(
  trx: Db,
  councilId: string,
  id: string,
  counts: { added: number; changed: number; unchanged: number },
) {
  await trx
    .updateTable('gazetteer_import')
    .set(counts)
    .where('council_id', '=', councilId)
    .where('id', '=', id)
    .execute();
}

// The council's latest import, or the one named.
export async function importSummary(db: Db, councilId: string, id?: string): Promise<ImportSummary | null> {
  let query = db
    .selectFrom('gazetteer_import')
    .select(['id', 'row_count', 'added', 'changed', 'unchanged', 'imported_by', 'imported_at'])
    .where('council_id', '=', councilId);
  if (id) query = query.where('id', '=', id);
  const row = await query.orderBy('imported_at', 'desc').orderBy('id', 'desc').limit(1).executeTakeFirst();
  return row
    ? {
        id: row.id,
        rowCount: row.row_count,
        added: row.added,
        changed: row.changed,
        unchanged: row.unchanged,
        importedBy: row.imported_by,
        importedAt: row.imported_at,
      }
    : null;
}

export async function addressCount(
  db: Db,
  councilId: string,
): Promise<{ addresses: number; postcodes: number }> {
  const { rows } = await sql<{ addresses: number; postcodes: number }>`
    select count(*)::int as addresses, count(distinct postcode)::int as postcodes
    from gazetteer_address where council_id = ${councilId}`.execute(db);
  return rows[0] ?? { addresses: 0, postcodes: 0 };
}

export async function atPostcode(db: Db, councilId: string, postcode: string): Promise<Place[]> {
  const rows = await db
    .selectFrom('gazetteer_address')
    .select(placeColumns)
    .where('council_id', '=', councilId)
    .where('postcode', '=', postcode)
    .execute();
  return rows.sort((a, b) => a.address.localeCompare(b.address, 'en-GB', { numeric: true }));
}

// Everything a list of look-ups could be: the addresses with these UPRNs or at these postcodes.
export async function candidates(
  db: Db,
  councilId: string,
  keys: { uprns: readonly string[]; postcodes: readonly string[] },
): Promise<Candidate[]> {
  if (keys.uprns.length === 0 && keys.postcodes.length === 0) return [];
  const rows = await db
    .selectFrom('gazetteer_address')
    .select([...placeColumns, 'search_key'])
    .where('council_id', '=', councilId)
    .where((eb) =>
      eb.or([
        ...(keys.uprns.length ? [eb('uprn', 'in', [...keys.uprns])] : []),
        ...(keys.postcodes.length ? [eb('postcode', 'in', [...keys.postcodes])] : []),
      ]),
    )
    .execute();
  return rows.map(({ search_key, ...place }) => ({ ...place, searchKey: search_key }));
}
