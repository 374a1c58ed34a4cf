import { z } from 'zod';
import { clockTime, timeField } from '../../../platform/web/form-fields.ts';
import { formText, idParam } from '../../../platform/web/form-kit.ts';

// What a form or an API call gives to plan a day and its visits. The page and the API take the
// same fields, as strings; the messages are the ones a person reads.

const time = timeField;

const optionalTime = (what: string) =>
  formText.pipe(
    z
      .string()
      .regex(/^(([01]\d|2[0-3]):[0-5]\d)?$/, `Enter ${what} as a 24-hour time, like 09:30`)
      .transform((value) => value || null),
  );

const optionalId = (message: string) =>
  formText.pipe(z.union([z.literal('').transform(() => null), z.uuid(message)]));

const limited = (max: number, what: string) =>
  formText.pipe(z.string().max(max, `${what} must be ${max} characters or fewer`));

const coordinate = (what: string, limit: number) =>
  formText.pipe(
    z
      .string()
      .regex(/^(-?\d{1,3}(\.\d{1,8})?)?$/, `Enter the ${what} as a number, like 51.5074`)
      .transform((value) => (value === '' ? null : Number(value)))
      .refine(
        (value) => value === null || Math.abs(value) <= limit,
        `The ${what} must be between -${limit} and ${limit}`,
      ),
  );

// A visit's address names its postcode: the risk register and the declared addresses are matched on it.
const postcode = /\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b/i;

function addressProblem(address: string): string | null {
  if (!address) return 'Enter the address of the visit';
  if (address.length > 300) return 'The address must be 300 characters or fewer';
  if (!postcode.test(address))
    return 'Enter the address with its postcode, like 12 High Street, Demoton DM1 2AB';
  return null;
}

export const planParams = z.object({ planId: idParam });
export const visitParams = z.object({ planId: idParam, visitId: idParam });

export const planDates = ['planDate'] as const;

export const planForm = z.object({
  // Whose day: the signed-in officer's when empty; a line manager may plan for their team.
  officerId: optionalId('Choose the officer'),
  planDate: formText.pipe(
    z
      .string()
      .min(1, 'Enter the day of the visits')
      .regex(/^\d{4}-\d{2}-\d{2}$/, 'The day of the visits must be a real date, like 7 12 2026'),
  ),
  responsibleOfficerId: formText.pipe(z.uuid('Choose the responsible officer who will hold the diary sheet')),
  homeBy: time('when you expect to be home'),
});
export type PlanForm = z.output<typeof planForm>;

export const visitForm = z
  .object({
    address: formText.pipe(
      z.string().superRefine((value, context) => {
        const problem = addressProblem(value);
        if (problem) context.addIssue({ code: 'custom', message: problem });
      }),
    ),
    latitude: coordinate('latitude', 90),
    longitude: coordinate('longitude', 180),
    accountRef: limited(60, 'The account or case reference'),
    accountHolder: limited(200, 'The account holder’s name'),
    purpose: formText.pipe(
      z.enum(['enquiry', 'taking-control'], { message: 'Choose what the visit is for' }),
    ),
    premises: formText.pipe(z.enum(['domestic', 'business'], { message: 'Choose the kind of premises' })),
    tradingFrom: optionalTime('when the business opens'),
    tradingUntil: optionalTime('when the business closes'),
    courtOrder: limited(200, 'The court order'),
    notes: limited(2000, 'Notes'),
    start: time('the planned start'),
    finish: time('the planned finish'),
    secondOfficerId: optionalId('Choose the second officer from the list'),
  })
  .superRefine((visit, context) => {
    if (clockTime.test(visit.start) && clockTime.test(visit.finish) && visit.finish <= visit.start)
      context.addIssue({
        code: 'custom',
        path: ['finish'],
        message: 'The planned finish must be after the planned start',
      });
    if ((visit.latitude === null) !== (visit.longitude === null))
      context.addIssue({
        code: 'custom',
        path: ['latitude'],
        message: 'Enter both the latitude and the longitude, or neither',
      });
    if ((visit.tradingFrom === null) !== (visit.tradingUntil === null))
      context.addIssue({
        code: 'custom',
        path: ['tradingFrom'],
        message: 'Enter both trading hours, or neither',
      });
  });
