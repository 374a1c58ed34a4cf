import { describe, expect, it } from 'vitest';
import { exemptByRule, exemptLabel, suppressCount, suppressPart, suppressTable } from './rules.ts';

const cells = (...counts: number[]) =>
  counts.map((count, i) => ({ code: `c${i}`, label: `Category ${i}`, count }));
const texts = (table: ReturnType<typeof suppressTable>) => [
  ...table.cells.map((cell) => cell.text),
  `total ${table.total.text}`,
];

// A raising-concerns count in a committee pack must not let anyone identify a reporter (002
// raising concerns; DOMAIN.md §6-7): counts under the council's minimum are hidden, and so is any
// count that could be worked out from those shown.
describe('small-number suppression of a table with its total (minimum 5)', () => {
  it.each([
    ['nothing to hide', [6, 7, 5], ['6', '7', '5', 'total 18']],
    ['zeros identify nobody', [0, 9, 0], ['0', '9', '0', 'total 9']],
    [
      'one small count hides the next smallest too',
      [3, 8, 6],
      ['fewer than 5', '8', 'fewer than 5', 'total 17'],
    ],
    [
      'the next smallest is not a zero',
      [2, 0, 12, 7],
      ['fewer than 5', '0', '12', 'fewer than 5', 'total 21'],
    ],
    ['two small counts hide each other', [1, 4, 20], ['fewer than 5', 'fewer than 5', '20', 'total 25']],
    ['a tie goes to the first', [4, 9, 9], ['fewer than 5', 'fewer than 5', '9', 'total 22']],
    [
      'a small total hides everything',
      [1, 2, 0],
      ['fewer than 5', 'fewer than 5', '0', 'total fewer than 5'],
    ],
    ['a total exactly at the minimum is shown', [5, 0], ['5', '0', 'total 5']],
    ['no concerns at all', [0, 0], ['0', '0', 'total 0']],
  ])('%s', (_, counts, expected) => {
    expect(texts(suppressTable(cells(...counts), 5))).toEqual(expected);
  });

  it('keeps no hidden figure', () => {
    const table = suppressTable(cells(3, 8, 6), 5);
    expect(table.cells.map((cell) => cell.count)).toEqual([null, 8, null]);
  });

  it('follows the council’s minimum', () => {
    expect(texts(suppressTable(cells(3, 8, 6), 3))).toEqual(['3', '8', '6', 'total 17']);
    expect(texts(suppressTable(cells(3, 8, 6), 10))).toEqual([
      'fewer than 10',
      'fewer than 10',
      'fewer than 10',
      'total 17',
    ]);
  });
});

describe('a count on its own, and a part of a shown whole (minimum 5)', () => {
  it.each([
    [0, '0'],
    [1, 'fewer than 5'],
    [4, 'fewer than 5'],
    [5, '5'],
  ])('%i alone shows as %s', (count, text) => {
    expect(suppressCount(count, 5).text).toBe(text);
  });

  it.each([
    ['all in time', 7, 7, '7'],
    ['the rest is small, so the part would give it away', 6, 7, 'fewer than 5'],
    ['the part is small', 2, 9, 'fewer than 5'],
    ['both large', 5, 10, '5'],
  ])('%s', (_, part, whole, text) => {
    expect(suppressPart(part, whole, 5).text).toBe(text);
  });
});

// Exempt information (Local Government Act 1972, Schedule 12A, Part 1; 003 agenda item 10).
describe('items exempt by rule', () => {
  it.each([
    ['conduct-hearings', 1, 0, 1],
    ['conduct-hearings', 0, 2, 1],
    ['conduct-hearings', 0, 0, null],
    ['conduct', 3, 3, null],
    ['concerns', 3, 3, null],
  ] as const)(
    '%s with %i hearings and %i sanctions: paragraph %s',
    (section, hearings, sanctions, paragraph) => {
      expect(
        exemptByRule(section, { conductHearings: hearings, conductSanctions: sanctions })?.paragraph ?? null,
      ).toBe(paragraph);
    },
  );

  it('names the paragraph in words', () => {
    expect(exemptLabel(1)).toBe(
      'Exempt information: paragraph 1 of Part 1 of Schedule 12A to the Local Government Act 1972 (information relating to any individual)',
    );
  });
});
