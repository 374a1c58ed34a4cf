// The tables this owns, as Kysely sees them. No other module or platform area reads or writes them.
import type { Generated } from 'kysely';

export type CaseKind = 'council-tax' | 'business-rates';
export type Premises = 'domestic' | 'business';
export type CaseStatus = 'open' | 'arrangement' | 'back-for-visit' | 'goods-controlled' | 'paid' | 'returned';
export type OutcomeKind =
  | 'payment-taken'
  | 'arrangement'
  | 'goods-controlled'
  | 'warrant-returned'
  | 'no-contact';
export type Present = 'debtor' | 'other-adult' | 'child' | 'vulnerable-person';
export type ArrangementStatus = 'live' | 'defaulted' | 'completed';

export interface EnforcementReferenceCounterTable {
  council_id: string;
  year: number;
  last_number: number;
}

export interface EnforcementCaseTable {
  council_id: string;
  id: string;
  reference: string;
  account_ref: string;
  kind: CaseKind;
  debtor_name: string;
  address: string;
  postcode: string;
  uprn: string | null;
  premises: Premises;
  trading_from: string | null;
  trading_until: string | null;
  appointment_on: string | null;
  appointment_from: string | null;
  appointment_until: string | null;
  balance_pence: number;
  liability_order_on: string;
  liability_order_court: string;
  notice_on: string | null;
  agent_id: string | null;
  status: CaseStatus;
  created_by: string;
  created_at: Date;
  updated_at: Date;
  anonymised_at: Date | null;
}

export interface EnforcementOutcomeTable {
  council_id: string;
  id: string;
  case_id: string;
  kind: OutcomeKind;
  visited_on: string;
  present: Generated<Present[]>;
  amount_pence: number | null;
  receipt_number: Generated<string>;
  reason: Generated<string>;
  goods: Generated<unknown>;
  vulnerability: Generated<string>;
  notes: Generated<string>;
  recorded_by: string;
  recorded_at: Date;
}

export interface PaymentArrangementTable {
  council_id: string;
  id: string;
  case_id: string;
  outcome_id: string;
  status: ArrangementStatus;
  agreed_on: string;
  defaulted_at: Date | null;
  created_at: Date;
}

export interface ArrangementInstalmentTable {
  council_id: string;
  arrangement_id: string;
  seq: number;
  due_on: string;
  amount_pence: number;
  missed_at: Date | null;
}

export interface PaymentImportTable {
  council_id: string;
  id: string;
  file_hash: string;
  file_name: Generated<string>;
  row_count: number;
  applied_count: number;
  imported_by: string;
  imported_at: Date;
}

export interface EnforcementPaymentTable {
  council_id: string;
  id: string;
  case_id: string;
  reference: string;
  paid_on: string;
  amount_pence: number;
  import_id: string | null;
  received_at: Date;
}

export interface EnforcementTables {
  enforcement_reference_counter: EnforcementReferenceCounterTable;
  enforcement_case: EnforcementCaseTable;
  enforcement_outcome: EnforcementOutcomeTable;
  payment_arrangement: PaymentArrangementTable;
  arrangement_instalment: ArrangementInstalmentTable;
  payment_import: PaymentImportTable;
  enforcement_payment: EnforcementPaymentTable;
}
