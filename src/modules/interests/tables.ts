import type { ColumnType, Generated, GeneratedAlways } from 'kysely';
import type { Json } from '../../platform/db/columns.ts';

// The tables this owns, as Kysely sees them. No other module or platform area reads or writes them.
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
  anonymised_at: Date | null;
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

// A campaign's completion by service (service_key: the service, or the nil uuid for none).
export interface CampaignTallyTable {
  council_id: string;
  campaign_id: string;
  service_key: string;
  service_id: string | null;
  service_name: string;
  members: number;
  responded: number;
  nil: number;
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
  anonymised_at: Date | null;
}

export interface InterestsTables {
  declaration_reference_counter: DeclarationReferenceCounterTable;
  declaration: DeclarationTable;
  declaration_version: DeclarationVersionTable;
  declaration_party: DeclarationPartyTable;
  declaration_draft: DeclarationDraftTable;
  declaration_campaign: DeclarationCampaignTable;
  campaign_member: CampaignMemberTable;
  campaign_tally: CampaignTallyTable;
  related_party_return: RelatedPartyReturnTable;
}
