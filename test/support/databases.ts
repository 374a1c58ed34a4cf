import { randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import pg from 'pg';
import { seedDemoCouncil } from '../../src/modules/organisation/councils/demo.ts';
import { fixedClock } from '../../src/platform/clock.ts';
import { type DatabaseHandle, type DatabaseKind, openDatabase } from '../../src/platform/db/connection.ts';
import { migrateToLatest } from '../../src/platform/db/migrator.ts';
import type { Database } from '../../src/platform/db/schema.ts';
import { oncePerRun, testRun } from './once-per-run.ts';

// Integration tests run on the embedded database always, and on PostgreSQL when DATABASE_URL
// points at a server: each test file gets a database of its own there, dropped afterwards.
export const databaseKinds: DatabaseKind[] = process.env.DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];

// The instant the demo council in demoDatabase was seeded at: seeding reads the clock once, so a
// copy of it is what seeding at that instant gives.
export const demoSeededAt = new Date('2026-11-23T09:00:00Z');

// What a test database starts with. Each stage is built once in a test run, on top of the one
// before, and every test file gets a copy of it: a dump loaded into a new embedded database, or
// a server database made from a template, which is much quicker than migrating and seeding.
type Stage = 'migrated' | 'demo';
const stages: Record<Stage, { from: Stage | null; build(db: Kysely<Database>): Promise<unknown> }> = {
  migrated: { from: null, build: migrateToLatest },
  demo: { from: 'migrated', build: (db) => seedDemoCouncil(db, fixedClock(demoSeededAt)) },
};

export async function freshDatabase(
  kind: DatabaseKind,
  options: { migrate?: boolean } = {},
): Promise<DatabaseHandle> {
  return options.migrate === false ? emptyDatabase(kind) : copyOf(kind, 'migrated');
}

// A fresh migrated database with the demo council, seeded at demoSeededAt.
export function demoDatabase(kind: DatabaseKind): Promise<DatabaseHandle> {
  return copyOf(kind, 'demo');
}

function emptyDatabase(kind: DatabaseKind, template?: string): Promise<DatabaseHandle> {
  return kind === 'pglite' ? openDatabase({ memory: true }) : serverDatabase(template);
}

async function copyOf(kind: DatabaseKind, stage: Stage): Promise<DatabaseHandle> {
  return kind === 'pglite' ? pgliteCopy(stage) : serverDatabase(await serverTemplate(stage));
}

async function pgliteCopy(stage: Stage): Promise<DatabaseHandle> {
  const dump = join(testRun().directory, `pglite-${stage}.tar.gz`);
  await oncePerRun(`pglite-${stage}`, async () => {
    const { from, build } = stages[stage];
    const handle = from ? await pgliteCopy(from) : await openDatabase({ memory: true });
    if (handle.kind !== 'pglite') throw new Error('An embedded database was expected');
    try {
      await build(handle.db);
      await writeFile(dump, await (await handle.dump()).bytes());
    } finally {
      await handle.close();
    }
  });
  return openDatabase({ memory: true, copyOf: new Blob([await readFile(dump)]) });
}

// The template is closed once built: the server refuses to copy a database anyone is connected to.
async function serverTemplate(stage: Stage): Promise<string> {
  const name = `${templatePrefix(testRun().id)}${stage}`;
  await oncePerRun(`postgres-${stage}`, async () => {
    const { from, build } = stages[stage];
    const handle = await serverDatabase(from ? await serverTemplate(from) : undefined, name);
    try {
      await build(handle.db);
    } finally {
      await handle.db.destroy();
    }
  });
  return name;
}

const templatePrefix = (runId: string) => `probity_template_${runId}_`;

// At the end of a run, the templates it made on the server go.
export async function dropTemplates(runId: string): Promise<void> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) return;
  const { rows } = await adminQuery(
    serverUrl,
    'select datname from pg_database where starts_with(datname, $1)',
    [templatePrefix(runId)],
  );
  for (const { datname } of rows)
    await adminQuery(serverUrl, `drop database if exists ${datname} with (force)`);
}

async function serverDatabase(
  template?: string,
  name = `probity_test_${randomBytes(6).toString('hex')}`,
): Promise<DatabaseHandle> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) throw new Error('DATABASE_URL is not set');
  await adminQuery(serverUrl, `create database ${name}${template ? ` template ${template}` : ''}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ url: url.toString() });
  return {
    ...handle,
    close: async () => {
      await handle.close();
      await dropWhenLeft(serverUrl, name);
    },
  };
}

// A pool that has been ended (a stopped job queue's) lets its connections go without waiting for
// them, so some may still be saying goodbye: give them a moment to leave before the database is
// dropped, by force only if one lingers. Ended by the drop, such a connection reports an error that
// nothing is left listening for.
async function dropWhenLeft(serverUrl: string, name: string) {
  for (let wait = 0; wait < 40; wait++) {
    const { rows } = await adminQuery(
      serverUrl,
      'select count(*)::int as n from pg_stat_activity where datname = $1',
      [name],
    );
    if (rows[0]?.n === 0) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  await adminQuery(serverUrl, `drop database if exists ${name} with (force)`);
}

async function adminQuery(serverUrl: string, statement: string, values: unknown[] = []) {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await client.query(statement, values);
  } finally {
    await client.end();
  }
}
