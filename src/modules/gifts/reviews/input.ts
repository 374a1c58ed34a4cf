import { z } from 'zod';
import { isUuid } from '../../../platform/auth/secrets.ts';
import { isIsoDate } from '../../../platform/calendar/working-days.ts';

// A register's key as the review pages and the API take it: a service's, a senior manager's,
// or the chief executive's (monitoring-officer).
function isRegisterKey(key: string): boolean {
  if (key === 'monitoring-officer') return true;
  const colon = key.indexOf(':');
  const [kind, id] = [key.slice(0, colon), key.slice(colon + 1)];
  return (kind === 'service' || kind === 'senior') && isUuid(id);
}

const isPeriodStart = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value) && isIsoDate(value);

// Each names nothing when it does not parse: a register, then a period, not found.
export const registerParam = z.object({ register: z.string().refine(isRegisterKey) });
export const periodParam = z.object({ period: z.string().refine(isPeriodStart) });

// Where a question was asked from: a review page, or else the entry's own page.
export const reviewOf = z.object({
  register: z.string().refine(isRegisterKey),
  period: z.string().refine(isPeriodStart),
});

export const signOffInput = z.object({
  comment: z.string().trim().max(2000, 'Comment must be 2000 characters or fewer').default(''),
});

const asked = (empty: string, label: string) =>
  z.preprocess(
    (value) => (typeof value === 'string' ? value : ''),
    z.string().trim().min(1, empty).max(2000, `${label} must be 2000 characters or fewer`),
  );

export const questionInput = z.object({ question: asked('Enter your question', 'Question') });
export const answerInput = z.object({ answer: asked('Enter your answer', 'Answer') });
