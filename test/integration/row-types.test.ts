import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { databaseKinds, freshDatabase } from '../support/databases.ts';

// The row types Kysely is given (each owner's tables.ts, composed in platform/db/schema.ts) must say
// what the migrations made: the same tables, the same columns, null where a column may be null, and
// the type a value reads back as (see connection.ts for how int8 and dates are read).
type Column = { table: string; column: string; type: string; nullable: boolean };

const readsAs: Record<string, string> = {
  text: 'string',
  uuid: 'string',
  'character varying': 'string',
  date: 'string',
  integer: 'number',
  bigint: 'number',
  smallint: 'number',
  real: 'number',
  'double precision': 'number',
  boolean: 'boolean',
  'timestamp with time zone': 'Date',
  jsonb: 'unknown',
  bytea: 'Buffer',
  ARRAY: 'array',
};

const srcRoot = fileURLToPath(new URL('../../src/', import.meta.url));

// Type aliases the row types use, as a row read back has them.
const sharedAliases: Record<string, string> = { CreatedAt: 'Date', Json: 'unknown' };

// The type a column reads back as: a Generated's type, a ColumnType's select (first) type.
function selectType(written: string, aliases: Readonly<Record<string, string>>): string {
  const generic = /^(Generated|GeneratedAlways|ColumnType)<(.*)>$/.exec(written.trim());
  if (generic?.[2])
    return selectType(generic[1] === 'ColumnType' ? firstArgument(generic[2]) : generic[2], aliases);
  return aliases[written.trim()] ?? written.trim();
}

function firstArgument(args: string): string {
  let depth = 0;
  for (const [at, char] of [...args].entries()) {
    if (char === '<') depth++;
    if (char === '>') depth--;
    if (char === ',' && depth === 0) return args.slice(0, at);
  }
  return args;
}

// A union written over several lines starts with '|': the empty part before it is no type.
function describeType(written: string, aliases: Readonly<Record<string, string>>) {
  const parts = selectType(written, aliases)
    .split('|')
    .map((part) => selectType(part, aliases).trim())
    // A union written over several lines starts with a bar.
    .filter((part) => part !== '');
  const kinds = new Set(
    parts
      .filter((part) => part !== 'null')
      .map((part) => (part.endsWith('[]') ? 'array' : /^'.*'$/.test(part) ? 'string' : part)),
  );
  return { type: [...kinds].sort().join(' | '), nullable: parts.includes('null') };
}

function tablesFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((path) => path.endsWith('tables.ts'))
    .map((path) => join(dir, path));
}

// Every column each owner's tables.ts declares.
function declaredColumns(): Column[] {
  return tablesFiles(srcRoot).flatMap((file) => {
    const source = readFileSync(file, 'utf8');
    const aliases = { ...sharedAliases };
    for (const [, name, body] of source.matchAll(/^export type (\w+) =\s*([^;]+);/gm))
      if (name && body) aliases[name] = body;
    const rows = new Map(
      [...source.matchAll(/^export interface (\w+Table) \{\n([\s\S]*?)\n\}/gm)].map(([, name, body]) => [
        name,
        body ?? '',
      ]),
    );
    const tables = /^export interface \w+Tables \{\n([\s\S]*?)\n\}/m.exec(source)?.[1] ?? '';
    return [...tables.matchAll(/^\s+(\w+): (\w+);/gm)].flatMap(([, table, row]) =>
      [...(rows.get(row ?? '') ?? '').matchAll(/^\s+(\w+): (.+);$/gm)].map(([, column, written]) => ({
        table: table ?? '',
        column: column ?? '',
        ...describeType(written ?? '', aliases),
      })),
    );
  });
}

const key = (column: Column) => `${column.table}.${column.column}`;

describe.each(databaseKinds)('row types on %s', (kind) => {
  it('match the tables and columns the migrations make', async () => {
    const database = await freshDatabase(kind);
    try {
      const { rows } = await sql<{
        table_name: string;
        column_name: string;
        data_type: string;
        is_nullable: string;
      }>`
        select c.table_name, c.column_name, c.data_type, c.is_nullable
        from information_schema.columns c
        join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
        where c.table_schema = 'public' and t.table_type = 'BASE TABLE' and c.table_name not like 'kysely_%'`.execute(
        database.db,
      );
      const migrated = new Map(
        rows.map((row) => [
          `${row.table_name}.${row.column_name}`,
          {
            table: row.table_name,
            column: row.column_name,
            type: readsAs[row.data_type] ?? row.data_type,
            nullable: row.is_nullable === 'YES',
          },
        ]),
      );
      const declared = new Map(declaredColumns().map((column) => [key(column), column]));
      expect(migrated.size).toBeGreaterThan(100);
      const drift = [
        ...[...migrated.keys()].filter((name) => !declared.has(name)).map((name) => `${name}: not declared`),
        ...[...declared.keys()]
          .filter((name) => !migrated.has(name))
          .map((name) => `${name}: not in the database`),
        ...[...declared.values()].flatMap((column) => {
          const actual = migrated.get(key(column));
          if (!actual) return [];
          const problems: string[] = [];
          if (actual.type !== column.type)
            problems.push(`${key(column)}: reads as ${actual.type}, declared ${column.type}`);
          // unknown (JSON) holds null as well.
          if (actual.nullable !== column.nullable && column.type !== 'unknown')
            problems.push(
              `${key(column)}: ${actual.nullable ? 'may be null' : 'is never null'}, declared otherwise`,
            );
          return problems;
        }),
      ];
      expect(drift).toEqual([]);
    } finally {
      await database.close();
    }
  });
});
