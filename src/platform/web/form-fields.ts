import { z } from 'zod';
import { formText } from './form-kit.ts';

// Fields more than one form asks for, each with the one message a person reads.

export const clockTime = /^([01]\d|2[0-3]):[0-5]\d$/;

/** A 24-hour time, HH:MM: missing, or not a time, is refused with what it is for. */
export const timeField = (what: string) =>
  formText.pipe(
    z.string().superRefine((value, context) => {
      if (!clockTime.test(value))
        context.addIssue({
          code: 'custom',
          message: value ? `Enter ${what} as a 24-hour time, like 09:30` : `Enter ${what}`,
        });
    }),
  );
