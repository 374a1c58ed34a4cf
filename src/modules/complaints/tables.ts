import type { ColumnType, Generated } from 'kysely';

// The tables this owns, as Kysely sees them. No other module or platform area reads or writes them.
export interface ComplaintReferenceCounterTable {
  council_id: string;
  year: number;
  last_number: number;
}

export interface ComplaintTable {
  council_id: string;
  id: string;
  reference: string;
  customer_id: string;
  representative_name: string;
  representative_relationship: string;
  contact_email: string;
  contact_phone: string;
  contact_address: string;
  contact_preference: string;
  service_id: string | null;
  service_name: string;
  what_happened: string;
  happened_on: string | null;
  wanted_outcome: string;
  adjustments: string;
  channel: string;
  received_at: Date;
  received_on: string;
  logged_by: string | null;
  regime: string;
  housing: boolean;
  status: string;
  stage: number;
  triage_decision: string | null;
  triage_reason: string;
  statutory_route: string | null;
  category: string | null;
  late_accepted: boolean;
  triaged_by: string | null;
  triaged_at: Date | null;
  resolved_on: string | null;
  closed_at: Date | null;
  anonymised_at: Date | null;
  updated_at: Date;
  // The complaint this one was merged into as its duplicate (status 'merged').
  duplicate_of: string | null;
}

// A pair of complaints an officer kept apart as not duplicates; the lower id first.
export interface ComplaintDuplicateDismissalTable {
  council_id: string;
  complaint_id: string;
  other_id: string;
  dismissed_by: string;
  dismissed_at: Date;
}

export interface ComplaintStageTable {
  council_id: string;
  complaint_id: string;
  stage: number;
  started_on: string;
  handler_id: string | null;
  handler_name: string | null;
  allocated_at: Date | null;
  acknowledge_by: string;
  acknowledged_on: string | null;
  respond_by: string | null;
  deadline_basis: string;
  extended_to: string | null;
  extension_reason: string;
  extended_at: Date | null;
  escalation_reason: string;
  responded_on: string | null;
  outcome: string | null;
  findings: string;
}

export interface ComplaintAccountRequestTable {
  council_id: string;
  id: string;
  complaint_id: string;
  stage: number;
  person_id: string;
  person_name: string;
  asked_as: string;
  question: string;
  due_on: string;
  requested_by: string;
  requested_at: Date;
  account: string | null;
  answered_at: Date | null;
}

export interface ComplaintRemedyTable {
  council_id: string;
  id: string;
  complaint_id: string;
  stage: number;
  kind: string;
  description: string;
  amount_pence: number | null;
  owner_id: string;
  due_on: string;
  done_on: string | null;
  done_by: string | null;
  recorded_by: string;
  recorded_at: Date;
}

export interface ServiceImprovementTable {
  council_id: string;
  id: string;
  complaint_id: string;
  service_id: string | null;
  service_name: string;
  description: string;
  recorded_by: string;
  recorded_at: Date;
}

export interface ComplaintDocumentTable {
  council_id: string;
  id: string;
  complaint_id: string;
  purpose: string;
  file_name: string;
  content_type: string;
  size_bytes: number;
  content: Buffer | null;
  uploaded_by: string | null;
  uploaded_at: Date;
}

export interface OmbudsmanCaseTable {
  council_id: string;
  id: string;
  complaint_id: string;
  ombudsman: string;
  their_reference: string;
  received_on: string;
  enquiry: string;
  respond_by: string | null;
  responded_on: string | null;
  decision: string | null;
  decided_on: string | null;
  remedy: string;
  remedy_due_on: string | null;
  remedy_done_on: string | null;
  closed_on: string | null;
  recorded_by: string;
  recorded_at: Date;
  updated_at: Date;
}

export interface ComplaintReminderTable {
  council_id: string;
  complaint_id: string;
  stage: number;
  deadline: string;
  due_on: string;
  sent_at: Date;
}

export interface ComplaintDraftTable {
  council_id: string;
  id: string;
  answers: ColumnType<unknown, string, string>;
  updated_at: Date;
}

export interface ComplaintDraftDocumentTable {
  council_id: string;
  draft_id: string;
  id: string;
  purpose: string;
  file_name: string;
  content_type: string;
  size_bytes: number;
  content: Buffer;
  uploaded_at: Date;
}

// A handler's open stages counted by the date each is next due, kept by triggers on complaint_stage.
export interface ComplaintStageDueTallyTable {
  council_id: string;
  handler_id: string;
  due: string;
  open: number;
}

// Daily ceilings on the public complaint form.
export interface PublicIntakeDayTable {
  council_id: string;
  day: string;
  drafts: Generated<number>;
  upload_bytes: Generated<number>;
}

export interface ComplaintsTables {
  complaint_reference_counter: ComplaintReferenceCounterTable;
  complaint: ComplaintTable;
  complaint_duplicate_dismissal: ComplaintDuplicateDismissalTable;
  complaint_stage: ComplaintStageTable;
  complaint_stage_due_tally: ComplaintStageDueTallyTable;
  complaint_account_request: ComplaintAccountRequestTable;
  complaint_remedy: ComplaintRemedyTable;
  service_improvement: ServiceImprovementTable;
  complaint_document: ComplaintDocumentTable;
  ombudsman_case: OmbudsmanCaseTable;
  complaint_reminder: ComplaintReminderTable;
  complaint_draft: ComplaintDraftTable;
  complaint_draft_document: ComplaintDraftDocumentTable;
  public_intake_day: PublicIntakeDayTable;
}