export type VisitForm = z.output<typeof visitForm>;

export const dropForm = z.object({
  reason: formText.pipe(
    z.string().min(1, 'Say why the visit is dropped').max(500, 'The reason must be 500 characters or fewer'),
  ),
});

export const moveForm = z.object({
  direction: formText.pipe(z.enum(['earlier', 'later'], { message: 'Choose earlier or later' })),
});

export const deviationForm = z.object({
  detail: formText.pipe(
    z
      .string()
      .min(1, 'Say where you are going instead of the planned route')
      .max(1000, 'The deviation must be 1000 characters or fewer'),
  ),
});

export const customerForm = z.object({
  customerId: formText.pipe(z.uuid('Choose a customer from the list')),
});

export const adviceForm = z.object({
  advice: formText.pipe(
    z
      .string()
      .min(1, 'Enter your advice for the visit')
      .max(2000, 'The advice must be 2000 characters or fewer'),
  ),
});

export const authorisationForm = z.object({
  reason: formText.pipe(
    z
      .string()
      .min(1, 'Enter the business reason for the out-of-hours visit')
      .max(2000, 'The reason must be 2000 characters or fewer'),
  ),
});

// The API's bodies: the forms' fields typed as JSON, then read by the forms' own rules, so that
// the API and the pages refuse the same things with the same messages. Times of day are HH:MM on
// the plan's day, London time: a visit cannot fall on another day.

// A JSON body read by a form's schema; the form's fields take anything a form could post.
export const readBy = <J extends z.ZodType, F extends z.ZodType>(json: J, form: F) =>
  json.pipe(form as unknown as z.ZodType<z.output<F>, z.output<J>>);

const clock = (what: string) => z.string().describe(`${what}: HH:MM, 24-hour, London time`);

export const planBody = readBy(
  z.object({
    officerId: z.string().nullable().default(null).describe('Whose day: yours when null or left out'),
    planDate: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, 'Enter the day of the visits as YYYY-MM-DD')
      .describe('The day of the visits: YYYY-MM-DD, today or up to 92 days ahead'),
    responsibleOfficerId: z.string().describe('Who holds the diary sheet and takes the calls'),
    homeBy: clock('When you expect to be home'),
  }),
  planForm,
);

const coordinateText = (value: number | null) => (value === null ? '' : String(value));

export const visitBody = readBy(
  z
    .object({
      address: z.string(),
      latitude: z.number().nullable().default(null),
      longitude: z.number().nullable().default(null),
      accountRef: z.string().default(''),
      accountHolder: z.string().default(''),
      purpose: z.string().describe('enquiry or taking-control'),
      premises: z.string().describe('domestic or business'),
      tradingFrom: clock('When the business opens').nullable().default(null),
      tradingUntil: clock('When the business closes').nullable().default(null),
      courtOrder: z.string().default(''),
      notes: z.string().default(''),
      start: clock('The planned start'),
      finish: clock('The planned finish'),
      secondOfficerId: z.string().nullable().default(null).describe('Who goes too, if anyone'),
    })
    .transform((body) => ({
      ...body,
      latitude: coordinateText(body.latitude),
      longitude: coordinateText(body.longitude),
    })),
  visitForm,
);

export const dropBody = readBy(z.object({ reason: z.string() }), dropForm);
export const moveBody = readBy(z.object({ direction: z.string().describe('earlier or later') }), moveForm);
export const adviceBody = readBy(z.object({ advice: z.string() }), adviceForm);
export const authorisationBody = readBy(
  z.object({ reason: z.string().describe('The business reason for the out-of-hours visit') }),
  authorisationForm,
);
