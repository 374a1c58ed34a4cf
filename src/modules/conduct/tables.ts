// The tables this owns, as Kysely sees them. No other module or platform area reads or writes them.
export interface CouncillorTable {
  council_id: string;
  id: string;
  name: string;
  ward: string;
  party: string;
  email: string;
  active: boolean;
  created_at: Date;
}

export interface IndependentPersonTable {
  council_id: string;
  id: string;
  name: string;
  email: string;
  active: boolean;
  created_at: Date;
}

export interface ConductReferenceCounterTable {
  council_id: string;
  year: number;
  last_number: number;
}

export interface ConductComplaintTable {
  council_id: string;
  id: string;
  reference: string;
  received_on: string;
  received_at: Date;
  complainant_name: string;
  complainant_email: string;
  complainant_address: string;
  complainant_is_councillor: boolean;
  councillor_id: string | null;
  against_all: boolean;
  what_happened: string;
  happened_on: string | null;
  state: string;
  version: number;
  valid: boolean | null;
  not_valid_grounds: string[];
  assessment_reasons: string;
  theme: string;
  assessed_by: string | null;
  assessed_at: Date | null;
  independent_person_id: string | null;
  independent_person_view: string;
  view_recorded_at: Date | null;
  decision: string | null;
  decision_reasons: string;
  decided_at: Date | null;
  investigator_id: string | null;
  investigation_finding: string | null;
  investigation_report: string;
  reported_at: Date | null;
  hearing_on: string | null;
  hearing_members: string;
  hearing_independent_person_id: string | null;
  hearing_outcome: string | null;
  hearing_reasons: string;
  closed_at: Date | null;
  anonymised_at: Date | null;
}

export interface ConductSanctionTable {
  council_id: string;
  complaint_id: string;
  id: string;
  kind: string;
  detail: string;
  comply_by: string;
  compliance: string;
  compliance_note: string;
  compliance_recorded_at: Date | null;
}

export interface ConductLetterTable {
  council_id: string;
  complaint_id: string;
  id: string;
  kind: string;
  recipient_name: string;
  recipient_email: string;
  subject: string;
  body: string;
  sent_at: Date;
}

export interface ConductTables {
  councillor: CouncillorTable;
  independent_person: IndependentPersonTable;
  conduct_reference_counter: ConductReferenceCounterTable;
  conduct_complaint: ConductComplaintTable;
  conduct_sanction: ConductSanctionTable;
  conduct_letter: ConductLetterTable;
}
