import { z } from 'zod';
import { formChoices, formText } from '../../../platform/web/form-kit.ts';

// What the case's forms post. The use cases check the values; these only shape them.

export const caseParams = z.object({ reference: z.string().regex(/^CMP-\d{4}-\d{1,6}$/) });
export const remedyParams = caseParams.extend({ remedyId: z.string() });
export const duplicateParams = caseParams.extend({ other: caseParams.shape.reference });
export const accountParams = z.object({ id: z.string() });

export const triageForm = z.object({
  decision: formText,
  category: formText,
  housing: formText,
  statutoryRoute: formText,
  reason: formText,
  lateAccepted: formText,
});
export const allocateForm = z.object({ handlerId: formText });
export const askForm = z.object({
  service: formText.transform((value) => value === 'yes'),
  officerIds: formChoices.transform((ids) => ids.filter(Boolean)),
  question: formText,
  dueOn: formText,
});
export const extendForm = z.object({ days: formText, reason: formText });
export const respondForm = z.object({ outcome: formText, findings: formText });
export const remedyForm = z.object({
  kind: formText,
  description: formText,
  amount: formText,
  ownerId: formText,
  dueOn: formText,
});
export const improvementForm = z.object({ improvement: formText });
export const reasonForm = z.object({ reason: formText });
export const accountForm = z.object({ account: formText });
export const duplicateForm = z.object({
  decision: z.enum(['merge', 'keep-both'], 'Select whether to merge the complaints or keep both'),
});
