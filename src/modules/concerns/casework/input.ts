import { z } from 'zod';
import { formText } from '../../../platform/web/form-kit.ts';
import { outcomeCodes } from '../categories.ts';

export const messageForm = z.object({
  kind: z.enum(['message', 'question', 'feedback'], { error: 'Select what kind of message this is' }),
  text: formText.pipe(
    z.string().min(1, 'Enter your message').max(20_000, 'The message must be 20,000 characters or fewer'),
  ),
});
export type MessageForm = z.output<typeof messageForm>;

export const acknowledgeForm = z.object({
  text: formText.pipe(z.string().max(5_000, 'The acknowledgement must be 5,000 characters or fewer')),
});

export const outcomeForm = z.object({
  outcome: z.enum(outcomeCodes, { error: 'Select the outcome' }),
  told: z.enum(['yes', 'no'], { error: 'Select whether the reporter has been told' }),
});
export type OutcomeForm = z.output<typeof outcomeForm>;

export const concernParams = z.object({ id: z.uuid() });
export const documentParams = z.object({ id: z.uuid(), documentId: z.uuid() });
