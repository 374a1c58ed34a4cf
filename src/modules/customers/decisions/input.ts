import { z } from 'zod';
import { formChoices, formText, idParam } from '../../../platform/web/form-kit.ts';

export const customerParams = z.object({ id: idParam });
export const restrictionParams = z.object({ id: idParam, restrictionId: idParam });

// A step up: warned, pre-vexatious or vexatious (with the restrictions put in place with it).
export const categorisationForm = z.object({
  behaviour: formText,
  evidence: formText,
  equalityCheck: formText,
  singlePointOfContactId: formText,
  // Vexatious only: the restrictions put in place with the decision (whole council, from today).
  restrictions: formChoices,
  namedOfficerId: formText,
  restrictionDetail: formText,
});
export type CategorisationForm = z.output<typeof categorisationForm>;

export const restrictionDates = ['startsOn', 'reviewOn', 'endsOn'] as const;

export const restrictionForm = z.object({
  kind: formText,
  scopeServiceId: formText, // '' for the whole council
  reason: formText,
  detail: formText,
  namedOfficerId: formText,
  startsOn: formText, // YYYY-MM-DD, '' or 'not-a-date'
  reviewOn: formText,
  // The day from which it no longer applies: '' for none (until a review lifts it).
  endsOn: formText.optional(),
});
export type RestrictionForm = z.output<typeof restrictionForm>;

export const endRestrictionForm = z.object({ endReason: formText });
