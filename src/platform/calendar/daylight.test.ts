import { describe, expect, it } from 'vitest';
import { isDaylight, londonDate, londonInstant, londonTime, startOfLondonDay, sunTimes } from './daylight.ts';

const london = { latitude: 51.5074, longitude: -0.1278 };
const edinburgh = { latitude: 55.9533, longitude: -3.1883 };

// DOMAIN.md §5 and policy 000: work before sunrise or after sunset at the address is out of hours.
describe('isDaylight', () => {
  it.each([
    ['2026-12-15T12:00:00Z', london, true, 'midday in December in London'],
    ['2026-12-15T17:00:00Z', london, false, '5pm in mid-December in London is after sunset (about 3:51pm)'],
    ['2026-12-15T07:30:00Z', london, false, '7:30am in mid-December is before sunrise (about 8am)'],
    [
      '2026-06-21T20:00:00Z',
      edinburgh,
      true,
      '9pm BST at midsummer in Edinburgh is before sunset (about 10pm)',
    ],
    [
      '2026-06-21T20:30:00Z',
      london,
      false,
      '9:30pm BST at midsummer in London is after sunset (about 9:21pm)',
    ],
    [
      '2026-06-21T03:00:00Z',
      london,
      false,
      '4am BST at midsummer in London is before sunrise (about 4:43am)',
    ],
  ] as const)('%s: %s (%s)', (instant, place, expected, _why) => {
    expect(isDaylight(new Date(instant), place)).toBe(expected);
  });

  it('puts sunrise before sunset on the same London day, across the spring clock change', () => {
    for (const day of ['2026-03-28', '2026-03-29', '2026-10-25']) {
      const { sunrise, sunset } = sunTimes(day, london);
      expect(sunrise < sunset).toBe(true);
      expect(londonDate(sunrise)).toBe(day);
      expect(londonDate(sunset)).toBe(day);
    }
  });
});

describe('London dates and times', () => {
  it.each([
    ['2026-06-21T23:30:00Z', '2026-06-22', '00:30', 'in summer, London is an hour ahead of UTC (BST)'],
    ['2026-12-21T23:30:00Z', '2026-12-21', '23:30', 'in winter, London is on UTC (GMT)'],
    ['2026-03-29T00:59:00Z', '2026-03-29', '00:59', 'just before the clocks go forward'],
    ['2026-03-29T01:00:00Z', '2026-03-29', '02:00', 'the clocks go forward at 1am UTC'],
    ['2026-10-25T00:30:00Z', '2026-10-25', '01:30', 'BST, before the clocks go back'],
    ['2026-10-25T01:30:00Z', '2026-10-25', '01:30', 'GMT, after the clocks go back: 1:30 happens twice'],
  ])('%s is %s %s in London (%s)', (instant, date, time) => {
    expect(londonDate(new Date(instant))).toBe(date);
    expect(londonTime(new Date(instant))).toBe(time);
  });
});

describe('startOfLondonDay', () => {
  it.each([
    ['2026-12-01', '2026-12-01T00:00:00.000Z', 'GMT: London midnight is UTC midnight'],
    ['2026-07-01', '2026-06-30T23:00:00.000Z', 'BST: London midnight is 11pm UTC the day before'],
    ['2026-03-29', '2026-03-29T00:00:00.000Z', 'the clocks go forward at 1am, after midnight GMT'],
    ['2026-10-25', '2026-10-24T23:00:00.000Z', 'the clocks go back at 2am BST, after midnight BST'],
  ])('%s begins at %s (%s)', (date, instant, _why) => {
    expect(startOfLondonDay(date).toISOString()).toBe(instant);
    expect(londonDate(startOfLondonDay(date))).toBe(date);
  });
});

describe('londonInstant', () => {
  it.each([
    ['2026-12-15', '09:30', '2026-12-15T09:30:00.000Z', 'GMT in winter'],
    ['2026-06-21', '09:30', '2026-06-21T08:30:00.000Z', 'BST in summer'],
    ['2026-06-21', '00:30', '2026-06-20T23:30:00.000Z', 'just after midnight BST is the day before in UTC'],
    ['2026-03-29', '03:00', '2026-03-29T02:00:00.000Z', 'the morning the clocks go forward'],
    ['2026-10-25', '12:00', '2026-10-25T12:00:00.000Z', 'the day the clocks go back, after the change'],
  ])('%s %s is %s (%s)', (date, time, instant) => {
    expect(londonInstant(date, time).toISOString()).toBe(instant);
    expect(londonTime(londonInstant(date, time))).toBe(time);
  });
});
