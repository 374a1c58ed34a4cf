import { z } from 'zod';

// A letter an API action wrote, as the action answers it: a draft, and the page where a person
// reads, changes and sends it (or sends it for approval). Nothing goes until they do.
export const draftLetterView = z
  .object({
    id: z.uuid(),
    state: z.literal('draft'),
    checkAt: z.string().describe('The letter’s page, where it is read, changed and sent or approved'),
  })
  .describe(
    'The letter the action wrote, as a draft: nothing goes to the person until it is checked and sent',
  );

export const draftLetter = (id: string) => ({ id, state: 'draft' as const, checkAt: `/letters/${id}` });
