import { z } from 'zod';
import { formText, idParam } from '../../../platform/web/form-kit.ts';

export const owedParams = z.object({ planId: idParam, owedId: idParam });
export const alertParams = z.object({ alertId: idParam });

// A check-in received by telephone: which one, and when the call came.
export const callForm = z.object({
  owedId: formText.pipe(z.uuid('Choose which check-in the call was')),
  calledAt: formText.pipe(
    z
      .string()
      .min(1, 'Enter the time of the call')
      .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Enter the time of the call as a 24-hour time, like 14:05'),
  ),
});

export const acknowledgeForm = z.object({
  note: formText.pipe(z.string().max(1000, 'The note must be 1000 characters or fewer')),
});
