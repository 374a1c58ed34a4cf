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

export interface SignInProviderTable {
  council_id: string;
  display_name: string;
  issuer: string;
  client_id: string;
  secret_source: 'env' | 'file';
  secret_ref: string;
  // Lower-case domains, separated by spaces.
  allowed_domains: string;
  password_sign_in: boolean;
  updated_at: Date;
}

export interface PersonIdentityTable {
  council_id: string;
  issuer: string;
  subject: string;
  person_id: string;
  linked_at: Date;
}

export interface AuthTables {
  session: SessionTable;
  api_token: ApiTokenTable;
  sign_in_provider: SignInProviderTable;
  person_identity: PersonIdentityTable;
}
