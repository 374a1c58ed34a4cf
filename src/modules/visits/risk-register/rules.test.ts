import { describe, expect, it } from 'vitest';
import { nameKey } from '../../interests/service.ts';
import {
  defaultReviewOn,
  mayReview,
  postcodeKey,
  premisesOf,
  retentionCutOff,
  sameAddress,
  samePerson,
  surnameOf,
} from './rules.ts';

describe('the postcode an address is found by [000 check all records before any visit]', () => {
  it.each([
    ['12 High Street, Leeds, LS1 4AP', 'LS14AP'],
    ['12 high street leeds ls14ap', 'LS14AP'],
    ['Flat 2, 3 Mill Lane, Demoton DT10 1AB', 'DT101AB'],
    ['1 Strand, London WC2N 5DU', 'WC2N5DU'],
    ['Rose Cottage, Lane End, M1 1AE', 'M11AE'],
    ['12 High Street, Leeds', null],
    ['', null],
  ])('%s → %s', (address, expected) => {
    expect(postcodeKey(address)).toBe(expected);
  });
});

describe('the premises an address names [000, 004 caution before contact]', () => {
  it.each([
    ['12 High Street, Leeds, LS1 4AP', { flat: null, number: '12', name: 'high street' }],
    ['12 High St., Leeds LS1 4AP', { flat: null, number: '12', name: 'high street' }],
    ['12, High Street, Leeds', { flat: null, number: '12', name: 'high street' }],
    ['Flat 2, 12 High Street', { flat: '2', number: '12', name: 'high street' }],
    ['Apartment 2B, 12 High Rd', { flat: '2b', number: '12', name: 'high road' }],
    ['12a Mill Lane', { flat: null, number: '12a', name: 'mill lane' }],
    ['Rose Cottage, Lane End, M1 1AE', { flat: null, number: null, name: 'rose cottage' }],
    ['St Anne’s Hostel, Park Rd', { flat: null, number: null, name: 'street annes hostel' }],
  ])('%s', (address, expected) => {
    expect(premisesOf(address)).toEqual(expected);
  });
});

describe('the same address [000: a flagged address needs an accompanied visit]', () => {
  it.each([
    ['written the same', '12 High Street, Leeds, LS1 4AP', '12 High Street, Leeds, LS1 4AP', true],
    [
      'abbreviated, lower case, no space in the postcode',
      '12 high st leeds ls14ap',
      '12 High Street, LS1 4AP',
      true,
    ],
    ['the number on a line of its own', '12, High Street, LS1 4AP', '12 High Street, Leeds LS1 4AP', true],
    ['another house in the street', '14 High Street, LS1 4AP', '12 High Street, LS1 4AP', false],
    ['the same number in another postcode', '12 High Street, LS1 4AP', '12 High Street, LS2 7HT', false],
    ['no postcode to match on', '12 High Street, Leeds', '12 High Street, Leeds', false],
    ['a flat in a flagged building', 'Flat 2, 12 High Street, LS1 4AP', '12 High Street, LS1 4AP', true],
    ['another flat in the building', 'Flat 2, 12 High Street, LS1 4AP', 'Flat 3, 12 High St, LS1 4AP', false],
    ['a named house', 'Rose Cottage, Lane End, M1 1AE', 'rose cottage, m1 1ae', true],
    ['another named house', 'Rose Cottage, M1 1AE', 'Ivy Cottage, M1 1AE', false],
    ['a named house and a numbered one', 'Rose Cottage, M1 1AE', '3 Lane End, M1 1AE', false],
  ])('%s', (_, a, b, expected) => {
    expect(sameAddress(a, b)).toBe(expected);
    expect(sameAddress(b, a)).toBe(expected);
  });
});

describe('the same person, by the interests register’s name key [000 potentially violent persons]', () => {
  it.each([
    ['an initial for the first name', 'Mr J Smith', 'John Smith', true],
    ['titles and punctuation', 'Mr. John SMITH', 'john smith', true],
    ['a middle name', 'John Paul Smith', 'J. Smith', true],
    ['another first name', 'Jane Smith', 'John Smith', false],
    ['another surname', 'John Smyth', 'John Smith', false],
    ['a surname alone, against a full name', 'Mr Smith', 'John Smith', false],
    ['a surname alone, against itself', 'Mr Smith', 'Smith', true],
    ['nobody named', '', 'John Smith', false],
  ])('%s: %s and %s', (_, a, b, expected) => {
    expect(samePerson(nameKey(a), nameKey(b))).toBe(expected);
    expect(samePerson(nameKey(b), nameKey(a))).toBe(expected);
  });

  it('files a name under its surname', () => {
    expect(surnameOf(nameKey('Mr J. Smith'))).toBe('smith');
    expect(surnameOf('')).toBe('');
  });
});

describe('reviewing markers', () => {
  it('reviews a marker a year after it is added', () => {
    expect(defaultReviewOn('2026-12-06')).toBe('2027-12-06');
  });

  it('does not let a nominator accept their own nomination [000: the line manager considers a threat]', () => {
    expect(mayReview('officer', 'officer')).toBe(false);
    expect(mayReview('officer', 'team-leader')).toBe(true);
  });

  it('keeps an ended marker’s personal data for the retention period', () => {
    expect(retentionCutOff(new Date('2026-12-06T09:00:00Z'), 3).toISOString()).toBe(
      '2023-12-06T09:00:00.000Z',
    );
  });
});
