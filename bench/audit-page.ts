import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Kysely, sql } from 'kysely';
import { seedDemoCouncil } from '../src/modules/organisation/councils/demo.ts';
import { eventHash } from '../src/platform/audit/audit-trail.ts';
import { startSession } from '../src/platform/auth/sessions.ts';
import { systemClock } from '../src/platform/clock.ts';
import { type DatabaseKind, openDatabase } from '../src/platform/db/connection.ts';
import { uuidv7 } from '../src/platform/db/ids.ts';
import { migrateToLatest } from '../src/platform/db/migrator.ts';
import type { Database } from '../src/platform/db/schema.ts';
import {
  firstVisit,
  load,
  loadFigures,
  peakMemoryMb,
  scratchServerDatabase,
  startProbity,
  stop,
} from './support.ts';

const events = 100_000;

// Appends a valid chain of synthetic events after the council's real ones.
async function fillAuditTrail(db: Kysely<Database>, councilId: string, actorId: string) {
  const head = await db
    .selectFrom('audit_head')
    .select(['seq', 'hash'])
    .where('council_id', '=', councilId)
    .executeTakeFirstOrThrow();
  let { seq, hash } = head;
  const start = Date.now() - events * 1000;
  while (seq < head.seq + events) {
    const rows = [];
    for (let i = 0; i < 1000 && seq < head.seq + events; i++) {
      seq += 1;
      const occurredAt = new Date(start + seq * 1000);
      const event = {
        councilId,
        seq,
        id: uuidv7(occurredAt.getTime()),
        occurredAt,
        actorId,
        actorLabel: 'Benchmark',
        action: 'thing.updated',
        recordType: ['person', 'policy', 'gift', 'declaration'][seq % 4] ?? 'person',
        recordId: String(seq % 5000),
        before: { value: seq - 1 },
        after: { value: seq },
        requestId: null,
      };
      const next = eventHash(hash, event);
      rows.push({
        council_id: councilId,
        seq,
        id: event.id,
        occurred_at: occurredAt,
        actor_id: actorId,
        actor_label: event.actorLabel,
        action: event.action,
        record_type: event.recordType,
        record_id: event.recordId,
        before: JSON.stringify(event.before),
        after: JSON.stringify(event.after),
        request_id: null,
        prev_hash: hash,
        hash: next,
      });
      hash = next;
    }
    await db.insertInto('audit_event').values(rows).execute();
  }
  await db.updateTable('audit_head').set({ seq, hash }).where('council_id', '=', councilId).execute();
}

// An authenticated page listing 25 of 100,000 audit events, under 32 connections, against a
// trivial route in the same process. Targets: p99 < 100 ms on PostgreSQL, no errors, and at least
// 20% of the trivial route's throughput.
export async function auditPage(kind: DatabaseKind, seconds: number) {
  const dataDir = await mkdtemp(join(tmpdir(), 'probity-bench-audit-'));
  const server = kind === 'postgres' ? await scratchServerDatabase(process.env.DATABASE_URL ?? '') : null;
  try {
    const database = await openDatabase(server ? { url: server.url } : { dataDir: join(dataDir, 'db') });
    await migrateToLatest(database.db);
    const { councilId } = await seedDemoCouncil(database.db, systemClock);
    const auditor = await database.db
      .selectFrom('person as p')
      .innerJoin('person_role as r', (j) =>
        j.onRef('r.council_id', '=', 'p.council_id').onRef('r.person_id', '=', 'p.id'),
      )
      .select('p.id')
      .where('r.role', '=', 'audit')
      .executeTakeFirstOrThrow();
    const filling = performance.now();
    await fillAuditTrail(database.db, councilId, auditor.id);
    // PostgreSQL's autovacuum would gather statistics on its own in a while; the embedded database
    // gathers them at start.
    await sql`analyze audit_event`.execute(database.db);
    const fillMs = performance.now() - filling;
    const cookie = await startSession(database.db, { councilId, personId: auditor.id }, new Date());
    await database.close();

    const { child, port } = await startProbity(
      server ? { DATABASE_URL: server.url } : { DATA_DIR: dataDir, DATABASE_URL: '' },
    );
    try {
      const { headers, status, body } = await firstVisit(`http://127.0.0.1:${port}/audit`, cookie);
      const rows = (body.match(/<tr class="govuk-table__row">/g) ?? []).length - 1;
      if (status !== 200 || rows !== 25)
        throw new Error(`The audit page answered ${status} with ${rows} rows`);
      await load(`http://127.0.0.1:${port}/audit`, headers, 2);
      const page = await load(`http://127.0.0.1:${port}/audit`, headers, seconds);
      const trivial = await load(`http://127.0.0.1:${port}/health/live`, {}, seconds);
      const ratio = page.requestsPerSecond / trivial.requestsPerSecond;
      const label = kind === 'postgres' ? 'PostgreSQL' : 'PGlite (embedded)';
      console.log(
        `\nAudit trail page, 25 of ${events.toLocaleString('en-GB')} events, 32 connections, ${seconds} s, on ${label}`,
      );
      console.log(`  (filled the trail in ${(fillMs / 1000).toFixed(1)} s)`);
      console.log(`  audit page:    ${loadFigures(page)}`);
      console.log(`  trivial route: ${loadFigures(trivial)}`);
      console.log(
        `  throughput ratio ${(ratio * 100).toFixed(0)}% (target >= 20%: ${ratio >= 0.2 ? 'met' : 'MISSED'}); peak memory ${peakMemoryMb(child.pid) ?? '?'} MB`,
      );
      if (kind === 'postgres') console.log(`  p99 target < 100 ms: ${page.p99 < 100 ? 'met' : 'MISSED'}`);
    } finally {
      await stop(child);
    }
  } finally {
    await server?.drop();
    await rm(dataDir, { recursive: true, force: true });
  }
}
