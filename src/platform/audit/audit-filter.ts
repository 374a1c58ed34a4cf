import { z } from 'zod';
import { isUuid } from '../auth/secrets.ts';
import { startOfLondonDay } from '../calendar/daylight.ts';
import type { FieldError } from '../errors.ts';
import { dateQueryParts, formText } from '../web/form-kit.ts';
import { dateInput } from '../web/forms.ts';
import type { AuditFilter } from './audit-query.ts';

const part = formText.catch('');

// The filter as typed: GOV.UK date inputs for the first and last day; a page number that is not
// one is ignored.
export const auditQuery = z.object({
  person: part,
  recordType: part,
  recordId: part,
  ...dateQueryParts('from', 'to'),
  before: z
    .unknown()
    .optional()
    .transform((value) => {
      const before = Number(value);
      return Number.isSafeInteger(before) && before > 0 ? before : undefined;
    }),
});
export type AuditValues = Omit<z.output<typeof auditQuery>, 'before'>;

// The filter's dates are London calendar days: from the start of the first to the start of the
// day after the last.
const dayAfter = (date: string) =>
  startOfLondonDay(new Date(Date.parse(`${date}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10));

function dateErrors(from: string, to: string): FieldError[] {
  const errors: FieldError[] = [];
  if (from === 'not-a-date') errors.push({ key: 'from-day', message: 'From date must be a real date' });
  if (to === 'not-a-date') errors.push({ key: 'to-day', message: 'To date must be a real date' });
  if (errors.length === 0 && from && to && to < from)
    errors.push({ key: 'to-day', message: 'To date must be the same as or after the from date' });
  return errors;
}

// The filter the fields ask for, or none with the reasons it cannot be used.
export function auditFilter(values: AuditValues): { filter: AuditFilter; errors: FieldError[] } {
  const from = dateInput(values, 'from').date;
  const to = dateInput(values, 'to').date;
  const errors: FieldError[] = [];
  if (values.person && !isUuid(values.person))
    errors.push({ key: 'person', message: 'Select a person from the list' });
  errors.push(...dateErrors(from, to));
  if (errors.length) return { filter: {}, errors };
  return {
    filter: {
      actorId: values.person || undefined,
      recordType: values.recordType || undefined,
      recordId: values.recordId || undefined,
      from: from ? startOfLondonDay(from) : undefined,
      to: to ? dayAfter(to) : undefined,
    },
    errors,
  };
}

// The filter as a query string, for the next page's link and the download's.
export function filterSearch(values: AuditValues, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams(Object.entries({ ...values, ...extra }).filter(([, v]) => v !== ''));
  const search = params.toString();
  return search ? `?${search}` : '';
}
