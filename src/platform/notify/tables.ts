import type { Generated } from 'kysely';

// The tables this owns, as Kysely sees them. No other module or platform area reads or writes them.
export type OutboundEmailState = 'queued' | 'retrying' | 'sent' | 'failed';

export interface OutboundEmailTable {
  council_id: string;
  id: string;
  recipient: string;
  subject: string;
  body: string;
  secrets: Generated<string[]>;
  state: Generated<OutboundEmailState>;
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

export interface NotifyTables {
  outbound_email: OutboundEmailTable;
  outbound_email_attachment: OutboundEmailAttachmentTable;
}
