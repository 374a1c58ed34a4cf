import { z } from 'zod';
import { formText, idParam } from '../../../platform/web/form-kit.ts';

export const letterParams = z.object({ id: idParam });

// The letter's version on the page the person acted from: a change since is refused.
const version = z.preprocess(
  (value) => (typeof value === 'string' && /^\d{1,9}$/.test(value.trim()) ? Number(value) : 0),
  z.number().int(),
);

// On the letter's page: send it, send it for approval, or (the approver) approve or return it.
export const letterActionForm = z.object({
  version,
  action: z.enum(['send', 'submit', 'decide'], { error: 'Choose what to do with the letter' }),
  decision: formText,
  reason: formText,
});

// The letter's words, changed.
export const letterEditForm = z.object({ version, subject: formText, body: formText });

// What the letter's page says after each move, or after the decision that wrote it.
export const doneQuery = z.object({
  done: z.enum(['written', 'saved', 'sent', 'submitted', 'approved', 'returned']).optional().catch(undefined),
});
