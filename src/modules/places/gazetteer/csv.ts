// Reading a council's LLPG export (CSV, RFC 4180): its records with the line each starts on, and
// which columns hold the UPRN, the address, the postcode and the position, whatever the export
// calls them (ADDRESS or Full Address, X_COORDINATE or Easting, and so on).

import { headingKey } from '../../../platform/web/csv-records.ts';

export { type CsvRecord, parseCsv } from '../../../platform/web/csv-records.ts';

// Where each thing is in a record: an address in one column or in the LLPG's parts, and a
// position as a National Grid reference, as latitude and longitude, or both.
export type Columns = {
  uprn: number;
  address: number[];
  postcode: number;
  grid: { easting: number; northing: number } | null;
  degrees: { latitude: number; longitude: number } | null;
};

const names = {
  uprn: ['uprn', 'uprn_number', 'property_reference'],
  address: ['address', 'full_address', 'single_line_address', 'address_text', 'location', 'lpi_address'],
  postcode: ['postcode', 'post_code', 'postcode_locator', 'postal_code'],
  easting: ['easting', 'eastings', 'x_coordinate', 'x_coord', 'x'],
  northing: ['northing', 'northings', 'y_coordinate', 'y_coord', 'y'],
  latitude: ['latitude', 'lat'],
  longitude: ['longitude', 'long', 'lon', 'lng'],
};

// The LLPG's address parts (BS 7666), in the order they are written.
const llpgParts = [
  'sao_text',
  'sao_start_number',
  'sao_start_suffix',
  'pao_text',
  'pao_start_number',
  'pao_start_suffix',
  'street_description',
  'locality',
  'town_name',
];
const addressLines = /^address_?line_?\d$|^address_?\d$/;

export type HeadingProblem = { problem: string };

export function columnsOf(headings: readonly string[]): Columns | HeadingProblem {
  const keys = headings.map(headingKey);
  const find = (choices: readonly string[]) => keys.findIndex((key) => choices.includes(key));
  const uprn = find(names.uprn);
  const postcode = find(names.postcode);
  const address = addressColumns(keys, find(names.address));
  const grid = pair(find(names.easting), find(names.northing), 'easting', 'northing');
  const degrees = pair(find(names.latitude), find(names.longitude), 'latitude', 'longitude');
  const missing = [
    uprn < 0 ? 'UPRN column' : null,
    address.length === 0 ? 'ADDRESS column (or the LLPG’s address parts)' : null,
    postcode < 0 ? 'POSTCODE column' : null,
    !grid && !degrees
      ? 'EASTING and NORTHING (or X_COORDINATE and Y_COORDINATE), or LATITUDE and LONGITUDE, columns'
      : null,
  ].filter((text): text is string => text !== null);
  if (missing.length)
    return { problem: `The first line must name the columns: it has no ${missing.join(', no ')}` };
  return { uprn, address, postcode, grid, degrees };
}

function addressColumns(keys: readonly string[], single: number): number[] {
  if (single >= 0) return [single];
  const lines = keys.flatMap((key, at) => (addressLines.test(key) ? [at] : []));
  if (lines.length) return lines;
  const parts = llpgParts.map((part) => keys.indexOf(part)).filter((at) => at >= 0);
  return keys.includes('street_description') ? parts : [];
}

function pair<A extends string, B extends string>(first: number, second: number, a: A, b: B) {
  return first >= 0 && second >= 0 ? ({ [a]: first, [b]: second } as Record<A | B, number>) : null;
}

// An address from its parts: a number runs into its suffix and the text after it ("12A High
// Street"); other parts are separated by commas.
export function addressFrom(cells: readonly string[], columns: readonly number[]): string {
  const parts = columns.map((at) => (cells[at] ?? '').trim());
  if (parts.length === 1) return parts[0] ?? '';
  const written: string[] = [];
  let pending = '';
  for (const part of parts) {
    if (part === '') continue;
    if (/^\d+$/.test(part) || (pending && /^[A-Za-z]$/.test(part))) pending += part;
    else {
      written.push(pending ? `${pending} ${part}` : part);
      pending = '';
    }
  }
  if (pending) written.push(pending);
  return written.join(', ');
}
