import type { ColumnType } from 'kysely';
import type { Json } from '../../platform/db/columns.ts';

// The tables this owns, as Kysely sees them. No other module or platform area reads or writes them.
export interface GiftReferenceCounterTable {
  council_id: string;
  year: number;
  last_number: number;
}

export interface GiftOfferTable {
  council_id: string;
  id: string;
  reference: string;
  recipient_id: string;
  recipient_name: string;
  job_title: string;
  service_id: string | null;
  service_name: string;
  senior: boolean;
  register_key: string;
  kind: string;
  nature: string;
  description: string;
  offeror_person: string;
  offeror_organisation: string;
  offeror_key: string;
  relationship: string;
  value_pence: number;
  offered_on: string;
  event_on: string | null;
  state: string;
  reason: string;
  outcome: string;
  verdict: ColumnType<unknown, string, string>;
  approver_id: string | null;
  approval_decision: string | null;
  approval_comment: string;
  approval_decided_by_name: string | null;
  approval_decided_at: Date | null;
  version: number;
  recorded_by: string;
  recorded_at: Date;
  updated_at: Date;
  anonymised_at: Date | null;
}

export interface GiftOfferVersionTable {
  council_id: string;
  offer_id: string;
  version: number;
  entry: Json;
  change_reason: string;
  changed_by: string | null;
  changed_by_name: string;
  changed_at: Date;
}

export interface GiftReviewTable {
  council_id: string;
  register_key: string;
  period_start: string;
  period_end: string;
  signed_by: string;
  signed_by_name: string;
  signed_at: Date;
  comment: string;
}

export interface GiftReviewEntryTable {
  council_id: string;
  register_key: string;
  period_start: string;
  offer_id: string;
  version: number;
}

export interface GiftReviewReminderTable {
  council_id: string;
  register_key: string;
  period_start: string;
  last_sent_at: Date;
}

export interface GiftQueryTable {
  council_id: string;
  id: string;
  offer_id: string;
  asked_by: string;
  asked_by_name: string;
  question: string;
  asked_at: Date;
  answer: string | null;
  answered_at: Date | null;
}

export interface GiftDraftTable {
  council_id: string;
  id: string;
  person_id: string;
  answers: ColumnType<unknown, string, string>;
  updated_at: Date;
}

export interface GiftsTables {
  gift_reference_counter: GiftReferenceCounterTable;
  gift_offer: GiftOfferTable;
  gift_offer_version: GiftOfferVersionTable;
  gift_review: GiftReviewTable;
  gift_review_entry: GiftReviewEntryTable;
  gift_review_reminder: GiftReviewReminderTable;
  gift_query: GiftQueryTable;
  gift_draft: GiftDraftTable;
}
