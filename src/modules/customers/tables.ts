// The tables this owns, as Kysely sees them. No other module or platform area reads or writes them.
export interface CustomerTable {
  council_id: string;
  id: string;
  name: string;
  email: string;
  phone: string;
  address: string;
  name_key: string;
  category: string;
  single_point_of_contact_id: string | null;
  category_review_on: string | null;
  created_at: Date;
  updated_at: Date;
  anonymised_at: Date | null;
}

export interface CustomerContactTable {
  council_id: string;
  id: string;
  customer_id: string;
  occurred_at: Date;
  channel: string;
  minutes: number;
  summary: string;
  outcome: string;
  correspondence: string;
  complaint_id: string | null;
  logged_by: string;
  logged_by_name: string;
  logged_at: Date;
}

export interface CustomerCategorisationTable {
  council_id: string;
  id: string;
  customer_id: string;
  category: string;
  behaviour: string;
  evidence: string;
  equality_check: string;
  single_point_of_contact_id: string | null;
  review_on: string | null;
  letter_id: string | null;
  decided_by: string;
  decided_by_name: string;
  decided_at: Date;
}

export interface ContactRestrictionTable {
  council_id: string;
  id: string;
  customer_id: string;
  kind: string;
  scope_service_id: string | null;
  scope_service_name: string;
  detail: string;
  reason: string;
  named_officer_id: string | null;
  starts_on: string;
  review_on: string;
  ended_on: string | null;
  ends_on: string | null;
  end_reason: string;
  imposed_by: string;
  imposed_at: Date;
}

export interface BehaviourReviewTable {
  council_id: string;
  id: string;
  customer_id: string;
  requested_on: string | null;
  request: string;
  decision: string | null;
  notes: string;
  letter_id: string | null;
  recorded_by: string;
  recorded_at: Date;
  decided_by: string | null;
  decided_at: Date | null;
}

export interface BehaviourReviewReminderTable {
  council_id: string;
  customer_id: string;
  due_on: string;
  sent_at: Date;
}

export interface CustomersTables {
  customer: CustomerTable;
  customer_contact: CustomerContactTable;
  customer_categorisation: CustomerCategorisationTable;
  contact_restriction: ContactRestrictionTable;
  behaviour_review: BehaviourReviewTable;
  behaviour_review_reminder: BehaviourReviewReminderTable;
}
