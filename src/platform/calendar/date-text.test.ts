import { describe, expect, it } from 'vitest';
import { dayMonthYear, weekdayDayMonthYear } from './date-text.ts';

describe('dayMonthYear', () => {
  it.each([
    ['2026-11-23', '23 November 2026'],
    ['2027-01-01', '1 January 2027'],
  ])('%s → %s', (iso, words) => expect(dayMonthYear(iso)).toBe(words));
});

describe('weekdayDayMonthYear', () => {
  it('names the weekday first, with no comma after it', () =>
    expect(weekdayDayMonthYear('2026-11-27')).toBe('Friday 27 November 2026'));
});
