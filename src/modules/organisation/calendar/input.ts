import { z } from 'zod';
import { divisions, isIsoDate } from '../../../platform/calendar/working-days.ts';

export const calendarOverrideInput = z.object({
  date: z.string({ message: 'Enter a real date' }).refine(isIsoDate, 'Enter a real date'),
  kind: z.enum(['holiday', 'working-day'], {
    message: 'Select whether the council is closed or open on this day',
  }),
  title: z
    .string({ message: 'Enter a description' })
    .trim()
    .min(1, 'Enter a description, like ‘Council closure day’')
    .max(100, 'Description must be 100 characters or fewer'),
});

export const divisionInput = z.object({
  division: z.enum(divisions, { message: 'Select which bank holidays the council follows' }),
});
