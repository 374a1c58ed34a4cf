import { z } from 'zod';
import { formText } from '../../platform/web/form-kit.ts';

// Fields several of the module's forms share.

// Text a person must give, cut to a length.
export const required = (message: string, max: number) =>
  formText.pipe(z.string().min(1, message).max(max, `Must be ${max} characters or fewer`));
export const optional = (max: number) =>
  formText.pipe(z.string().max(max, `Must be ${max} characters or fewer`));

// A GOV.UK date input, as the form kit joins it: 'YYYY-MM-DD', '' or 'not-a-date'.
export const optionalDate = (what: string) =>
  formText.refine((value) => value !== 'not-a-date', `${what} must be a real date`);
export const requiredDate = (what: string) =>
  formText
    .refine((value) => value !== '', `Enter ${what.toLowerCase()}`)
    .refine((value) => value !== 'not-a-date', `${what} must be a real date`);

// One of a list's codes.
export const oneOf = (list: readonly { code: string }[], message: string) =>
  formText.refine((value) => list.some((item) => item.code === value), message);

export const email = formText.pipe(
  z
    .email('Enter an email address in the correct format, like name@example.com')
    .max(320, 'Email address is too long'),
);
