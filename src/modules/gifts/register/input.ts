import { z } from 'zod';
import { formText } from '../../../platform/web/form-kit.ts';
import { registerSorts } from './repository.ts';

// The register's filters, named the same in the page's form and the API's query string.
const filters = {
  service: 'A service’s id',
  from: 'Offered on or after this day, YYYY-MM-DD',
  to: 'Offered on or before this day, YYYY-MM-DD',
  offeror: 'Part of the offering person’s or organisation’s name',
  state: 'accepted, declined or awaiting-approval',
  kind: 'gift or hospitality',
  min: 'Lowest estimated value, in pounds',
  max: 'Highest estimated value, in pounds',
  search: 'Words in the offeror, description or officer’s name',
} as const;

function filterFields<T extends z.ZodType>(field: (description: string) => T) {
  return Object.fromEntries(
    Object.entries(filters).map(([name, description]) => [name, field(description)]),
  ) as Record<keyof typeof filters, T>;
}

// The page keeps whatever was typed, to show it again with what is wrong with it.
export const registerPageQuery = z.object({
  ...filterFields(() => formText.catch('')),
  sort: formText.catch(''),
  after: formText.catch(''),
});

export const registerApiQuery = z.object({
  ...filterFields((description) => z.string().max(200).optional().describe(description)),
  sort: z
    .enum(registerSorts, { message: `Sort must be one of ${registerSorts.join(', ')}` })
    .default('newest'),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z.string().max(500).optional().describe('nextCursor from the previous page'),
});
