import { z } from 'zod';
import { isUuid } from '../../../platform/auth/secrets.ts';
import type { FieldError } from '../../../platform/errors.ts';
import { type CursorKey, decodeCursor } from '../../../platform/web/cursor.ts';
import { formText } from '../../../platform/web/form-kit.ts';
import { text } from '../../../platform/web/forms.ts';
import { isDeclarationKind } from '../declarations/rules.ts';
import type { RegisterFilter } from './repository.ts';

export const statusNames = {
  current: 'Current',
  ended: 'Ended',
  'awaiting-review': 'Awaiting review',
} as const;
type Status = keyof typeof statusNames;

const isStatus = (value: string): value is Status => Object.hasOwn(statusNames, value);

// The register page's query string: each filter as typed, and the cursor.
const typed = formText.catch('');
export const registerPageQuery = z.object({
  service: typed,
  kind: typed,
  status: typed,
  search: typed,
  after: typed,
});

// The register's filters as typed in the page's form or the API's query string (the same names):
// service, kind, status, search and after (the cursor; `cursor` in the API).
export function parseRegisterQuery(query: Record<string, unknown>, cursorName = 'after') {
  const values = Object.fromEntries(
    ['service', 'kind', 'status', 'search'].map((key) => [key, text(query[key]).trim().slice(0, 200)]),
  ) as Record<'service' | 'kind' | 'status' | 'search', string>;
  const errors: FieldError[] = [];
  const filter: RegisterFilter = {};
  if (values.service) {
    if (isUuid(values.service)) filter.serviceId = values.service;
    else errors.push({ key: 'service', message: 'Select a service from the list' });
  }
  if (values.kind) {
    if (isDeclarationKind(values.kind)) filter.kind = values.kind;
    else errors.push({ key: 'kind', message: 'Select a kind of interest from the list' });
  }
  if (values.status) {
    if (isStatus(values.status)) filter.status = values.status;
    else errors.push({ key: 'status', message: 'Select current, ended or awaiting review' });
  }
  if (values.search) filter.search = values.search;
  const after = pageAfter(text(query[cursorName]));
  if (after === null) {
    errors.push({ key: cursorName, message: 'The page link is out of date: go back to the first page' });
  }
  return { values, filter, after: after ?? undefined, errors };
}

// A cursor must be one the register gave out: the instant a declaration was made, and its id.
function pageAfter(cursor: string): CursorKey | undefined | null {
  if (cursor === '') return undefined;
  const [at, id] = decodeCursor(cursor, 2) ?? [];
  const fits = typeof at === 'string' && isInstant(at);
  return fits && typeof id === 'string' && isUuid(id) ? [at, id] : null;
}

// A moment the database can compare: PostgreSQL's timestamps stop at the year 294276.
function isInstant(value: string): boolean {
  const at = new Date(value);
  return !Number.isNaN(at.getTime()) && at.toISOString() === value && /^\d{4}-/.test(value);
}
