import type { Generated } from 'kysely';

// The tables this owns, as Kysely sees them. No other module or platform area reads or writes them.
// Where a message in the outbox stands, email or text.
export type OutboundState = 'queued' | 'retrying' | 'sent' | 'failed';

export interface OutboundEmailTable {
  council_id: string;
  id: string;
  recipient: string;
  subject: string;
  body: string;
  secrets: Generated<string[]>;
  state: Generated<OutboundState>;
  attempts: Generated<number>;
  last_error: string | null;
  created_at: Date;
  sent_at: Date | null;
}

export interface OutboundEmailAttachmentTable {
  council_id: string;
  email_id: string;
  position: number;
  filename: string;
  content_type: string;
  size: number;
  content: Buffer | null;
}

export interface OutboundSmsTable {
  council_id: string;
  id: string;
  recipient: string;
  body: string;
  state: Generated<OutboundState>;
  attempts: Generated<number>;
  last_error: string | null;
  created_at: Date;
  sent_at: Date | null;
  notify_id: string | null;
}

export interface NotifyTables {
  outbound_email: OutboundEmailTable;
  outbound_email_attachment: OutboundEmailAttachmentTable;
  outbound_sms: OutboundSmsTable;
}
