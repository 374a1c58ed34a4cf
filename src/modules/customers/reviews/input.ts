import { z } from 'zod';
import { formChoices, formText } from '../../../platform/web/form-kit.ts';

export const reviewForm = z.object({
  decision: formText,
  category: formText,
  endRestrictionIds: formChoices,
  notes: formText,
});
export type ReviewForm = z.output<typeof reviewForm>;

export const reviewRequestForm = z.object({
  requestedOn: formText, // YYYY-MM-DD, '' or 'not-a-date'
  request: formText,
});
export type ReviewRequestForm = z.output<typeof reviewRequestForm>;
