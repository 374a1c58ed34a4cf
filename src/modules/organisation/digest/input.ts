import { z } from 'zod';

// The account page's setting: whether to be emailed a summary of one's work each morning.
export const digestForm = z.object({
  taskDigest: z.enum(['yes', 'no'], { error: 'Select whether to be emailed a summary of your work' }),
});
