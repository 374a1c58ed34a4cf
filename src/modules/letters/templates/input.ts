import { z } from 'zod';
import { formText } from '../../../platform/web/form-kit.ts';
import { letterKinds } from './kinds.ts';

export const kindParams = z.object({ kind: z.enum(letterKinds) });

// An edited template; `action` is "preview" to see it with example values, anything else saves.
export const templateForm = z.object({ subject: formText, body: formText, action: formText });

// Which template was just saved or set back to the default, for the list's message.
export const templatesQuery = z.object({
  saved: z.enum(letterKinds).optional().catch(undefined),
  reset: z.enum(letterKinds).optional().catch(undefined),
});
