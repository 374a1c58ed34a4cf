import { addMonths } from '../../../platform/calendar/months.ts';
import type { RiskMarkerKind, RiskMarkerStatus } from '../tables.ts';

// The risk register's rules: what a marker says, and when an address or a name on a visit is the
// one a marker flags. Officers check all records for potentially violent persons and known
// mental-health risks before any visit, and hostels and care-in-the-community accommodation need
// a team leader's advice [000 personal safety]; enforcement agents identify any caution before
// contact [004].

export const riskKinds: Record<RiskMarkerKind, { name: string; hint: string }> = {
  violent: {
    name: 'Potentially violent person',
    hint: 'Violence or a threat of violence in the past: no unaccompanied visit [000]',
  },
  'mental-health': {
    name: 'Known mental-health risk',
    hint: 'Mental-health problems that may lead to violence or aggression: no unaccompanied visit [000]',
  },
  hostel: { name: 'Hostel', hint: 'Ask a team leader for advice before visiting [000]' },
  'care-in-community': {
    name: 'Care in the community accommodation',
    hint: 'Ask a team leader for advice before visiting [000]',
  },
  other: { name: 'Other caution', hint: 'Anything else an officer must know before contact [004]' },
};

export const statusNames: Record<RiskMarkerStatus, string> = {
  active: 'Active',
  proposed: 'Nominated, awaiting review',
  rejected: 'Rejected',
  removed: 'Removed',
};

export const isRiskKind = (value: string): value is RiskMarkerKind => Object.hasOwn(riskKinds, value);

// A marker is looked at again a year after it is added or last reviewed, unless a sooner date is set.
export const markerReviewMonths = 12;

export const defaultReviewOn = (today: string) => addMonths(today, markerReviewMonths);

// Whoever nominated a marker does not decide on their own nomination.
export const mayReview = (nominatedBy: string, reviewerId: string) => nominatedBy !== reviewerId;

// A removed or rejected marker keeps its personal data for the retention period after it ended.
export function retentionCutOff(now: Date, years: number): Date {
  const cutOff = new Date(now);
  cutOff.setUTCFullYear(cutOff.getUTCFullYear() - years);
  return cutOff;
}

// --- Addresses -------------------------------------------------------------------------------

const postcodePattern = /\b([A-Z]{1,2}[0-9][A-Z0-9]?) ?([0-9][A-Z]{2})\b/g;

// A UK postcode in the address, upper case without its space ("ls1 4ap" → "LS14AP"); the last
// one written, since a postcode ends an address. Null when there is none.
export function postcodeKey(address: string): string | null {
  const found = [...address.toUpperCase().matchAll(postcodePattern)].at(-1);
  return found ? `${found[1]}${found[2]}` : null;
}

const abbreviations: Record<string, string> = {
  st: 'street',
  rd: 'road',
  ave: 'avenue',
  av: 'avenue',
  ln: 'lane',
  dr: 'drive',
  ct: 'court',
  cres: 'crescent',
  pl: 'place',
  sq: 'square',
  gdns: 'gardens',
  cl: 'close',
  tce: 'terrace',
  terr: 'terrace',
  gr: 'grove',
  pk: 'park',
  hse: 'house',
  apartment: 'flat',
  apt: 'flat',
  unit: 'flat',
  room: 'flat',
};

// One line of an address as compared: lower case, no punctuation, abbreviations written out.
function normalisedLine(line: string): string[] {
  return line
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter((word) => word !== '')
    .map((word) => abbreviations[word] ?? word);
}

const isNumber = (word: string) => /^[0-9]+[a-z]?$/.test(word);

export type Premises = { flat: string | null; number: string | null; name: string };

// The premises an address names: its first line, taken with the next while it is only a number
// or a flat ("Flat 2, 12 High St" is flat 2 at number 12 High Street); the flat, the house number
// and the words that are left (a street, or a house's name).
export function premisesOf(address: string): Premises {
  const lines = address
    .toUpperCase()
    .replace(postcodePattern, ' ')
    .split(/[,\n]/)
    .map(normalisedLine)
    .filter((words) => words.length > 0);
  const words: string[] = [];
  for (const line of lines) {
    words.push(...line);
    if (words.some((word, i) => !isNumber(word) && word !== 'flat' && words[i - 1] !== 'flat')) break;
  }
  let flat: string | null = null;
  let number: string | null = null;
  const rest: string[] = [];
  for (const [i, word] of words.entries()) {
    if (word === 'flat') continue;
    if (words[i - 1] === 'flat' && flat === null) flat = word;
    else if (isNumber(word) && number === null) number = word;
    else rest.push(word);
  }
  return { flat, number, name: rest.join(' ') };
}

const sameFlat = (a: Premises, b: Premises) => a.flat === null || b.flat === null || a.flat === b.flat;

// The same premises: the same postcode, and the same house number (or, with no numbers, the same
// house name); a flat named on both sides must be the same flat, but a marker on a building
// flags each of its flats and a visit to "12 High Street" is warned of a marker on a flat in it.
export function sameAddress(a: string, b: string): boolean {
  const postcode = postcodeKey(a);
  if (postcode === null || postcode !== postcodeKey(b)) return false;
  const [one, other] = [premisesOf(a), premisesOf(b)];
  if (!sameFlat(one, other)) return false;
  if (one.number !== null || other.number !== null) return one.number === other.number;
  return one.name !== '' && one.name === other.name;
}

// --- Names -----------------------------------------------------------------------------------

// The names compared are the interests register's name keys (lower case, no titles or
// punctuation: "Mr J. Smith" is "j smith").
const wordsOf = (key: string) => key.split(' ').filter((word) => word !== '');

export const surnameOf = (key: string) => wordsOf(key).at(-1) ?? '';

const sameGivenName = (a: string, b: string) =>
  a === b || (a.length === 1 && b.startsWith(a)) || (b.length === 1 && a.startsWith(b));

// The same person: the same surname, and first names that agree or an initial that stands for
// the other's first name ("j smith" and "john smith"). A surname alone matches only itself: it
// would flag every Smith in the borough.
export function samePerson(aKey: string, bKey: string): boolean {
  const [a, b] = [wordsOf(aKey), wordsOf(bKey)];
  if (a.length === 0 || b.length === 0 || a.at(-1) !== b.at(-1)) return false;
  if (a.length === 1 || b.length === 1) return a.length === b.length;
  return sameGivenName(a[0] as string, b[0] as string);
}
