import type { ColumnType, Generated } from 'kysely';
import type { CreatedAt } from '../../platform/db/columns.ts';

// The tables this owns, as Kysely sees them. No other module or platform area reads or writes them.
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
  mobile: Generated<string>;
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
  task_digest: Generated<boolean>;
  task_digest_sent_on: string | null;
  // The HR system's identifiers and dates (the staff import).
  staff_number: string | null;
  start_date: string | null;
  leaving_date: string | null;
}

export interface PersonRoleTable {
  council_id: string;
  person_id: string;
  role: string;
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

// GOV.UK's bank holiday list as an administrator uploaded it: each division's events.
export interface BankHolidayListTable {
  council_id: string;
  holidays: ColumnType<unknown, string, string>;
  covers_from: string;
  covers_to: string;
  uploaded_by: string;
  uploaded_at: Date;
}

export interface CouncilPageTable {
  council_id: string;
  page: string;
  body: string;
  updated_at: Date;
  updated_by: string;
}

// A staff file as previewed, applied at most once while the council's people are as they were.
export interface StaffImportTable {
  council_id: string;
  id: string;
  csv: string;
  file_hash: string;
  people_digest: string;
  previewed_by: string;
  previewed_at: Date;
  applied_by: string | null;
  applied_at: Date | null;
  summary: ColumnType<unknown, string, string> | null;
}

export interface OrganisationTables {
  council: CouncilTable;
  council_policy: CouncilPolicyTable;
  directorate: DirectorateTable;
  service: ServiceTable;
  person: PersonTable;
  person_role: PersonRoleTable;
  one_time_token: OneTimeTokenTable;
  calendar_override: CalendarOverrideTable;
  bank_holiday_list: BankHolidayListTable;
  council_page: CouncilPageTable;
  staff_import: StaffImportTable;
}
