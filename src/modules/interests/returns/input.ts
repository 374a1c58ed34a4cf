import { z } from 'zod';
import { maxTransactionsLength } from './rules.ts';

// The financial year asked for, on the page and in the API.
export const yearQuery = z.object({
  year: z
    .string()
    .max(10)
    .optional()
    .describe('The year the financial year starts, like 2026; this financial year if left out'),
});

// A return: nil, or the transactions in the year (the page's form posts `action` nil or submit).
export const returnBody = z.object({
  nil: z
    .boolean({ message: 'Say whether it is a nil return' })
    .describe('No related party interests to declare'),
  transactions: z
    .string()
    .default('')
    .describe(
      `Transactions in the year between the bodies and the council, ${maxTransactionsLength} characters at most`,
    ),
});
