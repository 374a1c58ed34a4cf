import { z } from 'zod';
import { formText } from '../../../platform/web/form-kit.ts';
import { isCompanyNumber, nameKey } from '../names.ts';
import { hasWholeWord } from './matching.ts';

// What the conflict lookup is asked: the same fields on the page's query string and the API's.

export const lookupInput = z.object({
  name: z
    .string()
    .trim()
    .min(1, 'Enter the name of the person or organisation')
    .min(2, 'Name must be 2 characters or more')
    .max(200, 'Name must be 200 characters or fewer')
    .refine(
      (name) => hasWholeWord(nameKey(name)),
      'Enter more of the name than initials or words like “Ltd”',
    ),
  address: z.string().trim().max(500, 'Address or postcode must be 500 characters or fewer'),
  companyNumber: z
    .string()
    .trim()
    .refine(
      (number) => number === '' || isCompanyNumber(number),
      'Enter a company number as Companies House shows it, like 01234567 or SC123456',
    ),
});
export type LookupInput = z.infer<typeof lookupInput>;

// The API's query string: each field as given, for lookupInput to check.
export const lookupQuery = z.object({
  name: z.string().optional().describe('The person’s or organisation’s name, 2 to 200 characters'),
  address: z.string().optional().describe('An address or postcode: the same postcode ranks a name higher'),
  companyNumber: z.string().optional().describe('A Companies House number, like 01234567 or SC123456'),
});

// The page's query string: each field as typed; a name absent when nothing has been looked up yet.
const typed = z.union([z.undefined(), formText]);
export const lookupPageQuery = z.object({ name: typed, address: formText, companyNumber: formText });
