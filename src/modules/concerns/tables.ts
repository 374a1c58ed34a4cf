// The tables this owns, as Kysely sees them. No other module or platform area reads or writes them.
// Every `sealed` column is AES-256-GCM ciphertext under the concern's data key (see crypto.ts).
export interface ConcernTable {
  council_id: string;
  id: string;
  reference: string;
  category: string;
  route: string;
  anonymous: boolean;
  identity_protected: boolean;
  receipt_id: string;
  receipt_hash: string;
  key_version: number;
  // Null once the concern is anonymised: its data key destroyed (crypto-shredding).
  wrapped_key: Buffer | null;
  sealed: Buffer;
  received_at: Date;
  received_on: string;
  acknowledged_on: string | null;
  feedback_on: string | null;
  outcome: string | null;
  reporter_told: boolean | null;
  closed_on: string | null;
  anonymised_at: Date | null;
}

export interface ConcernInvestigatorTable {
  council_id: string;
  concern_id: string;
  person_id: string;
}

export interface ConcernMessageTable {
  council_id: string;
  concern_id: string;
  seq: number;
  from_reporter: boolean;
  author_id: string | null;
  kind: string;
  sealed: Buffer;
  sent_at: Date;
}

export interface ConcernDocumentTable {
  council_id: string;
  concern_id: string;
  id: string;
  content_type: string;
  byte_size: number;
  from_reporter: boolean;
  sealed_name: Buffer;
  sealed_content: Buffer;
  added_on: string;
}

export interface ConcernReminderTable {
  council_id: string;
  concern_id: string;
  kind: string;
  sent_on: string;
}

export interface ConcernReferenceCounterTable {
  council_id: string;
  year: number;
  last: number;
}

export interface ConcernsTables {
  concern: ConcernTable;
  concern_investigator: ConcernInvestigatorTable;
  concern_message: ConcernMessageTable;
  concern_document: ConcernDocumentTable;
  concern_reminder: ConcernReminderTable;
  concern_reference_counter: ConcernReferenceCounterTable;
}
