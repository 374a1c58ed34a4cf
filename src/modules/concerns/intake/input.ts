import { z } from 'zod';
import { formText } from '../../../platform/web/form-kit.ts';
import { categoryCodes, routes } from '../categories.ts';

// A concern as raised, on the public page and signed in alike.
export const raiseForm = z.object({
  category: z.enum(categoryCodes, { error: 'Select what your concern is about' }),
  what: formText.pipe(
    z
      .string()
      .min(1, 'Tell us what happened')
      .max(20_000, 'What happened must be 20,000 characters or fewer'),
  ),
  involved: formText.pipe(z.string().max(2_000, 'The names must be 2,000 characters or fewer')),
  route: z.enum(['any', ...routes], { error: 'Select who should look into it' }),
  identity: z.enum(['anonymous', 'named'], { error: 'Select whether to give your name' }),
  name: formText.pipe(z.string().max(200, 'Your name must be 200 characters or fewer')),
  contact: formText.pipe(z.string().max(200, 'How to contact you must be 200 characters or fewer')),
  protect: formText,
});
export type RaiseForm = z.output<typeof raiseForm>;
