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

// GOV.UK's bank holiday list as it is downloaded (https://www.gov.uk/bank-holidays.json): for each
// division, its events, each a date and a title (its notes and bunting are not kept).
const holiday = z.object({
  title: z.string().trim().min(1).max(200),
  date: z.string().refine(isIsoDate),
});
const divisionEvents = z.object({ events: z.array(holiday).min(1).max(5000) });
export const bankHolidayFile = z.object({
  'england-and-wales': divisionEvents,
  scotland: divisionEvents,
  'northern-ireland': divisionEvents,
});

// The upload form's own fields: none but the file.
export const bankHolidayUpload = z.object({});
