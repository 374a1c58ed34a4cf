import { z } from 'zod';
import { formText } from '../../../platform/web/form-kit.ts';

// What the gazetteer's pages and API take.

// The upload form has no fields of its own: the file comes as an upload.
export const uploadForm = z.object({});

export const postcodeQuery = z.object({ postcode: formText.pipe(z.string().max(12)).catch('') });
// The import just made, to say what it did.
export const importedQuery = z.object({ imported: z.uuid().optional().catch(undefined) });

// A look-up: by UPRN, or by an address and its postcode.
export const lookupQuery = z
  .object({
    uprn: z
      .string()
      .trim()
      .regex(/^[0-9]{1,12}$/, 'A UPRN is up to 12 digits')
      .optional()
      .describe('The Unique Property Reference Number'),
    address: z.string().trim().max(500).optional().describe('The address, as written on the record'),
    postcode: z.string().trim().max(12).optional(),
  })
  .refine((query) => query.uprn || query.address, {
    message: 'Give a UPRN, or an address and its postcode',
    path: ['address'],
  });

export const addressesQuery = z.object({
  postcode: z.string().trim().min(1, 'Give a postcode').max(12).describe('A UK postcode, like DM1 4QT'),
});
