import { londonDate } from '../../../platform/calendar/daylight.ts';
import type { GiftOffer, OfferEntry } from '../offer.ts';
import { formatPence, natureName, relationships, stateNames, type Verdict } from '../rules.ts';
import type { amendableFields } from './rules.ts';
import type { Review } from './service.ts';
import type { ReviewCell } from './status.ts';

// What the review pages show of an entry and of a register's review status.

type ReviewEntry = Review['entries'][number];

export const reviewHref = (registerKey: string, periodStart: string) =>
  `/gifts/reviews/${encodeURIComponent(registerKey)}/${periodStart}`;

const outcomeNames: Record<Verdict['outcome'], string> = {
  'must-decline': 'Must be declined',
  'needs-approval': 'Needs approval in advance',
  record: 'Must be recorded',
  'no-entry-needed': 'Below the recording threshold',
};

const fieldNames: Record<(typeof amendableFields)[number], string> = {
  description: 'description',
  valuePence: 'estimated value',
  state: 'decision',
  reason: 'reason',
  outcome: 'what happened to it',
  approvalDecision: 'approval',
};

function approvalText(entry: OfferEntry): string {
  if (entry.approvalDecision)
    return `${entry.approvalDecision === 'approved' ? 'Approved' : 'Refused'} by ${entry.approvalDecidedByName ?? 'someone'}`;
  return entry.state === 'awaiting-approval' ? 'Waiting for approval' : 'Not needed';
}

function fieldValue(offer: GiftOffer, field: (typeof amendableFields)[number]): string {
  switch (field) {
    case 'valuePence':
      return formatPence(offer.valuePence);
    case 'state':
      return stateNames[offer.state];
    case 'approvalDecision':
      return approvalText(offer);
    default:
      return offer[field] || 'nothing';
  }
}

export function entryView(entry: ReviewEntry, viewerId: string) {
  const { offer, shown } = entry;
  return {
    id: offer.id,
    reference: shown.reference,
    officer: shown.recipientName,
    officerIsMe: offer.recipientId === viewerId,
    jobTitle: shown.jobTitle,
    offeror: [shown.offerorPerson, shown.offerorOrganisation].filter(Boolean).join(', '),
    relationship: relationships[shown.relationship] ?? shown.relationship,
    what: `${natureName(shown.kind, shown.nature)}: ${shown.description}`,
    value: formatPence(shown.valuePence),
    offeredOn: shown.offeredOn,
    state: shown.state,
    stateName: stateNames[shown.state],
    approval: approvalText(shown),
    outcome: offer.verdict.outcome,
    outcomeName: outcomeNames[offer.verdict.outcome] ?? offer.verdict.outcome,
    mustDecline: offer.verdict.mustDecline,
    approvalNeeded: offer.verdict.approval,
    notes: offer.verdict.notes,
    queries: entry.queries,
    openQueries: entry.queries.filter((query) => query.answer === null).length,
    addedAfterSignOff: entry.addedAfterSignOff,
    amendments: entry.amendedFields.map((field) => ({
      name: fieldNames[field],
      now: fieldValue(offer, field),
    })),
  };
}

export function cellView(cell: ReviewCell) {
  return {
    registerName: cell.register.name,
    periodLabel: cell.period.label,
    entries: cell.entries,
    reviewers: cell.register.reviewers.map((reviewer) => reviewer.name),
    status: cell.status,
    due: cell.due,
    signedOn: cell.signed ? londonDate(cell.signed.signedAt) : null,
    signedByName: cell.signed?.signedByName ?? null,
    href: reviewHref(cell.register.key, cell.period.start),
  };
}
