import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { migrateToLatest } from '../../src/platform/db/migrator.ts';
import { databaseKinds, freshDatabase } from '../support/databases.ts';

describe.each(databaseKinds)('migrations on %s', (kind) => {
  it('run from empty, then again as a no-op, and every table carries council_id', async () => {
    const database = await freshDatabase(kind, { migrate: false });
    try {
      const applied = await migrateToLatest(database.db);
      expect(applied.length).toBeGreaterThan(0);
      expect(await migrateToLatest(database.db)).toEqual([]);
      const { rows } = await sql<{
        table_name: string;
        has_council: boolean;
        key_starts_with_council: boolean;
      }>`
        select t.table_name,
          exists (select 1 from information_schema.columns c
                  where c.table_schema = 'public' and c.table_name = t.table_name and c.column_name = 'council_id') as has_council,
          coalesce((select a.attname = 'council_id' from pg_index i
                    join pg_attribute a on a.attrelid = i.indrelid and a.attnum = i.indkey[0]
                    where i.indrelid = ('public.' || t.table_name)::regclass and i.indisprimary), false) as key_starts_with_council
        from information_schema.tables t
        where t.table_schema = 'public' and t.table_type = 'BASE TABLE' and t.table_name not like 'kysely_%'
        order by t.table_name`.execute(database.db);
      expect(rows.length).toBeGreaterThan(10);
      expect(rows.filter((row) => !row.has_council || !row.key_starts_with_council)).toEqual([]);
    } finally {
      await database.close();
    }
  });
});
