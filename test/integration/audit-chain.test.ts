import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { verifyAuditChain } from '../../src/platform/audit/audit-chain.ts';
import { appendAudit, recordAccess } from '../../src/platform/audit/audit-trail.ts';
import type { DatabaseHandle } from '../../src/platform/db/connection.ts';
import { uuidv7 } from '../../src/platform/db/ids.ts';
import { databaseKinds, freshDatabase } from '../support/databases.ts';

describe.each(databaseKinds)('the audit trail on %s', (kind) => {
  let database: DatabaseHandle;
  const councilId = uuidv7();
  const actor = { councilId, personId: null, label: 'Test' };

  beforeAll(async () => {
    database = await freshDatabase(kind);
    await database.db
      .insertInto('council')
      .values({ council_id: councilId, name: 'Audit Test Council', slug: 'audit-test', division: 'scotland' })
      .execute();
  });
  afterAll(() => database.close());

  it('chains events appended concurrently with no gaps or forks', async () => {
    await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        database.db.transaction().execute((trx) =>
          appendAudit(
            trx,
            actor,
            {
              action: 'thing.changed',
              recordType: 'thing',
              recordId: String(i),
              before: { n: i },
              after: { n: i + 1, nested: { b: 1, a: [1, 'x'] } },
            },
            new Date(),
          ),
        ),
      ),
    );
    expect(await verifyAuditChain(database.db, councilId)).toEqual({ intact: true, events: 30 });
  });

  it('chains access events asked for at once, in the order asked, one failing alone', async () => {
    const look = (i: number, after?: unknown) =>
      recordAccess(
        database.db,
        actor,
        { action: 'thing.seen', recordType: 'thing', recordId: String(i), after },
        new Date(),
      );
    const looks = Array.from({ length: 10 }, (_, i) => look(i));
    // A value JSON cannot hold fails its own event, not the others written with it.
    const bad = look(10, { n: 1n });
    const more = Array.from({ length: 10 }, (_, i) => look(11 + i));
    await expect(bad).rejects.toThrow(/BigInt/);
    await Promise.all([...looks, ...more]);
    expect(await verifyAuditChain(database.db, councilId)).toEqual({ intact: true, events: 50 });
    const seen = await database.db
      .selectFrom('audit_event')
      .select('record_id')
      .where('council_id', '=', councilId)
      .where('action', '=', 'thing.seen')
      .orderBy('seq')
      .execute();
    expect(seen.map((event) => Number(event.record_id))).toEqual(
      [...Array(21).keys()].filter((i) => i !== 10),
    );
  });

  it('keeps one chain when the head moved since this process last appended', async () => {
    // A second copy of the module stands for a second process: it knows nothing of the first's
    // appends, and the first nothing of its own.
    vi.resetModules();
    const other = await import('../../src/platform/audit/audit-trail.ts');
    expect(other.appendAudit).not.toBe(appendAudit);
    const entry = (i: number) => ({ action: 'thing.changed', recordType: 'thing', recordId: String(i) });
    const append = (using: typeof appendAudit, i: number) =>
      database.db.transaction().execute((trx) => using(trx, actor, entry(i), new Date()));
    await append(appendAudit, 50);
    await append(other.appendAudit, 51);
    await append(appendAudit, 52);
    // An append whose transaction is rolled back leaves a head that never was.
    await expect(
      database.db.transaction().execute(async (trx) => {
        await appendAudit(trx, actor, entry(53), new Date());
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    await append(appendAudit, 54);
    await Promise.all(
      Array.from({ length: 20 }, (_, i) => append(i % 2 ? appendAudit : other.appendAudit, 60 + i)),
    );
    await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        (i % 2 ? recordAccess : other.recordAccess)(database.db, actor, entry(80 + i), new Date()),
      ),
    );
    expect(await verifyAuditChain(database.db, councilId)).toEqual({ intact: true, events: 84 });
  });

  it('refuses to update, delete or truncate an event', async () => {
    await expect(
      sql`update audit_event set action = 'x' where council_id = ${councilId}`.execute(database.db),
    ).rejects.toThrow(/append-only/);
    await expect(
      sql`delete from audit_event where council_id = ${councilId}`.execute(database.db),
    ).rejects.toThrow(/append-only/);
    await expect(sql`truncate audit_event`.execute(database.db)).rejects.toThrow(/append-only/);
  });

  it('detects an event whose content was changed behind the trigger’s back', async () => {
    await sql`alter table audit_event disable trigger audit_event_no_update`.execute(database.db);
    await sql`update audit_event set after = '{"n": 999}' where council_id = ${councilId} and seq = 7`.execute(
      database.db,
    );
    await sql`alter table audit_event enable trigger audit_event_no_update`.execute(database.db);
    const verdict = await verifyAuditChain(database.db, councilId);
    expect(verdict).toMatchObject({ intact: false, brokenAt: 7, events: 6 });
    expect(verdict.intact ? '' : verdict.reason).toMatch(/changed/);
  });

  it('detects a removed event', async () => {
    await sql`alter table audit_event disable trigger audit_event_no_update`.execute(database.db);
    await sql`delete from audit_event where council_id = ${councilId} and seq >= 7`.execute(database.db);
    await sql`delete from audit_event where council_id = ${councilId} and seq = 3`.execute(database.db);
    await sql`alter table audit_event enable trigger audit_event_no_update`.execute(database.db);
    const verdict = await verifyAuditChain(database.db, councilId);
    expect(verdict).toMatchObject({ intact: false, brokenAt: 3 });
    expect(verdict.intact ? '' : verdict.reason).toMatch(/missing/);
  });
});
