// The tables this owns, as Kysely sees them. No other module or platform area reads or writes them.
import type { ColumnType, Generated } from 'kysely';

// JSON columns are written as text and read back as the value; routes change as the day is adjusted.
export interface RouteProposalTable {
  council_id: string;
  id: string;
  plan_date: string;
  responsible_officer_id: string;
  day: ColumnType<unknown, string, string>;
  routes: ColumnType<unknown, string, string>;
  unplanned: ColumnType<unknown, string, string>;
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
