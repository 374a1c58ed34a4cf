import { describe, expect, it } from 'vitest';
import { addMonths } from './months.ts';

describe('addMonths', () => {
  it.each([
    ['2026-11-23', 4, '2027-03-23'],
    ['2026-10-31', 4, '2027-02-28'],
    ['2027-10-31', 4, '2028-02-29'],
    ['2026-08-31', 1, '2026-09-30'],
    ['2026-01-31', -2, '2025-11-30'],
    ['2028-05-23', -18, '2026-11-23'],
    ['2026-03-31', -1, '2026-02-28'],
    ['2026-12-15', 1, '2027-01-15'],
    ['2026-11-23', 0, '2026-11-23'],
  ])('%s plus %i months is %s', (date, months, expected) => {
    expect(addMonths(date, months)).toBe(expected);
  });

  it('refuses a date that does not exist and a part month', () => {
    expect(() => addMonths('2026-02-30', 1)).toThrow(RangeError);
    expect(() => addMonths('2026-02-01', 1.5)).toThrow(RangeError);
  });
});
