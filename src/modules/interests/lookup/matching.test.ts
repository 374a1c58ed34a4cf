import { describe, expect, it } from 'vitest';
import { nameKey } from '../names.ts';
import {
  byStrength,
  candidateKeys,
  hasWholeWord,
  type Match,
  type MatchQuality,
  matcherFor,
  nameMatchKeys,
  oneLetterApart,
  postcodeOf,
  sameAddress,
} from './matching.ts';

const noExtras = { companyNumber: null, postcode: null };

// Looked up, declared, and the match's quality or null when it is not a match.
const names: readonly (readonly [string, string, MatchQuality | null])[] = [
  ['John Smith', 'John Smith', 'exact-name'],
  ['John Smith', 'john smith', 'exact-name'],
  ['John Smith', 'John Smith Limited', 'exact-name'],
  ['John Smith Limited', 'John Smith Ltd.', 'exact-name'],
  ['Mr John Smith', 'JOHN SMITH', 'exact-name'],
  ['John Smith', 'J. Smith Ltd', 'similar-name'],
  ['J Smith', 'John Smith Limited', 'similar-name'],
  ['John Smith Limited', 'J. Smith Ltd', 'similar-name'],
  ['John Smith', 'Smith, John', 'similar-name'],
  ['John Smith', 'John Smiht', 'similar-name'],
  ['Smiht', 'John Smith', 'similar-name'],
  ['Jon Smyth', 'John Smith', 'similar-name'],
  ['John Smith', 'John Michael Smith', 'similar-name'],
  ['John Smith', 'Mr Smith', 'similar-name'],
  ['Smith', 'Smith & Sons Ltd', 'similar-name'],
  ['Meridian Building Services', 'Meridain Biulding Services Ltd', 'similar-name'],
  ['Northgate Facilities Management', 'Northgaet Facilties Management', 'similar-name'],
  ['John Michael Smith', 'John Smith', 'similar-name'],
  ['Smith J', 'John Smith', 'similar-name'],
  ['Smith John', 'J. Smith Ltd', 'similar-name'],
  ['J Michael Smith', 'John Smith', 'similar-name'],
  ['Acme Building Services', 'Acme', 'similar-name'],
  ['Acme Ltd', 'The ACME Company', 'exact-name'],
  ['Smith and Sons', 'Smith & Sons', 'exact-name'],
  ['Smith & Sons', 'Smith Sons Ltd', 'exact-name'],
  ['Smith & Co', 'Smith Ltd', 'exact-name'],
  // Different people and organisations
  ['John Smith', 'Jane Smithers Ltd', null],
  ['John Smith', 'Jane Smith', null],
  ['John Smith', 'Acme Ltd', null],
  ['Acme Ltd', 'John Smith', null],
  ['John Smith', 'Smith Building Services', null],
  ['Smith', 'Smithers', null],
  ['Tom Jones', 'Tim Jones', null],
  ['John Smith', 'J. S. Ltd', null],
  ['Unit 4 Holdings', 'Unit 5 Holdings', null],
  ['Riverside Care', 'Riverside Catering', null],
  // A middle initial does not stand for a surname: "Jon S. Kirdale" is a Kirdale.
  ['John Smith', 'Jon S. Kirdale', null],
  ['Jon S. Kirdale', 'John Smith', null],
  ['John Smith', 'J. S.', null],
  // Two misspellings in one word are another word.
  ['Smith', 'Smiteh', 'similar-name'],
  ['Smith', 'Smytheh', null],
  ['Meridian', 'Meirdain', null],
  // A shorter declared name keeps the first or last word looked up.
  ['John Michael Smith', 'Michael', null],
  ['Acme Building Services Ltd', 'Building', null],
  ['Acme Building Services', 'Acme Services', 'similar-name'],
  ['John Smith', 'John A. Smith', 'similar-name'],
  ['Kathleen Almore Consulting', 'K. Almore', null],
  ['Kathleen Almore Consulting', 'Almore Consulting', 'similar-name'],
  ['Kathleen Almore Consulting', 'Oakwood Consulting', null],
];

describe('whether a declared name is the name looked up (issue 4: "J. Smith Ltd", "John Smith Limited" and a small misspelling)', () => {
  it.each(names)('%s ~ %s: %s', (lookedUp, declared, quality) => {
    const match = matcherFor({ nameKey: nameKey(lookedUp), ...noExtras })({
      nameKey: nameKey(declared),
      companyNumber: '',
      address: '',
    });
    expect(match?.quality ?? null).toBe(quality);
  });
});

describe('a company number or a postcode given with the name', () => {
  const query = { nameKey: nameKey('Acme Building Ltd'), companyNumber: '01234567', postcode: 'LS1 4AP' };

  it.each([
    // declared name, company number, address, quality, same postcode
    ['Acme Building Ltd', '01234567', '', 'company-number', false],
    ['Wholly Renamed Ltd', '01234567', '', 'company-number', false],
    ['Acme Building Ltd', '', '1 Park Row, Leeds LS1 4AP', 'exact-name', true],
    ['Acme Building Ltd', '', '1 Park Row, Leeds, ls14ap', 'exact-name', true],
    ['Acme Building Ltd', '', '1 Park Row, Leeds LS1 4AQ', 'exact-name', false],
    ['Acme Bulding', '', 'Park Row, LS1 4AP', 'similar-name', true],
    ['Other Name Ltd', '', 'Park Row, LS1 4AP', null, null],
  ] as const)('%s, %s, %s: %s', (name, companyNumber, address, quality, samePostcode) => {
    const match = matcherFor(query)({ nameKey: nameKey(name), companyNumber, address });
    expect(match?.quality ?? null).toBe(quality);
    expect(match?.samePostcode ?? null).toBe(samePostcode);
  });
});

