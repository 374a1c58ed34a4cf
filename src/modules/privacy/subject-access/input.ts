import { z } from 'zod';
import { formText } from '../../../platform/web/form-kit.ts';

// The search: a name, email address or postcode, as typed; a long one is cut to 200 characters.
export const searchQuery = z.object({ q: formText.transform((text) => text.slice(0, 200)).catch('') });

// A subject picked from the search: a member of staff or a customer, by id.
export const subjectParams = z.object({ kind: z.enum(['person', 'customer']), id: z.uuid() });
