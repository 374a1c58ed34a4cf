import { describe, expect, it } from 'vitest';
import { clockTime, dateTimeText, dayMonthYear, weekdayDayMonthYear } from './date-text.ts';

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

describe('clockTime', () => {
  it.each([
    ['14:46', '2:46pm'],
    ['09:00', '9am'],
    ['09:05', '9:05am'],
    ['12:00', 'midday'],
    ['12:30', '12:30pm'],
    ['00:00', 'midnight'],
    ['00:15', '12:15am'],
  ])('%s → %s', (time, words) => expect(clockTime(time)).toBe(words));
});

describe('dateTimeText', () => {
  it('gives the London date and time, in summer time too', () => {
    expect(dateTimeText(new Date('2026-12-06T14:46:00Z'))).toBe('6 December 2026 at 2:46pm');
    expect(dateTimeText(new Date('2026-07-01T23:30:00Z'))).toBe('2 July 2026 at 12:30am');
  });
});
