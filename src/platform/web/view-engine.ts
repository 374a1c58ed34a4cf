import { fileURLToPath } from 'node:url';
import type nunjucks from 'nunjucks';

const root = (path: string) => fileURLToPath(new URL(path, import.meta.url));

// Templates are found by path from these folders: 'layout.njk', 'auth/views/…',
// 'organisation/views/…', and the GOV.UK Frontend macros as 'govuk/components/…'.
export const templateFolders = [
  root('./views/'),
  root('../'),
  root('../../modules/'),
  root('../../../node_modules/govuk-frontend/dist/'),
];

const dateTimeFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
  hour12: true,
});
const dateFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'UTC',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});

export function configureNunjucks(env: nunjucks.Environment) {
  env.addFilter('dateTime', (value: unknown) => (value instanceof Date ? dateTimeFormat.format(value) : ''));
  env.addFilter('date', (value: unknown) =>
    typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)
      ? dateFormat.format(new Date(`${value}T00:00:00Z`))
      : '',
  );
  env.addFilter('json', (value: unknown) => JSON.stringify(value, null, 2));
}
