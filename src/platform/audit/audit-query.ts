import { type Kysely, type Selectable, sql } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { AuditEvent } from './audit-trail.ts';
import type { AuditEventTable } from './tables.ts';

export type AuditFilter = {
  actorId?: string | undefined;
  recordType?: string | undefined;
  recordId?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
};

type AuditPage = { events: AuditEvent[]; nextCursor: number | null };

export function toAuditEvent(row: Selectable<AuditEventTable>): AuditEvent {
  return {
    councilId: row.council_id,
    seq: row.seq,
    id: row.id,
    occurredAt: row.occurred_at,
    actorId: row.actor_id,
    actorLabel: row.actor_label,
    action: row.action,
    recordType: row.record_type,
    recordId: row.record_id,
    before: row.before,
    after: row.after,
    requestId: row.request_id,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

// Newest first, paged by sequence number so a page costs the same at any depth.
export async function listAuditEvents(
  db: Kysely<Database>,
  councilId: string,
  filter: AuditFilter,
  page: { limit: number; before?: number | undefined },
): Promise<AuditPage> {
  let query = db.selectFrom('audit_event').selectAll().where('council_id', '=', councilId);
  if (filter.actorId) query = query.where('actor_id', '=', filter.actorId);
  if (filter.recordType) query = query.where('record_type', '=', filter.recordType);
  if (filter.recordId) query = query.where('record_id', '=', filter.recordId);
  if (filter.from) query = query.where('occurred_at', '>=', filter.from);
  if (filter.to) query = query.where('occurred_at', '<', filter.to);
  if (page.before !== undefined) query = query.where('seq', '<', page.before);
  const rows = await query
    .orderBy('seq', 'desc')
    .limit(page.limit + 1)
    .execute();
  const events = rows.slice(0, page.limit).map(toAuditEvent);
  const last = events.at(-1);
  return { events, nextCursor: rows.length > page.limit && last ? last.seq : null };
}

// The distinct record types, by skipping through the index rather than reading every event.
export async function auditRecordTypes(db: Kysely<Database>, councilId: string): Promise<string[]> {
  const { rows } = await sql<{ record_type: string }>`
    with recursive types as (
      (select record_type from audit_event where council_id = ${councilId} order by record_type limit 1)
      union all
      select (select e.record_type from audit_event e
              where e.council_id = ${councilId} and e.record_type > types.record_type
              order by e.record_type limit 1)
      from types where types.record_type is not null
    )
    select record_type from types where record_type is not null`.execute(db);
  return rows.map((row) => row.record_type);
}

// Every event the filter matches, newest first, a batch at a time so that memory stays flat.
export async function* auditEventBatches(
  db: Kysely<Database>,
  councilId: string,
  filter: AuditFilter,
  batchSize = 1000,
): AsyncGenerator<AuditEvent[]> {
  let before: number | undefined;
  do {
    const page = await listAuditEvents(db, councilId, filter, { limit: batchSize, before });
    if (page.events.length) yield page.events;
    before = page.nextCursor ?? undefined;
  } while (before !== undefined);
}
