import { z } from 'zod';
import { editablePages } from './rules.ts';

export const pageParams = z.object({ page: z.enum(editablePages) });
export const councilPageParams = z.object({ council: z.string() });

// Taken as typed, but for the ends; empty restores the default wording.
export const pageForm = z.object({
  body: z
    .string()
    .catch('')
    .transform((body) => body.trim())
    .refine((body) => body.length <= 50_000, 'The page must be 50,000 characters or fewer'),
});
