import { z } from 'zod';
import { isIsoDate } from '../../../platform/calendar/working-days.ts';
import { timeField } from '../../../platform/web/form-fields.ts';
import { formChoices, formText, idParam } from '../../../platform/web/form-kit.ts';

// What the team leader gives to plan a day, to change it by hand, and to make it into the
// officers' plans; the page and the API take the same fields.

export const dayDates = ['planDate'] as const;

const whole = (what: string, min: number, max: number) =>
  formText.pipe(
    z
      .string()
      .regex(/^\d{1,3}$/, `Enter ${what} as a whole number`)
      .transform(Number)
      .refine(
        (value) => value >= min && value <= max,
        `${what[0]?.toUpperCase()}${what.slice(1)} must be between ${min} and ${max}`,
      ),
  );

export const dayForm = z
  .object({
    planDate: formText.pipe(
      z
        .string()
        .min(1, 'Enter the day to plan')
        .refine(isIsoDate, 'The day to plan must be a real date, like 7 12 2026'),
    ),
    officerIds: formChoices.pipe(
      z
        .array(z.uuid('Choose the officers from the list'))
        .min(1, 'Choose at least one officer')
        .max(30, 'Choose 30 officers or fewer'),
    ),
    from: timeField('when the working day starts'),
    until: timeField('when the working day ends'),
    minutes: whole('the minutes at each visit', 5, 240),
    officeAddress: formText.pipe(
      z
        .string()
        .min(1, 'Enter the address officers start from and return to')
        .max(300, 'The address must be 300 characters or fewer'),
    ),
    officePostcode: formText.pipe(
      z.string().min(1, 'Enter the postcode of the office').max(10, 'Enter a real postcode'),
    ),
    responsibleOfficerId: formText.pipe(
      z.uuid('Choose the responsible officer who will hold the diary sheets'),
    ),
  })
  .superRefine((day, context) => {
    if (/^\d\d:\d\d$/.test(day.from) && /^\d\d:\d\d$/.test(day.until) && day.until <= day.from)
      context.addIssue({
        code: 'custom',
        path: ['until'],
        message: 'The working day must end after it starts',
      });
    if (day.officerIds.includes(day.responsibleOfficerId))
      context.addIssue({
        code: 'custom',
        path: ['responsibleOfficerId'],
        message: 'The responsible officer must be someone other than the officers going out',
      });
  });
export type DayForm = z.output<typeof dayForm>;

export const proposalParams = z.object({ proposalId: idParam });

const version = formText.pipe(
  z
    .string()
    .regex(/^\d{1,9}$/, 'Look at the plan again and retry')
    .transform(Number),
);

// The page picks a visit as "officer|case" (or "unplanned|case"); the API names both.
const picked = (raw: unknown) => {
  if (typeof raw !== 'object' || raw === null || !('pick' in raw) || typeof raw.pick !== 'string') return raw;
  const [from = '', visit = ''] = raw.pick.split('|');
  return { ...raw, from, visit };
};

export const moveForm = z.preprocess(
  picked,
  z.object({
    version,
    visit: formText.pipe(z.string().min(1, 'Choose the visit to move').max(80, 'Choose the visit to move')),
    from: formText.pipe(z.string().max(40, 'Choose the visit to move')),
    to: formText.pipe(
      z.string().min(1, 'Choose where the visit goes').max(40, 'Choose where the visit goes'),
    ),
    position: whole('the stop number', 1, 500),
  }),
);
export type MoveForm = z.output<typeof moveForm>;

export const makeForm = z.object({
  version,
  advice: formText.pipe(z.string().max(2000, 'The advice must be 2000 characters or fewer')),
});
export type MakeForm = z.output<typeof makeForm>;
