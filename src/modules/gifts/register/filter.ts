import { isUuid } from '../../../platform/auth/secrets.ts';
import { isIsoDate } from '../../../platform/calendar/working-days.ts';
import type { FieldError } from '../../../platform/errors.ts';
import { type CursorKey, decodeCursor } from '../../../platform/web/cursor.ts';
import { text } from '../../../platform/web/forms.ts';
import { maxValuePence, poundsToPence } from '../offers/input.ts';
import type { OfferKind, OfferState } from '../rules.ts';
import { type RegisterFilter, type RegisterSort, registerSorts } from './repository.ts';

const states: readonly OfferState[] = ['accepted', 'declined', 'awaiting-approval'];
const kinds: readonly OfferKind[] = ['gift', 'hospitality'];

// The register's filters as typed in the page's form or the API's query string (the same names):
// service, from, to, offeror, state, kind, min and max (pounds), search, sort and after (cursor).
export function parseRegisterQuery(query: Record<string, unknown>, cursorName = 'after') {
  const values = Object.fromEntries(
    ['service', 'from', 'to', 'offeror', 'state', 'kind', 'min', 'max', 'search', 'sort'].map((key) => [
      key,
      text(query[key]).trim().slice(0, 200),
    ]),
  ) as Record<string, string>;
  const errors: FieldError[] = [];
  const filter: RegisterFilter = {};
  const { service = '', from = '', to = '', state = '', kind = '', min = '', max = '' } = values;
  if (service) {
    if (isUuid(service)) filter.serviceId = service;
    else errors.push({ key: 'service', message: 'Select a service from the list' });
  }
  for (const [key, value, label] of [
    ['from', from, 'From date'],
    ['to', to, 'To date'],
  ] as const) {
    if (!value) continue;
    if (isIsoDate(value)) filter[key] = value;
    else errors.push({ key, message: `${label} must be a real date, like 2026-11-23` });
  }
  if (filter.from && filter.to && filter.to < filter.from) {
    errors.push({ key: 'to', message: 'To date must be the same as or after the from date' });
  }
  if (state) {
    if ((states as readonly string[]).includes(state)) filter.state = state as OfferState;
    else errors.push({ key: 'state', message: 'Select accepted, declined or awaiting approval' });
  }
  if (kind) {
    if ((kinds as readonly string[]).includes(kind)) filter.kind = kind as OfferKind;
    else errors.push({ key: 'kind', message: 'Select gift or hospitality' });
  }
  for (const [key, value, label] of [
    ['minPence', min, 'Lowest value'],
    ['maxPence', max, 'Highest value'],
  ] as const) {
    if (!value) continue;
    const pence = poundsToPence(value);
    if (typeof pence === 'number' && pence <= maxValuePence) filter[key] = pence;
    else
      errors.push({
        key: key === 'minPence' ? 'min' : 'max',
        message: `${label} must be an amount in pounds, like 50`,
      });
  }
  if (filter.minPence !== undefined && filter.maxPence !== undefined && filter.maxPence < filter.minPence) {
    errors.push({ key: 'max', message: 'Highest value must be the same as or more than the lowest value' });
  }
  if (values.offeror) filter.offeror = values.offeror;
  if (values.search) filter.search = values.search;
  const sort: RegisterSort = (registerSorts as readonly string[]).includes(values.sort ?? '')
    ? (values.sort as RegisterSort)
    : 'newest';
  const after = pageAfter(sort, text(query[cursorName]));
  if (after === null) {
    errors.push({ key: cursorName, message: 'The page link is out of date: go back to the first page' });
  }
  return { values, filter, sort, after: after ?? undefined, errors };
}

// A cursor must be one this list gave out for the same sort: a date, a name or a value, and an id.
function pageAfter(sort: RegisterSort, cursor: string): CursorKey | undefined | null {
  if (cursor === '') return undefined;
  const [value, id] = decodeCursor(cursor, 2) ?? [];
  const fits =
    sort === 'newest' || sort === 'oldest'
      ? typeof value === 'string' && isIsoDate(value)
      : sort === 'offeror'
        ? typeof value === 'string' && !value.includes('\u0000')
        : Number.isSafeInteger(value);
  return fits && typeof id === 'string' && isUuid(id) ? [value as string | number, id] : null;
}
