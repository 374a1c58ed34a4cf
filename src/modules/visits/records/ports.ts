import type { Kysely } from 'kysely';
import type { Principal } from '../../../platform/auth/principal.ts';
import type { Database } from '../../../platform/db/schema.ts';

// What recording a visit needs from outside this capability; the app hands them in at start.

// A threat of violence nominates the person and address for the risk register, for team-leader
// review [000: consideration given to the client council's PVP list]. Runs in the caller's
// transaction, with the visit's record.
export type RiskNomination = {
  address: string;
  personName: string;
  kind: 'violent';
  reason: string;
  nominatedBy: string;
  visitId: string;
};
export type NominateRisk = (
  trx: Kysely<Database>,
  councilId: string,
  nomination: RiskNomination,
) => Promise<unknown>;

// A complaint made during a visit, logged by the complaints module as one received in person, from
// the customer visited (customerId) or a customer made from the facts. `id` is the submission's: a
// second call with the same id and person finds the first complaint instead of logging another.
// The shape is the complaints module's LoggedComplaint, so its intake.logComplaint fills the port.
export type VisitComplaint = {
  id: string;
  channel: 'in-person';
  receivedAt: Date;
  customerId: string | null;
  authority: null;
  facts: {
    forWhom: 'self';
    theirName: '';
    relationship: '';
    name: string;
    email: '';
    phone: '';
    address: string;
    preference: 'post';
    serviceId: null;
    whatHappened: string;
    happenedOn: string;
    wantedOutcome: '';
    adjustments: '';
  };
};
export type LogVisitComplaint = (
  principal: Principal,
  complaint: VisitComplaint,
  requestId: string,
) => Promise<{ reference: string }>;

export type VisitRecordsPorts = { nominateRisk: NominateRisk; logComplaint: LogVisitComplaint };
