import { type Kysely, sql } from 'kysely';
import type { Database } from '../../src/platform/db/schema.ts';

// How many rows a table holds, across councils: for tests that a refused request stored nothing.
export async function rowCount(db: Kysely<Database>, table: keyof Database & string): Promise<number> {
  const { rows } = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(db);
  return Number(rows[0]?.n ?? 0);
}

// The audit events that match every condition given, oldest first.
export function auditEvents(
  db: Kysely<Database>,
  where: { action?: string; recordId?: string; actorId?: string },
) {
  let query = db.selectFrom('audit_event').selectAll().orderBy('seq');
  if (where.action) query = query.where('action', '=', where.action);
  if (where.recordId) query = query.where('record_id', '=', where.recordId);
  if (where.actorId) query = query.where('actor_id', '=', where.actorId);
  return query.execute();
}
