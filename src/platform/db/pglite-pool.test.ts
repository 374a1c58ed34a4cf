import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DatabaseHandle, openDatabase } from './connection.ts';

describe('the PGlite pool', () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await openDatabase({ memory: true });
    await sql`create table counter (id int primary key, value int not null)`.execute(handle.db);
    await sql`insert into counter values (1, 0)`.execute(handle.db);
  });
  afterAll(() => handle.close());

  it('runs concurrent transactions one after another, never interleaved', async () => {
    const log: string[] = [];
    const transaction = (name: string) =>
      handle.db.transaction().execute(async (trx) => {
        log.push(`${name} begin`);
        const { rows } = await sql<{ value: number }>`select value from counter where id = 1`.execute(trx);
        // Yield to the event loop so another request could slip its statements in here.
        await new Promise((resolve) => setTimeout(resolve, 5));
        await sql`update counter set value = ${(rows[0]?.value ?? 0) + 1} where id = 1`.execute(trx);
        log.push(`${name} commit`);
      });
    await Promise.all(Array.from({ length: 20 }, (_, i) => transaction(`t${i}`)));
    const { rows } = await sql<{ value: number }>`select value from counter where id = 1`.execute(handle.db);
    // A lost update would leave fewer than 20.
    expect(rows[0]?.value).toBe(20);
    for (let i = 0; i < log.length; i += 2) {
      expect(log[i]?.replace(' begin', '')).toBe(log[i + 1]?.replace(' commit', ''));
    }
  });

  it('rolls a failed transaction back and keeps serving', async () => {
    await expect(
      handle.db.transaction().execute(async (trx) => {
        await sql`update counter set value = 999 where id = 1`.execute(trx);
        await sql`select * from no_such_table`.execute(trx);
      }),
    ).rejects.toThrow(/no_such_table/);
    const { rows } = await sql<{ value: number }>`select value from counter where id = 1`.execute(handle.db);
    expect(rows[0]?.value).toBe(20);
  });

  it('reads calendar days as text and int8 as numbers', async () => {
    const { rows } = await sql<{
      day: unknown;
      n: unknown;
    }>`select '2026-03-29'::date as day, 9007199254740991::int8 as n`.execute(handle.db);
    expect(rows[0]).toEqual({ day: '2026-03-29', n: 9007199254740991 });
  });
});
