import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { pglitePool } from './pglite-pool.ts';
import type { Database } from './schema.ts';

export type DatabaseKind = 'pglite' | 'postgres';

export type DatabaseHandle = {
  db: Kysely<Database>;
  kind: DatabaseKind;
  close(): Promise<void>;
};

export type DatabaseLocation = { url: string } | { dataDir: string } | { memory: true };

const dateOid = 1082;
const int8Oid = 20;
const keepDateText = (value: string) => value;
const int8ToNumber = (value: string) => Number(value);

export async function openDatabase(location: DatabaseLocation): Promise<DatabaseHandle> {
  if ('url' in location) return openServer(location.url);
  const pglite = await PGlite.create({
    ...('dataDir' in location ? { dataDir: location.dataDir } : {}),
    extensions: { pg_trgm },
    parsers: { [dateOid]: keepDateText, [int8Oid]: int8ToNumber },
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: pglitePool(pglite) }) });
  return { db, kind: 'pglite', close: () => db.destroy() };
}

function openServer(url: string): DatabaseHandle {
  const types = {
    getTypeParser(oid: number, format?: 'text' | 'binary') {
      if (oid === dateOid) return keepDateText;
      if (oid === int8Oid) return int8ToNumber;
      return format ? pg.types.getTypeParser(oid, format) : pg.types.getTypeParser(oid);
    },
  };
  const pool = new pg.Pool({ connectionString: url, max: 10, types });
  // An idle connection the server ends (a restart, a failover) is dropped from the pool and the
  // next query opens a new one; unheard, pg's 'error' event would end the process.
  pool.on('error', () => {});
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, kind: 'postgres', close: () => db.destroy() };
}
