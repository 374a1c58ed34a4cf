import { isIsoDate } from '../calendar/working-days.ts';
import type { FieldError } from '../errors.ts';

// GOV.UK error summary items and per-field error messages from a list of field errors.
export function formErrors(errors: readonly FieldError[]) {
  return {
    // A problem with the whole form (someone else changed the record first) has no field to link to.
    errorList: errors.map((error) => ({
      text: error.message,
      href: error.key === 'form' ? '#main-content' : `#${error.key}`,
    })),
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

// A GOV.UK date input as typed (to show again) and as YYYY-MM-DD: '' when its boxes are empty,
// 'not-a-date' when they do not make a real date, so that the rule checking it says so.
export function dateInput(body: Readonly<Record<string, unknown>>, name: string) {
  const [day, month, year] = ['day', 'month', 'year'].map((part) => text(body[`${name}-${part}`]).trim()) as [
    string,
    string,
    string,
  ];
  const typed = { [`${name}-day`]: day, [`${name}-month`]: month, [`${name}-year`]: year };
  const date =
    day === '' && month === '' && year === '' ? '' : (dateFromParts(day, month, year) ?? 'not-a-date');
  return { typed, date };
}

// A date shown in a GOV.UK date input's three boxes; none for no date.
export function dateParts(date: string | null, name: string): Record<string, string> {
  if (!date) return {};
  return {
    [`${name}-day`]: String(Number(date.slice(8, 10))),
    [`${name}-month`]: String(Number(date.slice(5, 7))),
    [`${name}-year`]: date.slice(0, 4),
  };
}

// The example date in a GOV.UK date hint: "27 3 2027".
export function exampleDate(date: string): string {
  return `${Number(date.slice(8, 10))} ${Number(date.slice(5, 7))} ${date.slice(0, 4)}`;
}
