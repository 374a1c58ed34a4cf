import { z } from 'zod';
import { formText, idParam } from '../../../platform/web/form-kit.ts';
import { readBy } from '../plans/input.ts';

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

// The API's bodies: the forms' fields typed as JSON, read by the forms' own rules.
export const callBody = readBy(
  z.object({
    owedId: z.string().describe('The check-in the call was'),
    calledAt: z.string().describe('When the call came: HH:MM on the plan’s day, London time'),
  }),
  callForm,
);

export const acknowledgeBody = readBy(z.object({ note: z.string().default('') }), acknowledgeForm);
