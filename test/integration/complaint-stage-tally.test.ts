import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../src/platform/db/connection.ts';
import type { Database } from '../../src/platform/db/schema.ts';
import { demo } from '../support/clients.ts';
import { insertComplaint } from '../support/complaint-rows.ts';
import { databaseKinds, demoDatabase } from '../support/databases.ts';

// The tally of each handler's open stages by the date each is next due says what the stages say,
// after any change to them, in one statement or many, by one person or two at once.

type Count = { council_id: string; handler_id: string; due: string; open: number };

const byKey = (rows: readonly Count[]) =>
  rows
    .map((row) => `${row.council_id} ${row.handler_id} ${row.due} ${row.open}`)
    .sort((a, b) => a.localeCompare(b));

async function tally(db: Kysely<Database>) {
  const rows = await db
    .selectFrom('complaint_stage_due_tally')
    .select(['council_id', 'handler_id', sql<string>`due::text`.as('due'), 'open'])
    .execute();
  return byKey(rows);
}

async function counted(db: Kysely<Database>) {
  const { rows } = await sql<Count>`
    select council_id, handler_id,
      (case when acknowledged_on is null then acknowledge_by
            else coalesce(extended_to, respond_by, acknowledge_by) end)::text as due,
      count(*)::int as open
    from complaint_stage where handler_id is not null and responded_on is null
    group by 1, 2, 3`.execute(db);
  return byKey(rows);
}

async function openStages(db: Kysely<Database>) {
  return db
    .selectFrom('complaint_stage')
    .select(['council_id', 'complaint_id', 'stage', 'handler_id'])
    .where('responded_on', 'is', null)
    .where('handler_id', 'is not', null)
    .orderBy('complaint_id')
    .orderBy('stage')
    .execute();
}

describe.each(databaseKinds)('the tally of open complaint stages on %s', (kind) => {
  let database: DatabaseHandle;
  let db: Kysely<Database>;

  beforeAll(async () => {
    database = await demoDatabase(kind);
    db = database.db;
    const { council_id: councilId } = await db
      .selectFrom('council')
      .select('council_id')
      .where('slug', '=', 'demo')
      .executeTakeFirstOrThrow();
    const handlers = ['james.oneill', 'lucy.adeyemi', 'helen.marsh'].map(demo);
    for (let n = 0; n < 12; n++) {
      const day = String(2 + n).padStart(2, '0');
      await insertComplaint(db, councilId, {
        reference: `CMP-2026-95${day}`,
        receivedOn: `2026-11-${day}`,
        stages: [
          {
            startedOn: `2026-11-${day}`,
            acknowledgeBy: `2026-11-${String(4 + n).padStart(2, '0')}`,
            acknowledgedOn: n % 3 === 0 ? null : `2026-11-${day}`,
            respondBy: `2026-12-${String(1 + (n % 4)).padStart(2, '0')}`,
            handler: n % 5 === 4 ? null : handlers[n % 3],
          },
        ],
      });
    }
    // Stage 2 of four complaints begun in one statement.
    await sql`insert into complaint_stage (council_id, complaint_id, stage, started_on, handler_id, acknowledge_by,
        respond_by, deadline_basis)
      select council_id, complaint_id, 2, respond_by, handler_id, respond_by + 5, respond_by + 20, deadline_basis
      from complaint_stage where stage = 1 and handler_id is not null and complaint_id in
        (select id from complaint where reference like 'CMP-2026-95%' order by reference limit 4)`.execute(
      db,
    );
  });
  afterAll(() => database.close());

  it('counts open stages by handler and date, each stage where it is next due', async () => {
    const expected = await counted(db);
    expect(expected.length).toBeGreaterThan(8);
    expect(await tally(db)).toEqual(expected);
  });

  it('follows acknowledgements, extensions, reallocations, responses and removals', async () => {
    const stages = await openStages(db);
    expect(stages.length).toBeGreaterThan(6);
    const [first, second, third, fourth, fifth] = stages;
    const one = (stage: typeof first) =>
      sql`council_id = ${stage?.council_id} and complaint_id = ${stage?.complaint_id} and stage = ${stage?.stage}`;
    const changes = [
      sql`update complaint_stage set acknowledged_on = null where ${one(first)}`,
      sql`update complaint_stage set acknowledged_on = started_on where ${one(first)}`,
      sql`update complaint_stage set extended_to = respond_by + 10 where ${one(second)}`,
      sql`update complaint_stage set handler_id = ${fourth?.handler_id} where ${one(third)}`,
      sql`update complaint_stage set handler_id = null where ${one(fourth)}`,
      sql`update complaint_stage set responded_on = respond_by, outcome = 'upheld' where ${one(fifth)}`,
      // Every open stage of the council moved at once, as a leaver's work is.
      sql`update complaint_stage set handler_id = ${second?.handler_id}
        where council_id = ${first?.council_id} and responded_on is null and handler_id is not null`,
      sql`update complaint_stage set findings = 'Notes that change no date' where ${one(second)}`,
      sql`delete from complaint_stage where ${one(second)}`,
    ];
    for (const change of changes) {
      await change.execute(db);
      expect(await tally(db)).toEqual(await counted(db));
    }
    const { rows } = await sql<{ zero: number }>`
      select count(*)::int as zero from complaint_stage_due_tally where open = 0`.execute(db);
    expect(rows[0]?.zero).toBe(0);
  });

  it('stays right when two people change one handler’s stages at once', async () => {
    const stages = (await openStages(db)).slice(0, 8);
    expect(stages.length).toBe(8);
    // Each moves four stages between two dates, both transactions waiting on each other's rows
    // in turn; the tally's rows are taken in key order, so neither deadlocks.
    const move = (part: typeof stages, days: number) =>
      db.transaction().execute(async (trx) => {
        for (const stage of part) {
          await sql`update complaint_stage set respond_by = respond_by + ${days}::int, extended_to = null,
              acknowledged_on = coalesce(acknowledged_on, started_on)
            where council_id = ${stage.council_id} and complaint_id = ${stage.complaint_id}
              and stage = ${stage.stage}`.execute(trx);
          await sql`select pg_sleep(0.01)`.execute(trx);
        }
      });
    await Promise.all([move(stages.slice(0, 4), 3), move(stages.slice(4), 3)]);
    expect(await tally(db)).toEqual(await counted(db));
  });
});
