// The gazetteer's rules: what a row of an LLPG export must hold to be imported, how an address is
// written for comparison, and which gazetteer address a visit's address is (route planning,
// DOMAIN.md §5 Planning: each visit must be placed before the day's route can be ordered).
import { gridToWgs84, inGreatBritain, onNationalGrid } from '../../../platform/geo/osgb.ts';
import { addressFrom, type Columns } from './csv.ts';

export type GazetteerRow = {
  uprn: string;
  address: string;
  postcode: string;
  searchKey: string;
  latitude: number;
  longitude: number;
  easting: number | null;
  northing: number | null;
};

// A UK postcode: outward code (area, district) and inward code (sector, unit), e.g. DM1 4QT.
const postcodePattern = /^([A-Z]{1,2}[0-9][A-Z0-9]?) ?([0-9][A-Z]{2})$/;
const postcodeInText = /\b[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}\b/gi;

// The postcode written as Royal Mail writes it (capitals, one space), or null if it is not one.
export function postcodeOf(text: string): string | null {
  const match = postcodePattern.exec(text.trim().toUpperCase().replace(/\s+/g, ' '));
  return match ? `${match[1]} ${match[2]}` : null;
}

// The last postcode written in an address, if it has one.
export const postcodeIn = (address: string) =>
  [...address.matchAll(postcodeInText)].map((match) => postcodeOf(match[0])).pop() ?? null;

const abbreviations: Record<string, string> = {
  rd: 'road',
  ave: 'avenue',
  av: 'avenue',
  cl: 'close',
  ct: 'court',
  crt: 'court',
  ln: 'lane',
  dr: 'drive',
  gr: 'grove',
  gro: 'grove',
  pl: 'place',
  sq: 'square',
  cres: 'crescent',
  tce: 'terrace',
  terr: 'terrace',
  gdns: 'gardens',
  pk: 'park',
  est: 'estate',
  ind: 'industrial',
};

// One comma-separated part: "St" ends a street's name ("High St") and starts a saint's ("St Mary's Road").
function partKey(part: string): string[] {
  const words = part
    .toLowerCase()
    .replaceAll('&', ' and ')
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter((word) => word !== '');
  return words.map((word, at) =>
    word === 'st' ? (at === words.length - 1 ? 'street' : 'saint') : (abbreviations[word] ?? word),
  );
}

// The address as it is compared: without its postcode, in lower case, without punctuation, with
// the usual abbreviations written out ("14 Ashdown Ct., Demoton DM1 4QT" is "14 ashdown court demoton").
export function addressKey(address: string): string {
  return address.replace(postcodeInText, ' ').split(',').flatMap(partKey).join(' ');
}

const startsWithWords = (longer: string, shorter: string) =>
  longer === shorter || longer.startsWith(`${shorter} `);

export type Matched<T> = { match: T } | { several: T[] } | null;

// The candidate (at the same postcode) that the address names: the one written the same, else the
// one that extends it or that it extends by whole words ("14 Ashdown Court" and "14 Ashdown Court,
// Demoton"), when only one does. Two words at least, so that a bare number matches nothing.
export function matchAddress<T extends { searchKey: string }>(
  key: string,
  candidates: readonly T[],
): Matched<T> {
  const same = candidates.filter((candidate) => candidate.searchKey === key);
  if (same.length === 1 && same[0]) return { match: same[0] };
  if (same.length > 1) return { several: same };
  if (key.split(' ').length < 2) return null;
  const near = candidates.filter(
    (candidate) => startsWithWords(candidate.searchKey, key) || startsWithWords(key, candidate.searchKey),
  );
  if (near.length === 1 && near[0]) return { match: near[0] };
  return near.length > 1 ? { several: near } : null;
}

type Checked = { row: GazetteerRow } | { problem: string };

const uprnPattern = /^[0-9]{1,12}$/;
const number = (text: string | undefined) => (text?.trim() ? Number(text.trim()) : Number.NaN);

// A row of the file: a UPRN (digits), an address, a UK postcode, and a position in Great Britain,
// from latitude and longitude where given, else from the National Grid reference.
export function checkRow(cells: readonly string[], columns: Columns): Checked {
  const uprn = (cells[columns.uprn] ?? '').trim().replace(/\.0+$/, '');
  if (!uprn) return { problem: 'the UPRN is missing' };
  if (!uprnPattern.test(uprn)) return { problem: `the UPRN “${uprn.slice(0, 20)}” is not up to 12 digits` };
  const address = addressFrom(cells, columns.address).replace(/\s+/g, ' ');
  if (!address) return { problem: 'the address is missing' };
  if (address.length > 500) return { problem: 'the address is longer than 500 characters' };
  const given = (cells[columns.postcode] ?? '').trim();
  if (!given) return { problem: 'the postcode is missing' };
  const postcode = postcodeOf(given);
  if (!postcode) return { problem: `the postcode “${given.slice(0, 12)}” is not a UK postcode` };
  // The search key writes abbreviations out ("St" is "street"), so it may be longer than the address.
  const searchKey = addressKey(address);
  if (searchKey.length > 500)
    return { problem: 'the address is longer than 500 characters with its abbreviations written out' };
  const place = positionOf(cells, columns);
  if ('problem' in place) return place;
  return { row: { uprn, address, postcode, searchKey, ...place } };
}

type Position = Pick<GazetteerRow, 'latitude' | 'longitude' | 'easting' | 'northing'>;

function positionOf(cells: readonly string[], columns: Columns): Position | { problem: string } {
  const grid = columns.grid && {
    easting: number(cells[columns.grid.easting]),
    northing: number(cells[columns.grid.northing]),
  };
  const degrees = columns.degrees && {
    latitude: number(cells[columns.degrees.latitude]),
    longitude: number(cells[columns.degrees.longitude]),
  };
  const gridGiven = grid && !(Number.isNaN(grid.easting) && Number.isNaN(grid.northing));
  const degreesGiven = degrees && !(Number.isNaN(degrees.latitude) && Number.isNaN(degrees.longitude));
  if (gridGiven && !onNationalGrid(grid.easting, grid.northing))
    return Number.isFinite(grid.easting) && Number.isFinite(grid.northing)
      ? { problem: 'the easting and northing are outside Great Britain' }
      : { problem: 'the easting and northing must both be numbers of metres' };
  if (degreesGiven) {
    if (!Number.isFinite(degrees.latitude) || !Number.isFinite(degrees.longitude))
      return { problem: 'the latitude and longitude must both be numbers of degrees' };
    if (!inGreatBritain(degrees)) return { problem: 'the latitude and longitude are outside Great Britain' };
    return {
      ...degrees,
      easting: gridGiven ? grid.easting : null,
      northing: gridGiven ? grid.northing : null,
    };
  }
  if (!gridGiven)
    return { problem: 'the position is missing: give an easting and northing, or a latitude and longitude' };
  const converted = gridToWgs84(grid.easting, grid.northing);
  if (!inGreatBritain(converted)) return { problem: 'the easting and northing are outside Great Britain' };
  return { ...converted, easting: grid.easting, northing: grid.northing };
}
