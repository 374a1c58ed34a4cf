import { isIsoDate } from '../calendar/working-days.ts';
import type { FieldError } from '../errors.ts';

// GOV.UK error summary items and per-field error messages from a list of field errors.
export function formErrors(errors: readonly FieldError[]) {
  return {
    errorList: errors.map((error) => ({ text: error.message, href: `#${error.key}` })),
    fieldErrors: Object.fromEntries(errors.map((error) => [error.key, { text: error.message }])),
  };
}

export function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

// GOV.UK date input: three boxes for day, month and year.
export function dateFromParts(day: string, month: string, year: string): string | null {
  if (!/^\d{1,2}$/.test(day) || !/^\d{1,2}$/.test(month) || !/^\d{4}$/.test(year)) return null;
  const iso = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  return isIsoDate(iso) ? iso : null;
}
