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
  sent_by: string | null;
  sent_at: Date;
}

export interface LettersTables {
  letter_template: LetterTemplateTable;
  letter: LetterTable;
}