describe('the order of matches: strongest first', () => {
  const match = (quality: MatchQuality, samePostcode: boolean, distance: number): Match => ({
    quality,
    samePostcode,
    distance,
  });

  it('puts the same company number before the exact name, and that before similar names', () => {
    const sorted = [
      match('similar-name', true, 0),
      match('exact-name', false, 0),
      match('company-number', false, 3),
    ].sort(byStrength);
    expect(sorted.map((m) => m.quality)).toEqual(['company-number', 'exact-name', 'similar-name']);
  });

  it('puts the same postcode first, then the closest names', () => {
    const sorted = [
      match('similar-name', false, 1),
      match('similar-name', false, 3),
      match('similar-name', true, 2),
    ].sort(byStrength);
    expect(sorted).toEqual([
      match('similar-name', true, 2),
      match('similar-name', false, 1),
      match('similar-name', false, 3),
    ]);
  });

  it('ranks an initial and a misspelling below the exact words, and an extra word below both', () => {
    const distance = (declared: string) =>
      matcherFor({ nameKey: 'john smith', ...noExtras })({
        nameKey: nameKey(declared),
        companyNumber: '',
        address: '',
      })?.distance;
    expect(distance('John Smith')).toBe(0);
    expect(distance('J Smith')).toBe(1);
    expect(distance('John Smiht')).toBe(1);
    expect(distance('Jon Smyth')).toBe(2);
    expect(distance('John A Smith')).toBe(1);
  });
});

describe('what can be looked up', () => {
  it.each([
    ['Smith', true],
    ['J. Smith', true],
    ['Al', true],
    ['J. S.', false],
    ['J & K', false],
    ['The Company Ltd', false],
  ])('%s has a whole word to find: %s', (name, found) => {
    expect(hasWholeWord(nameKey(name))).toBe(found);
  });
});

describe('the spelling rules', () => {
  it.each([
    ['smith', 'smiht', true],
    ['smith', 'smyth', true],
    ['john', 'jon', true],
    ['jon', 'john', true],
    ['smith', 'smiths', true],
    ['meridian', 'meridain', true],
    ['facilities', 'facilties', true],
    ['smith', 'msith', true],
    ['smith', 'smtih', true],
    ['smith', 'stimh', false],
    ['smith', 'smithers', false],
    ['smith', 'jones', false],
    ['smith', 'simth ', false],
  ] as const)('%s and %s are one letter apart: %s', (a, b, apart) => {
    expect(oneLetterApart(a, b)).toBe(apart);
  });

  it.each([
    ['1 Park Row, Leeds LS1 4AP', 'LS1 4AP'],
    ['Flat 2, 10 Downing Street, London sw1a2aa', 'SW1A 2AA'],
    ['M1 1AE', 'M1 1AE'],
    ['12 High Street, Anytown', null],
    ['', null],
  ])('the postcode in %s is %s', (address, postcode) => {
    expect(postcodeOf(address)).toBe(postcode);
  });
});

// The database finds candidates by equal keys (migration name_match_keys), so every name the rules
// accept must share the keys candidateKeys asks for: checked over every match in the table above.
describe('the keys a declared name is found by', () => {
  const keysOf = (name: string) => new Set(nameMatchKeys(nameKey(name)));
  const found = (lookedUp: string, declared: string) => {
    const keys = keysOf(declared);
    const wanted = candidateKeys(nameKey(lookedUp));
    const shares = (list: readonly string[]) => list.some((key) => keys.has(key));
    return (
      wanted.everyWord.every(shares) ||
      (keys.has('#1') && shares(wanted.oneWord)) ||
      wanted.someWords.some((branch) => [branch.counts, branch.anchor, branch.other].every(shares))
    );
  };

  it('gives each word, its first letter, from four letters the word with each letter left out, and the number of words', () => {
    expect(nameMatchKeys('jon smith')).toEqual([
      'jon',
      '^j',
      'smith',
      'mith',
      'sith',
      'smth',
      'smih',
      'smit',
      '^s',
      '#2',
    ]);
    expect(nameMatchKeys('anna')).toEqual(['anna', 'nna', 'ana', 'ann', '^a', '#1']);
  });

  it.each(names.filter(([, , quality]) => quality !== null))('%s finds %s', (lookedUp, declared) => {
    expect(found(lookedUp, declared)).toBe(true);
  });

  it.each([
    ['John Smith', 'Jane Smithers Ltd'],
    ['John Smith', 'Peter Jones'],
    ['John Smith', 'Jane Smith'],
    ['J. Smith', 'Peter Smith'],
    ['Acme Building Services', 'Riverside Care'],
  ])('%s does not read %s', (lookedUp, declared) => {
    expect(found(lookedUp, declared)).toBe(false);
  });
});

describe('the same home: the same postcode and the same first line', () => {
  it.each([
    ['12 High Street, AB1 2CD', '12 High Street, Demoton, AB1 2CD', true],
    ['12 High Street, AB1 2CD', '12 high st\nDemoton\nab12cd', true],
    ['12, High Street, Demoton AB1 2CD', '12 High Street AB1 2CD', true],
    ['12 High Street, AB1 2CD', '14 High Street, AB1 2CD', false],
    ['Flat 2, 12 High Street, AB1 2CD', '12 High Street, AB1 2CD', false],
    ['12 High Street, AB1 2CD', '12 High Street, AB1 2CE', false],
    ['12 High Street, Demoton', '12 High Street, Demoton', false],
    ['AB1 2CD', 'AB1 2CD', false],
  ])('%j and %j: %s', (a, b, same) => {
    expect(sameAddress(a, b)).toBe(same);
    expect(sameAddress(b, a)).toBe(same);
  });
});
