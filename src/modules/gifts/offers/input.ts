import { z } from 'zod';
import { isIsoDate } from '../../../platform/calendar/working-days.ts';
import { InvalidInput, parseInput } from '../../../platform/errors.ts';
import { idParam } from '../../../platform/web/form-kit.ts';
import { dateFromParts } from '../../../platform/web/forms.ts';
import { isNatureOf, type Nature, offerKinds, relationships } from '../rules.ts';

// An entry's address: its id.
export const offerParams = z.object({ id: idParam });

export const maxValuePence = 10_000_000; // £100,000: anything above is a typing mistake

const text = (max: number, label: string) =>
  z.string().trim().max(max, `${label} must be ${max} characters or fewer`).default('');

// One schema for the question pages and the API: money in pence, dates as YYYY-MM-DD.
export const offerFields = {
  kind: z.enum(offerKinds, { message: 'Select whether it was a gift or hospitality' }),
  offerorPerson: text(200, 'The name of the person'),
  offerorOrganisation: text(200, 'The name of the organisation'),
  relationship: z.enum(Object.keys(relationships) as [keyof typeof relationships], {
    message: 'Select their relationship with the council',
  }),
  nature: z.string({ message: 'Select what was offered' }).min(1, 'Select what was offered'),
  description: z
    .string({ message: 'Describe what was offered' })
    .trim()
    .min(1, 'Describe what was offered')
    .max(500, 'Description must be 500 characters or fewer'),
  valuePence: z
    .number({ message: 'Enter the estimated value in pounds' })
    .int('Estimated value must be in whole pence')
    .min(0, 'Estimated value must be £0 or more')
    .max(maxValuePence, 'Estimated value must be £100,000 or less'),
  offeredOn: z
    .string({ message: 'Enter the date it was offered' })
    .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'Date offered must be a real date', abort: true })
    .refine(isIsoDate, 'Date offered must be a real date'),
  // Hospitality only; asked for when it needs approval, which is given before the event (001 §69).
  eventOn: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'Date of the event must be a real date', abort: true })
    .refine(isIsoDate, 'Date of the event must be a real date')
    .nullable()
    .optional(),
  decision: z.enum(['accepted', 'declined'], { message: 'Select whether you accepted or declined it' }),
  reason: z
    .string({ message: 'Say why you accepted or declined it' })
    .trim()
    .min(1, 'Say why you accepted or declined it')
    .max(1000, 'Reason must be 1000 characters or fewer'),
  outcome: text(500, 'What happened to it'),
};

export const offerInput = z
  .object(offerFields)
  .superRefine((offer, context) => {
    if (!offer.offerorPerson && !offer.offerorOrganisation) {
      context.addIssue({
        code: 'custom',
        path: ['offerorPerson'],
        message: 'Enter who made the offer: a person, an organisation or both',
      });
    }
    if (!isNatureOf(offer.kind, offer.nature)) {
      context.addIssue({ code: 'custom', path: ['nature'], message: 'Select what was offered' });
    }
  })
  .transform((offer) => ({
    ...offer,
    nature: offer.nature as Nature,
    eventOn: offer.kind === 'hospitality' ? (offer.eventOn ?? null) : null,
  }));

export type OfferInput = z.output<typeof offerInput>;

// Checks an offer's date against today (London) and the register's start.
export function dateErrors(offeredOn: string, today: string) {
  if (offeredOn > today) return [{ key: 'offeredOn', message: 'Date offered must be today or in the past' }];
  if (offeredOn < '2000-01-01')
    return [{ key: 'offeredOn', message: 'Date offered must be after 1 January 2000' }];
  return [];
}

export function parseOfferInput(value: unknown, today: string): OfferInput {
  const input = parseInput(offerInput, value);
  const errors = dateErrors(input.offeredOn, today);
  if (errors.length) throw new InvalidInput(errors);
  return input;
}

// The question pages keep what was typed; these turn it into the schema's values.
export function poundsToPence(raw: string): number | string | undefined {
  const pounds = raw.trim().replace(/^£/, '').replaceAll(',', '');
  if (pounds === '') return undefined;
  return /^\d+(\.\d{1,2})?$/.test(pounds) ? Math.round(Number(pounds) * 100) : 'not money';
}

// A date typed in three boxes: undefined when they are empty.
function answeredDate(answers: Record<string, string>, name: string) {
  const [day, month, year] = ['day', 'month', 'year'].map((part) => answers[`${name}-${part}`] ?? '') as [
    string,
    string,
    string,
  ];
  return day || month || year ? (dateFromParts(day, month, year) ?? 'not a date') : undefined;
}

export function offerFromAnswers(answers: Record<string, string>): Record<string, unknown> {
  return {
    ...answers,
    valuePence: poundsToPence(answers.value ?? ''),
    offeredOn: answeredDate(answers, 'offeredOn'),
    eventOn: answers.kind === 'hospitality' ? answeredDate(answers, 'eventOn') : undefined,
  };
}

// The API's field names as the question pages name them: the value is typed in pounds.
export function answerErrors(
  errors: readonly { key: string; message: string }[],
  answers: Record<string, string>,
) {
  return errors.map((error) => {
    if (error.key !== 'valuePence') return error;
    const notMoney = poundsToPence(answers.value ?? '') === 'not money';
    return {
      key: 'value',
      message: notMoney ? 'Estimated value must be an amount in pounds, like 45 or 45.50' : error.message,
    };
  });
}

// An approver's decision, from the approval page or the API.
export const decisionInput = z.object({
  decision: z.enum(['approved', 'refused'], { message: 'Select whether you approve it' }),
  comment: z.string().trim().max(1000, 'Comment must be 1000 characters or fewer').default(''),
});

// The officer's correction of their entry, as sent: each field is checked against the entry's rules.
export const amendBody = z.record(z.string(), z.unknown()).catch({});

// Why the officer corrects their entry.
export const changeReasonInput = z.preprocess(
  (value) => (typeof value === 'string' ? value : ''),
  z
    .string()
    .trim()
    .min(1, 'Say why you are amending the entry')
    .max(500, 'Reason for the amendment must be 500 characters or fewer'),
);
