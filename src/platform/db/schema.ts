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
}
