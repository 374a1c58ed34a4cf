import type { Selectable } from 'kysely';
import type { OfferKind, OfferState, Relationship, Verdict } from './rules.ts';
import type { GiftOfferTable } from './tables.ts';

// An entry in the register: an offer of a gift or hospitality made to an officer, as every
// capability (recording, approval, the register, reviews, publication) sees it.
export type GiftOffer = {
  id: string;
  reference: string;
  recipientId: string;
  recipientName: string;
  jobTitle: string;
  serviceId: string | null;
  serviceName: string;
  senior: boolean;
  registerKey: string;
  kind: OfferKind;
  nature: string;
  description: string;
  offerorPerson: string;
  offerorOrganisation: string;
  offerorKey: string;
  relationship: Relationship;
  valuePence: number;
  offeredOn: string;
  // The date of the hospitality event; null for a gift, or an entry recorded before it was asked.
  eventOn: string | null;
  state: OfferState;
  reason: string;
  outcome: string;
  verdict: Verdict;
  approverId: string | null;
  approvalDecision: 'approved' | 'refused' | null;
  approvalComment: string;
  approvalDecidedByName: string | null;
  approvalDecidedAt: Date | null;
  version: number;
  recordedBy: string;
  recordedAt: Date;
  updatedAt: Date;
};

// What a version keeps: everything a reviewer signs for.
export type OfferEntry = Omit<GiftOffer, 'verdict' | 'recordedAt' | 'updatedAt' | 'approvalDecidedAt'>;

export function offerFromRow(row: Selectable<GiftOfferTable>): GiftOffer {
  return {
    id: row.id,
    reference: row.reference,
    recipientId: row.recipient_id,
    recipientName: row.recipient_name,
    jobTitle: row.job_title,
    serviceId: row.service_id,
    serviceName: row.service_name,
    senior: row.senior,
    registerKey: row.register_key,
    kind: row.kind as OfferKind,
    nature: row.nature,
    description: row.description,
    offerorPerson: row.offeror_person,
    offerorOrganisation: row.offeror_organisation,
    offerorKey: row.offeror_key,
    relationship: row.relationship as Relationship,
    valuePence: row.value_pence,
    offeredOn: row.offered_on,
    eventOn: row.event_on,
    state: row.state as OfferState,
    reason: row.reason,
    outcome: row.outcome,
    verdict: row.verdict as Verdict,
    approverId: row.approver_id,
    approvalDecision: row.approval_decision as GiftOffer['approvalDecision'],
    approvalComment: row.approval_comment,
    approvalDecidedByName: row.approval_decided_by_name,
    approvalDecidedAt: row.approval_decided_at,
    version: row.version,
    recordedBy: row.recorded_by,
    recordedAt: row.recorded_at,
    updatedAt: row.updated_at,
  };
}

export function entryOf(offer: GiftOffer): OfferEntry {
  const { verdict: _v, recordedAt: _r, updatedAt: _u, approvalDecidedAt: _a, ...entry } = offer;
  return entry;
}

export function offerRow(councilId: string, offer: GiftOffer) {
  return {
    council_id: councilId,
    id: offer.id,
    reference: offer.reference,
    recipient_id: offer.recipientId,
    recipient_name: offer.recipientName,
    job_title: offer.jobTitle,
    service_id: offer.serviceId,
    service_name: offer.serviceName,
    senior: offer.senior,
    register_key: offer.registerKey,
    kind: offer.kind,
    nature: offer.nature,
    description: offer.description,
    offeror_person: offer.offerorPerson,
    offeror_organisation: offer.offerorOrganisation,
    offeror_key: offer.offerorKey,
    relationship: offer.relationship,
    value_pence: offer.valuePence,
    offered_on: offer.offeredOn,
    event_on: offer.eventOn,
    state: offer.state,
    reason: offer.reason,
    outcome: offer.outcome,
    verdict: JSON.stringify(offer.verdict),
    approver_id: offer.approverId,
    approval_decision: offer.approvalDecision,
    approval_comment: offer.approvalComment,
    approval_decided_by_name: offer.approvalDecidedByName,
    approval_decided_at: offer.approvalDecidedAt,
    version: offer.version,
    recorded_by: offer.recordedBy,
    recorded_at: offer.recordedAt,
    updated_at: offer.updatedAt,
  };
}
