import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../src/platform/db/connection.ts';
import { problemOf } from '../../src/platform/web/problems.ts';
import { databaseKinds, freshDatabase } from '../support/databases.ts';

// A change the database refuses because another reached the same key first (two people adding the
// same thing at the same moment) is answered 409 with what to do, never 500: its transaction was
// rolled back, so nothing changed. Other failures stay 500.

describe.each(databaseKinds)('answering a change made at the same moment as another on %s', (kind) => {
  let database: DatabaseHandle;
  beforeAll(async () => {
    database = await freshDatabase(kind);
  });
  afterAll(() => database.close());

  const refusal = async (statement: string) => {
    try {
      await sql.raw(statement).execute(database.db);
    } catch (error) {
      return error as Error;
    }
    throw new Error('The statement was not refused');
  };

  it('answers a key already taken 409, saying nothing was saved', async () => {
    await sql`create table taken (key text primary key)`.execute(database.db);
    await sql`insert into taken values ('one')`.execute(database.db);
    const problem = problemOf(await refusal(`insert into taken values ('one')`));
    expect(problem).toEqual({
      status: 409,
      title: 'Conflict',
      detail: 'Nothing you entered was saved. Go back, reload the page and try again.',
    });
  });

  it('answers any other database failure 500', async () => {
    expect(problemOf(await refusal('select 1 / 0')).status).toBe(500);
    expect(problemOf(new Error('Something else')).status).toBe(500);
  });
});
