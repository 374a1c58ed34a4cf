import type { OfferEntry } from '../offer.ts';

// What a reviewer is shown as changed in an entry since the version they signed.
export const amendableFields = [
  'description',
  'valuePence',
  'state',
  'reason',
  'outcome',
  'approvalDecision',
] as const;

export function changedFields(signed: OfferEntry, current: OfferEntry) {
  return amendableFields.filter((field) => signed[field] !== current[field]);
}
