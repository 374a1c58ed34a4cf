// The tables this owns, as Kysely sees them. No other module or platform area reads or writes them.
import type { Generated } from 'kysely';

export interface VisitPlanTable {
  council_id: string;
  id: string;
  officer_id: string;
  plan_date: string;
  responsible_officer_id: string;
  home_by: Date;
  shared_at: Date | null;
  created_by: string;
  created_at: Date;
  updated_at: Date;
}

export interface PlannedVisitTable {
  council_id: string;
  id: string;
  plan_id: string;
  position: number;
  address: string;
  latitude: number | null;
  longitude: number | null;
  account_ref: Generated<string>;
  account_holder: Generated<string>;
  customer_id: string | null;
  purpose: 'enquiry' | 'taking-control';
  premises: Generated<'domestic' | 'business'>;
  trading_from: string | null;
  trading_until: string | null;
  court_order: Generated<string>;
  notes: Generated<string>;
  planned_start: Date;
  planned_finish: Date;
  second_officer_id: string | null;
  advice: Generated<string>;
  advice_by: string | null;
  advice_at: Date | null;
  authorisation_reason: Generated<string>;
  authorised_by: string | null;
  authorised_at: Date | null;
  dropped_at: Date | null;
  dropped_reason: Generated<string>;
  added_after_sharing: Generated<boolean>;
  created_at: Date;
}

export interface CheckInDueTable {
  council_id: string;
  id: string;
  plan_id: string;
  visit_id: string | null;
  due_at: Date;
  received_at: Date | null;
  received_by: string | null;
  channel: 'app' | 'phone' | null;
  level_raised: Generated<number>;
  next_alert_at: Date | null;
  cancelled_at: Date | null;
}

export type AlertLevel = 'responsible' | 'manager' | 'emergency';
export type AlertKind = 'missed-check-in' | 'help-now';

export interface VisitAlertTable {
  council_id: string;
  id: string;
  plan_id: string;
  cause_id: string;
  kind: AlertKind;
  level: AlertLevel;
  raised_at: Date;
  acknowledged_at: Date | null;
  acknowledged_by: string | null;
  acknowledgement: Generated<string>;
  resolved_at: Date | null;
}

export type PlanChangeKind =
  | 'shared'
  | 'visit-added'
  | 'visit-dropped'
  | 'visit-changed'
  | 'reordered'
  | 'retimed'
  | 'deviation'
  | 'advice'
  | 'authorised';

export interface PlanChangeTable {
  council_id: string;
  id: string;
  plan_id: string;
  kind: PlanChangeKind;
  detail: Generated<string>;
  changed_by: string;
  changed_at: Date;
}

// The risk register (risk-register/): caution before contact and the potentially violent persons list.
export type RiskMarkerKind = 'violent' | 'mental-health' | 'hostel' | 'care-in-community' | 'other';
export type RiskMarkerStatus = 'active' | 'proposed' | 'rejected' | 'removed';
export type RiskMarkerAction =
  | 'added'
  | 'nominated'
  | 'accepted'
  | 'rejected'
  | 'edited'
  | 'removed'
  | 'anonymised';

export interface RiskMarkerTable {
  council_id: string;
  id: string;
  kind: RiskMarkerKind;
  status: RiskMarkerStatus;
  address: Generated<string>;
  postcode_key: Generated<string>;
  person_name: Generated<string>;
  surname_key: Generated<string>;
  reason: string;
  what_to_do: Generated<string>;
  review_on: string;
  nominated_by: string;
  nominated_at: Date;
  visit_id: string | null;
  end_reason: Generated<string>;
  ended_at: Date | null;
  anonymised_at: Date | null;
  updated_at: Date;
}

export interface RiskMarkerEventTable {
  council_id: string;
  id: string;
  marker_id: string;
  seq: number;
  action: RiskMarkerAction;
  note: Generated<string>;
  by_id: string | null;
  at: Date;
}

// Records of visits and incidents (records/, incidents/; migration 20261206120200).
export type VisitOutcome = 'contact-made' | 'no-contact' | 'asked-to-leave' | 'entry-refused';
export type ReferralKind =
  | 'child-safeguarding'
  | 'adult-safeguarding'
  | 'violence'
  | 'complaint'
  | 'fraud'
  | 'vulnerability';
export type IncidentKind = 'violence' | 'threat' | 'injury' | 'damage';

export interface VisitRecordTable {
  council_id: string;
  visit_id: string;
  plan_id: string;
  outcome: VisitOutcome;
  reason: Generated<string>;
  notes: Generated<string>;
  recorded_by: string;
  recorded_at: Date;
  anonymised_at: Date | null;
}

export interface VisitReferralTable {
  council_id: string;
  id: string;
  visit_id: string;
  kind: ReferralKind;
  detail: string;
  sent_to: Generated<string>;
  complaint_reference: Generated<string>;
  made_by: string;
  made_at: Date;
}

export interface AccountRecoveryHoldTable {
  council_id: string;
  id: string;
  account_ref: string;
  // The visit whose record placed it; null when an enforcement case's outcome did.
  visit_id: string | null;
  reason: string;
  held_from: Date;
  held_by: string;
  lifted_at: Date | null;
  lifted_by: string | null;
  lift_reason: Generated<string>;
}

export interface VisitIncidentTable {
  council_id: string;
  id: string;
  reported_by: string;
  visit_id: string | null;
  kinds: IncidentKind[];
  occurred_at: Date;
  location: string;
  what_happened: string;
  people_involved: Generated<string>;
  witnesses: Generated<string>;
  injuries: Generated<string>;
  police_reference: Generated<string>;
  reported_at: Date;
  anonymised_at: Date | null;
}

export interface VisitsTables {
  visit_plan: VisitPlanTable;
  planned_visit: PlannedVisitTable;
  check_in_due: CheckInDueTable;
  visit_alert: VisitAlertTable;
  plan_change: PlanChangeTable;
  risk_marker: RiskMarkerTable;
  risk_marker_event: RiskMarkerEventTable;
  visit_record: VisitRecordTable;
  visit_referral: VisitReferralTable;
  account_recovery_hold: AccountRecoveryHoldTable;
  visit_incident: VisitIncidentTable;
}
