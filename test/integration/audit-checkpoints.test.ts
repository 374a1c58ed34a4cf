import { appendFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { seedDemoCouncil } from '../../src/modules/organisation/councils/demo.ts';
import { listCouncils } from '../../src/modules/organisation/councils/repository.ts';
import { verifyAuditChain } from '../../src/platform/audit/audit-chain.ts';
import { writeCheckpoints } from '../../src/platform/audit/audit-checkpoints.ts';
import { toAuditEvent } from '../../src/platform/audit/audit-query.ts';
import { appendAudit, eventHash } from '../../src/platform/audit/audit-trail.ts';
import { checkpointFile, signCheckpoint } from '../../src/platform/audit/checkpoint-file.ts';
import { verifyAuditTrails } from '../../src/platform/audit/verify-audit.ts';
import { fixedClock, systemClock } from '../../src/platform/clock.ts';
import { type DatabaseHandle, openDatabase } from '../../src/platform/db/connection.ts';
import { uuidv7 } from '../../src/platform/db/ids.ts';
import { migrateToLatest } from '../../src/platform/db/migrator.ts';
import type { Database } from '../../src/platform/db/schema.ts';
import { databaseKinds, freshDatabase } from '../support/databases.ts';
import { runProbityCommand } from '../support/process.ts';

const key = 'a-checkpoint-key-kept-away-from-the-database';

// What someone with write access to the database can do once they turn the trigger off.
async function behindTheTrigger(db: Kysely<Database>, change: () => Promise<unknown>) {
  await sql`alter table audit_event disable trigger audit_event_no_update`.execute(db);
  try {
    await change();
  } finally {
    await sql`alter table audit_event enable trigger audit_event_no_update`.execute(db);
  }
}

async function removeEventsFrom(db: Kysely<Database>, councilId: string, seq: number) {
  await behindTheTrigger(db, async () => {
    await db.deleteFrom('audit_event').where('council_id', '=', councilId).where('seq', '>=', seq).execute();
    const last = await db
      .selectFrom('audit_event')
      .select(['seq', 'hash'])
      .where('council_id', '=', councilId)
      .where('seq', '=', seq - 1)
      .executeTakeFirstOrThrow();
    await db.updateTable('audit_head').set(last).where('council_id', '=', councilId).execute();
  });
}

// Changes one event and hashes it and every later event again, so the chain holds together.
async function rewriteEvent(db: Kysely<Database>, councilId: string, seq: number, after: unknown) {
  const rows = await db
    .selectFrom('audit_event')
    .selectAll()
    .where('council_id', '=', councilId)
    .where('seq', '>=', seq)
    .orderBy('seq')
    .execute();
  let prevHash = rows[0]?.prev_hash ?? '';
  await behindTheTrigger(db, async () => {
    for (const row of rows) {
      const { prevHash: _p, hash: _h, ...content } = toAuditEvent(row);
      const changed = row.seq === seq ? { ...content, after } : content;
      const hash = eventHash(prevHash, changed);
      await sql`update audit_event set after = ${JSON.stringify(changed.after)}::jsonb,
                  prev_hash = ${prevHash}, hash = ${hash}
                where council_id = ${councilId} and seq = ${row.seq}`.execute(db);
      prevHash = hash;
    }
  });
  await db.updateTable('audit_head').set({ hash: prevHash }).where('council_id', '=', councilId).execute();
}

describe.each(databaseKinds)('audit checkpoints on %s', (kind) => {
  let database: DatabaseHandle;
  let dir: string;
  const clock = fixedClock(new Date('2026-11-23T09:00:00Z'));
  const errors: string[] = [];
  const log = {
    info() {},
    warn() {},
    error(_details: object, message: string) {
      errors.push(message);
    },
  };

  beforeAll(async () => {
    database = await freshDatabase(kind);
    dir = await mkdtemp(join(tmpdir(), 'probity-checkpoints-'));
  });
  afterAll(async () => {
    await database.close();
    await rm(dir, { recursive: true, force: true });
  });

  const checkpoint = () => writeCheckpoints({ db: database.db, clock, log, dir }, key);
  const verify = async () =>
    verifyAuditTrails(database.db, await listCouncils(database.db), { key: { secret: key }, dir });
  const linesOf = async (councilId: string) =>
    (await readFile(checkpointFile(dir, councilId), 'utf8')).trimEnd().split('\n');

  async function councilWithEvents(name: string, events: number): Promise<string> {
    const councilId = uuidv7();
    await database.db
      .insertInto('council')
      .values({ council_id: councilId, name, slug: name.toLowerCase(), division: 'scotland' })
      .execute();
    await appendEvents(councilId, events);
    return councilId;
  }

  async function appendEvents(councilId: string, events: number) {
    for (let i = 0; i < events; i += 1) {
      const actor = { councilId, personId: null, label: 'Test' };
      const entry = { action: 'thing.changed', recordType: 'thing', recordId: String(i), after: { n: i } };
      await database.db.transaction().execute((trx) => appendAudit(trx, actor, entry, clock.now()));
    }
  }

  it('signs a head when it has moved, and finds an untouched trail intact', async () => {
    const councilId = await councilWithEvents('Anchored', 5);
    expect(await checkpoint()).toMatchObject({ [councilId]: 'signed' });
    clock.advance(5 * 60_000);
    expect(await checkpoint()).toMatchObject({ [councilId]: 'unchanged' });
    await appendEvents(councilId, 2);
    expect(await checkpoint()).toMatchObject({ [councilId]: 'signed' });
    expect(await linesOf(councilId)).toHaveLength(2);
    expect(await verify()).toEqual({
      intact: true,
      lines: [
        'Anchored: intact, 7 events; agrees with 2 checkpoints, the latest signed at 2026-11-23T09:05:00.000Z at event 7',
      ],
    });
  });

  it('reports the last events removed, even with the head moved back to match', async () => {
    const councilId = await councilWithEvents('Truncated', 10);
    await checkpoint();
    await removeEventsFrom(database.db, councilId, 8);
    expect(await verifyAuditChain(database.db, councilId)).toEqual({ intact: true, events: 7 });
    const report = await verify();
    expect(report.intact).toBe(false);
    expect(report.lines).toContain(
      'Truncated: BROKEN. truncated: the chain ends at 7 but a checkpoint signed at 2026-11-23T09:05:00.000Z saw 10',
    );
  });

  it('reports a chain rewritten and hashed again, and signs no checkpoint over it', async () => {
    const councilId = await councilWithEvents('Rewritten', 10);
    await checkpoint();
    await rewriteEvent(database.db, councilId, 4, { n: 'something else' });
    expect(await verifyAuditChain(database.db, councilId)).toEqual({ intact: true, events: 10 });
    await appendEvents(councilId, 1);
    expect(await checkpoint()).toMatchObject({ [councilId]: 'diverged' });
    expect(errors).toContain('audit trail no longer matches its last checkpoint: run verify-audit');
    expect(await linesOf(councilId)).toHaveLength(1);
    expect((await verify()).lines).toContain(
      "Rewritten: BROKEN. rewritten: event 10's hash differs from the checkpoint signed at 2026-11-23T09:05:00.000Z",
    );
  });

  it('reports checkpoints that are not signed with the key, or not checkpoints at all', async () => {
    const councilId = await councilWithEvents('Forged', 3);
    await checkpoint();
    await rewriteEvent(database.db, councilId, 2, { n: 'forged' });
    const head = await database.db
      .selectFrom('audit_head')
      .select(['seq', 'hash'])
      .where('council_id', '=', councilId)
      .executeTakeFirstOrThrow();
    const at = '2026-11-23T10:00:00.000Z';
    const forged = signCheckpoint('a-guessed-key-that-is-not-the-real-one', { councilId, ...head, at });
    await appendFile(checkpointFile(dir, councilId), `${JSON.stringify(forged)}\n{"seq": 3}\n`);
    const lines = (await verify()).lines.filter((line) => line.startsWith('Forged:'));
    expect(lines).toEqual([
      'Forged: BROKEN. forged: the checkpoint on line 2, dated 2026-11-23T10:00:00.000Z for event 3, is not signed with the key',
      'Forged: BROKEN. tampered: line 3 of the checkpoint file is not a checkpoint',
      "Forged: BROKEN. rewritten: event 3's hash differs from the checkpoint signed at 2026-11-23T09:05:00.000Z",
    ]);
  });

  it('reports a checkpoint copied from another council’s file', async () => {
    const source = await councilWithEvents('Source', 2);
    const target = await councilWithEvents('Target', 2);
    await checkpoint();
    const [copied] = await linesOf(source);
    await appendFile(checkpointFile(dir, target), `${copied}\n`);
    expect((await verify()).lines).toContain(
      'Target: BROKEN. forged: the checkpoint on line 2, dated 2026-11-23T09:05:00.000Z for event 2, is not signed with the key',
    );
  });

  it('reports checkpoints of a council that is no longer in the database', async () => {
    const gone = uuidv7();
    const signed = signCheckpoint(key, {
      councilId: gone,
      seq: 1,
      hash: 'a'.repeat(64),
      at: clock.now().toISOString(),
    });
    await writeFile(checkpointFile(dir, gone), `${JSON.stringify(signed)}\n`);
    expect((await verify()).lines).toContain(
      `${checkpointFile(dir, gone)}: BROKEN. Its council is not in the database`,
    );
  });
});

describe('npm run verify-audit', () => {
  it('exits 0 while the trail agrees with its checkpoints and 1, saying why, once events are removed', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'probity-verify-audit-'));
    const env = { AUDIT_CHECKPOINT_KEY: key };
    const openData = () => openDatabase({ dataDir: join(dataDir, 'db') });
    const seeded = await openData();
    await migrateToLatest(seeded.db);
    const { councilId } = await seedDemoCouncil(seeded.db, systemClock);
    const { dir } = loadConfig({ DATA_DIR: dataDir, ...env }).auditCheckpoints;
    const log = { info() {}, warn() {}, error() {} };
    await writeCheckpoints({ db: seeded.db, clock: systemClock, log, dir }, key);
    await seeded.close();
    try {
      const intact = await runProbityCommand(dataDir, ['verify-audit'], env);
      expect(intact.stdout).toMatch(/Demo District Council: intact, \d+ events; agrees with 1 checkpoint,/);
      expect(intact.code).toBe(0);
      const tampered = await openData();
      await removeEventsFrom(tampered.db, councilId, 2);
      await tampered.close();
      const truncated = await runProbityCommand(dataDir, ['verify-audit'], env);
      expect(truncated.stdout).toMatch(
        /Demo District Council: BROKEN. truncated: the chain ends at 1 but a checkpoint signed at \S+ saw \d+/,
      );
      expect(truncated.code).toBe(1);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
