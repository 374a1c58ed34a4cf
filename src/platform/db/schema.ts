import type { ColumnType, Generated, GeneratedAlways } from 'kysely';

// Row types of every table, as Kysely sees them. Timestamps read back as Date; calendar days as
// 'YYYY-MM-DD' strings; int8 as number (see connection.ts).
type CreatedAt = ColumnType<Date, Date | undefined, never>;
type Json = ColumnType<unknown, string | null, never>;

export interface CouncilTable {
  council_id: string;
  name: string;
  slug: string;
  division: string;
  created_at: CreatedAt;
  // Moved by triggers whenever the council's policy, division or calendar overrides change.
  rules_version: Generated<number>;
}

export interface CouncilPolicyTable {
  council_id: string;
  settings: ColumnType<unknown, string, string>;
  updated_at: Date;
}

export interface DirectorateTable {
  council_id: string;
  id: string;
  name: string;
}

export interface ServiceTable {
  council_id: string;
  id: string;
  directorate_id: string;
  name: string;
}

export interface PersonTable {
  council_id: string;
  id: string;
  email: string;
  name: string;
  job_title: string;
  service_id: string | null;
  line_manager_id: string | null;
  employment_type: string;
  politically_restricted: boolean;
  active: Generated<boolean>;
  password_hash: string | null;
  failed_sign_ins: Generated<number>;
  locked_until: Date | null;
  created_at: CreatedAt;
  deactivated_at: Date | null;
}

export interface PersonRoleTable {
  council_id: string;
  person_id: string;
  role: string;
}

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

export interface OneTimeTokenTable {
  council_id: string;
  id: string;
  person_id: string;
  purpose: string;
  token_hash: string;
  created_at: Date;
  expires_at: Date;
  used_at: Date | null;
}

export interface CalendarOverrideTable {
  council_id: string;
  day: string;
  kind: string;
  title: string;
}

export interface AuditHeadTable {
  council_id: string;
  seq: number;
  hash: string;
}

export interface AuditEventTable {
  council_id: string;
  seq: number;
  id: string;
  occurred_at: Date;
  actor_id: string | null;
  actor_label: string;
  action: string;
  record_type: string;
  record_id: string | null;
  before: Json;
  after: Json;
  request_id: string | null;
  prev_hash: string;
  hash: string;
}

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

export interface DeclarationReferenceCounterTable {
  council_id: string;
  year: number;
  last_number: number;
}

export interface DeclarationTable {
  council_id: string;
  id: string;
  reference: string;
  person_id: string;
  person_name: string;
  job_title: string;
  service_id: string | null;
  service_name: string;
  senior: boolean;
  kind: string;
  summary: string;
  answers: ColumnType<unknown, string, string>;
  weekly_hours: number | null;
  started_on: string | null;
  declared_at: Date;
  ended_on: string | null;
  end_reason: Generated<string>;
  reviewer_id: string | null;
  review_state: string;
  outcome: string | null;
  management_action: Generated<string>;
  referred_to: string | null;
  next_review_on: string | null;
  reviewed_by: string | null;
  reviewed_by_name: string | null;
  reviewed_at: Date | null;
  version: Generated<number>;
  recorded_by: string;
  updated_at: Date;
}

export interface DeclarationVersionTable {
  council_id: string;
  declaration_id: string;
  version: number;
  entry: Json;
  change_reason: string;
  changed_by: string | null;
  changed_by_name: string;
  changed_at: Date;
}

export interface DeclarationPartyTable {
  council_id: string;
  declaration_id: string;
  position: number;
  kind: string;
  role: string;
  name: string;
  name_key: string;
  address: string;
  company_number: string;
  person_id: string | null;
  // The conflict lookup's keys, made by the database from name_key (migration name_match_keys).
  match_keys: GeneratedAlways<string[]>;
}

export interface DeclarationDraftTable {
  council_id: string;
  id: string;
  person_id: string;
  answers: ColumnType<unknown, string, string>;
  updated_at: Date;
}

