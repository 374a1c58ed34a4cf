import type { Json } from '../db/columns.ts';

// The tables this owns, as Kysely sees them. No other module or platform area reads or writes them.
export interface AuditHeadTable {
  council_id: string;
  seq: number;
  hash: string;
}

export interface AuditEventTable {
  council_id: string;
  seq: number;
  id: string;
  occurred_at: Date;
  actor_id: string | null;
  actor_label: string;
  action: string;
  record_type: string;
  record_id: string | null;
  before: Json;
  after: Json;
  request_id: string | null;
  prev_hash: string;
  hash: string;
}

export interface AuditTables {
  audit_head: AuditHeadTable;
  audit_event: AuditEventTable;
}
