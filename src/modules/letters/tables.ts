import type { ColumnType } from 'kysely';

// The tables this owns, as Kysely sees them. No other module or platform area reads or writes them.
export interface LetterTemplateTable {
  council_id: string;
  kind: string;
  subject: string;
  body: string;
  updated_by: string;
  updated_at: Date;
}

export interface LetterTable {
  council_id: string;
  id: string;
  complaint_id: string | null;
  customer_id: string;
  kind: string;
  recipient_name: string;
  recipient_email: string;
  recipient_address: string;
  subject: string;
  body: string;
  emailed: boolean;
  state: string;
  version: number;
  written_by: string | null;
  written_at: Date;
  edited_by: string | null;
  edited_at: Date | null;
  submitted_by: string | null;
  submitted_at: Date | null;
  approved_by: string | null;
  returned_by: string | null;
  return_reason: string;
  // The words a change must keep as written, by placeholder: JSON of { name: text }.
  kept: ColumnType<unknown, string, string>;
  sent_by: string | null;
  sent_at: Date | null;
}

export interface LettersTables {
  letter_template: LetterTemplateTable;
  letter: LetterTable;
}