export interface DeclarationCampaignTable {
  council_id: string;
  id: string;
  name: string;
  service_ids: string[] | null;
  due_on: string;
  opened_by: string;
  opened_by_name: string;
  opened_at: Date;
  closed_at: Date | null;
}

export interface CampaignMemberTable {
  council_id: string;
  campaign_id: string;
  person_id: string;
  person_name: string;
  job_title: string;
  service_id: string | null;
  service_name: string;
  field_officer: boolean;
  response: string | null;
  responded_at: Date | null;
  accounts_declaration_at: Date | null;
  last_reminded_at: Date | null;
}

export interface RelatedPartyReturnTable {
  council_id: string;
  id: string;
  person_id: string;
  person_name: string;
  job_title: string;
  financial_year: number;
  nil: boolean;
  entries: ColumnType<unknown, string, string>;
  transactions: string;
  submitted_at: Date;
}

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

export interface Database {
  council: CouncilTable;
  council_policy: CouncilPolicyTable;
  directorate: DirectorateTable;
  service: ServiceTable;
  person: PersonTable;
  person_role: PersonRoleTable;
  session: SessionTable;
  api_token: ApiTokenTable;
  one_time_token: OneTimeTokenTable;
  calendar_override: CalendarOverrideTable;
  audit_head: AuditHeadTable;
  audit_event: AuditEventTable;
  gift_reference_counter: GiftReferenceCounterTable;
  gift_offer: GiftOfferTable;
  gift_offer_version: GiftOfferVersionTable;
  gift_review: GiftReviewTable;
  gift_review_entry: GiftReviewEntryTable;
  gift_review_reminder: GiftReviewReminderTable;
  gift_query: GiftQueryTable;
  gift_draft: GiftDraftTable;
  declaration_reference_counter: DeclarationReferenceCounterTable;
  declaration: DeclarationTable;
  declaration_version: DeclarationVersionTable;
  declaration_party: DeclarationPartyTable;
  declaration_draft: DeclarationDraftTable;
  declaration_campaign: DeclarationCampaignTable;
  campaign_member: CampaignMemberTable;
  related_party_return: RelatedPartyReturnTable;
  customer: CustomerTable;
  complaint_reference_counter: ComplaintReferenceCounterTable;
  complaint: ComplaintTable;
  complaint_stage: ComplaintStageTable;
  complaint_account_request: ComplaintAccountRequestTable;
  complaint_remedy: ComplaintRemedyTable;
  service_improvement: ServiceImprovementTable;
  complaint_document: ComplaintDocumentTable;
  letter_template: LetterTemplateTable;
  letter: LetterTable;
  ombudsman_case: OmbudsmanCaseTable;
  complaint_reminder: ComplaintReminderTable;
  complaint_draft: ComplaintDraftTable;
  customer_contact: CustomerContactTable;
  customer_categorisation: CustomerCategorisationTable;
  contact_restriction: ContactRestrictionTable;
  behaviour_review: BehaviourReviewTable;
}

// Complaint intake (migration 20261123120100_intake.sql).
export interface ComplaintDraftDocumentTable {
  council_id: string;
  draft_id: string;
  purpose: string;
  file_name: string;
  content_type: string;
  size_bytes: number;
  content: Buffer;
  uploaded_at: Date;
}

export interface Database {
  complaint_draft_document: ComplaintDraftDocumentTable;
}

// Customers (migration 20261123120500_customers.sql).
export interface BehaviourReviewReminderTable {
  council_id: string;
  customer_id: string;
  due_on: string;
  sent_at: Date;
}

export interface Database {
  behaviour_review_reminder: BehaviourReviewReminderTable;
}

// The transactional outbox (migration 20261206090000_outbound_email.sql).
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

export interface Database {
  outbound_email: OutboundEmailTable;
  outbound_email_attachment: OutboundEmailAttachmentTable;
}

// Daily ceilings on the public complaint form (migration 20261206100000_public_intake_day.sql).
export interface PublicIntakeDayTable {
  council_id: string;
  day: string;
  drafts: Generated<number>;
  upload_bytes: Generated<number>;
}

export interface Database {
  public_intake_day: PublicIntakeDayTable;
}
