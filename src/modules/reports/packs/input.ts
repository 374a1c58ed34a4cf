import { z } from 'zod';
import { isIsoDate } from '../../../platform/calendar/working-days.ts';
import { formText, idParam } from '../../../platform/web/form-kit.ts';
import { committees } from './rules.ts';
import { versions } from './versions.ts';

export const packParams = z.object({ id: idParam });
export const itemParams = z.object({ id: idParam, key: z.string().regex(/^[a-z0-9-]{1,40}$/) });

const day = (what: string) =>
  z
    .string()
    .refine((value) => value !== '', `Enter the date the period ${what}`)
    .refine((value) => value === '' || isIsoDate(value), `The date the period ${what} must be a real date`);

const yearsApart = ({ from, to }: { from: string; to: string }) =>
  Number(to.slice(0, 4)) - Number(from.slice(0, 4)) - (to.slice(5) < from.slice(5) ? 1 : 0);

export const assembleForm = z
  .object({
    committee: z.enum(committees, { error: 'Select the committee' }),
    from: day('starts'),
    to: day('ends'),
  })
  .refine((input) => !isIsoDate(input.from) || !isIsoDate(input.to) || input.from <= input.to, {
    path: ['to'],
    message: 'The period must end on or after the day it starts',
  })
  .refine((input) => !isIsoDate(input.from) || !isIsoDate(input.to) || yearsApart(input) <= 6, {
    path: ['to'],
    message: 'Choose a period of 6 years or less',
  });

// '' when no paragraph is chosen: the item is not exempt.
const paragraph = formText.pipe(
  z.enum(['', '1', '2', '3', '4', '5', '6', '7'], {
    error: 'Select a paragraph of Schedule 12A, or not exempt',
  }),
);

export const markForm = z
  .object({
    paragraph,
    reason: formText.pipe(z.string().max(1000, 'The reason must be 1,000 characters or fewer')),
  })
  .refine((input) => input.paragraph === '' || input.reason !== '', {
    path: ['reason'],
    message: 'Say why the item is exempt',
  });

export const itemForm = z
  .object({
    heading: formText.pipe(
      z.string().min(1, 'Enter a heading').max(200, 'The heading must be 200 characters or fewer'),
    ),
    body: formText.pipe(
      z.string().min(1, 'Enter what the item says').max(10000, 'The item must be 10,000 characters or fewer'),
    ),
    paragraph,
    reason: formText.pipe(z.string().max(1000, 'The reason must be 1,000 characters or fewer')),
  })
  .refine((input) => input.paragraph === '' || input.reason !== '', {
    path: ['reason'],
    message: 'Say why the item is exempt',
  });

export const versionQuery = z.object({ version: z.enum(versions).catch('public') });
export const emptyForm = z.object({});
