import { createHash } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { pglitePool } from './pglite-pool.ts';
import type { Database } from './schema.ts';

export type DatabaseKind = 'pglite' | 'postgres';

export type DatabaseHandle =
  | { db: Kysely<Database>; kind: 'pglite'; close(): Promise<void>; dump(): Promise<Blob> }
  | { db: Kysely<Database>; kind: 'postgres'; url: string; close(): Promise<void> };

// `copyOf` is a dump of an embedded database (PGlite's dumpDataDir): the database opens in
// memory as a copy of it.
type DatabaseLocation = { url: string } | { dataDir: string } | { memory: true; copyOf?: Blob };

const dateOid = 1082;
const int8Oid = 20;
const keepDateText = (value: string) => value;
const int8ToNumber = (value: string) => Number(value);

export async function openDatabase(location: DatabaseLocation): Promise<DatabaseHandle> {
  if ('url' in location) return openServer(location.url);
  const pglite = await PGlite.create({
    ...('dataDir' in location ? { dataDir: location.dataDir } : {}),
    ...('copyOf' in location ? { loadDataDir: location.copyOf } : {}),
    extensions: { pg_trgm },
    parsers: { [dateOid]: keepDateText, [int8Oid]: int8ToNumber },
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: pglitePool(pglite) }) });
  return { db, kind: 'pglite', close: () => db.destroy(), dump: () => pglite.dumpDataDir() };
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
  pool.on('connect', prepareStatements);
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, kind: 'postgres', url, close: () => db.destroy() };
}

// Every parameterised statement is prepared on each connection the first time it runs there, named
// by its text, so that the server parses and plans the queries behind every page once rather than
// on every request. Statements without parameters (migrations, which may hold several) run as
// they are, and so do bulk inserts with many rows, whose texts are too varied to be worth keeping.
function prepareStatements(client: pg.PoolClient) {
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  Object.assign(client, {
    query(text: unknown, values?: unknown, callback?: unknown) {
      if (typeof text !== 'string' || !Array.isArray(values) || values.length === 0 || values.length > 64) {
        return query(text, values, callback);
      }
      return query({ name: statementName(text), text, values }, callback);
    },
  });
}

// The statements are the application's own, so their names are few, and each is worked out once.
const statementNames = new Map<string, string>();
function statementName(text: string): string {
  let name = statementNames.get(text);
  if (name === undefined) {
    if (statementNames.size > 10_000) statementNames.clear();
    name = createHash('sha1').update(text).digest('base64');
    statementNames.set(text, name);
  }
  return name;
}
