// The tables this owns, as Kysely sees them. No other module or platform area reads or writes them.
export interface SessionTable {
  council_id: string;
  id: string;
  person_id: string;
  created_at: Date;
  last_seen_at: Date;
  expires_at: Date;
}

export interface ApiTokenTable {
  council_id: string;
  id: string;
  person_id: string;
  name: string;
  token_hash: string;
  scope: string;
  created_at: Date;
  expires_at: Date | null;
  last_used_at: Date | null;
  revoked_at: Date | null;
}

export interface AuthTables {
  session: SessionTable;
  api_token: ApiTokenTable;
}
