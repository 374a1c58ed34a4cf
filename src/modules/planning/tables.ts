// The tables this owns, as Kysely sees them. No other module or platform area reads or writes them.
import type { ColumnType, Generated } from 'kysely';

// Written as JSON text, read back as the value; changed as the team leader adjusts the day.
type Doc = ColumnType<unknown, string, string>;

export interface RouteProposalTable {
  council_id: string;
  id: string;
  plan_date: string;
  responsible_officer_id: string;
  day: Doc;
  routes: Doc;
  unplanned: Doc;
  version: Generated<number>;
  made: ColumnType<unknown, string | undefined, string>;
  making_since: Date | null;
  made_at: Date | null;
  created_by: string;
  created_at: Date;
  updated_at: Date;
}

export interface PlanningTables {
  route_proposal: RouteProposalTable;
}
