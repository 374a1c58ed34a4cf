import { describe, expect, it } from 'vitest';
import {
  addWorkingDays,
  type Division,
  describeCalendar,
  divisions,
  isIsoDate,
  isWorkingDay,
  shippedBankHolidays,
  workingCalendar,
  workingDaysBetween,
} from './working-days.ts';

const bankHolidays = (division: Division) => shippedBankHolidays[division].events;

const ew = workingCalendar('england-and-wales');
const scotland = workingCalendar('scotland');
const ni = workingCalendar('northern-ireland');
const calendars: Record<Division, ReturnType<typeof workingCalendar>> = {
  'england-and-wales': ew,
  scotland,
  'northern-ireland': ni,
};

describe('the bank holiday snapshot (GOV.UK bank-holidays.json format)', () => {
  it.each(divisions)('covers every year from 2018 to 2028 for %s', (division) => {
    const years = new Set(bankHolidays(division).map((day) => day.date.slice(0, 4)));
    expect([...years].sort()).toEqual(Array.from({ length: 11 }, (_, i) => String(2018 + i)));
  });

  it.each([
    ['england-and-wales', '2019', 8, 'a normal year: 8 bank holidays'],
    ['scotland', '2019', 9, 'Scotland: 2 January and St Andrew’s Day, no Easter Monday'],
    ['northern-ireland', '2019', 10, 'Northern Ireland: St Patrick’s Day and the Battle of the Boyne'],
    ['england-and-wales', '2022', 10, '2022: Platinum Jubilee and the State Funeral'],
    ['england-and-wales', '2023', 9, '2023: the coronation of King Charles III'],
  ] as const)('%s has the right number of bank holidays in %s', (division, year, count, _why) => {
    expect(bankHolidays(division).filter((day) => day.date.startsWith(year))).toHaveLength(count);
  });
});

describe('isWorkingDay', () => {
  it.each([
    ['england-and-wales', '2026-11-23', true, 'an ordinary Monday'],
    ['england-and-wales', '2026-11-21', false, 'a Saturday'],
    ['england-and-wales', '2026-11-22', false, 'a Sunday'],
    ['england-and-wales', '2026-12-25', false, 'Christmas Day'],
    ['england-and-wales', '2026-12-28', false, 'Boxing Day substitute: 26 December 2026 is a Saturday'],
    ['england-and-wales', '2026-04-03', false, 'Good Friday'],
    ['england-and-wales', '2026-04-06', false, 'Easter Monday'],
    ['scotland', '2026-04-06', true, 'Scotland has no Easter Monday bank holiday'],
    ['scotland', '2026-08-03', false, 'Scotland’s summer bank holiday is the first Monday in August'],
    ['england-and-wales', '2026-08-03', true, 'England and Wales keep the last Monday in August instead'],
    ['england-and-wales', '2026-08-31', false, 'summer bank holiday, England and Wales'],
    ['scotland', '2026-08-31', true, 'not a holiday in Scotland'],
    ['scotland', '2026-11-30', false, 'St Andrew’s Day (a Monday in 2026)'],
    ['scotland', '2025-12-01', false, 'St Andrew’s Day substitute: 30 November 2025 is a Sunday'],
    ['england-and-wales', '2025-12-01', true, 'St Andrew’s Day is Scottish only'],
    ['scotland', '2027-01-04', false, '2 January substitute: 2 January 2027 is a Saturday'],
    ['england-and-wales', '2027-01-04', true, '2 January is Scottish only'],
    ['northern-ireland', '2026-03-17', false, 'St Patrick’s Day'],
    ['england-and-wales', '2026-03-17', true, 'St Patrick’s Day is Northern Irish only'],
    ['northern-ireland', '2026-07-13', false, 'Battle of the Boyne substitute: 12 July 2026 is a Sunday'],
    ['england-and-wales', '2026-07-13', true, 'the Boyne is Northern Irish only'],
    ['england-and-wales', '2022-06-02', false, '2022 spring bank holiday moved to Thursday 2 June'],
    ['england-and-wales', '2022-06-03', false, 'Platinum Jubilee bank holiday'],
    ['england-and-wales', '2022-05-30', true, 'the usual last Monday of May was a working day in 2022'],
    ['scotland', '2022-09-19', false, 'State Funeral of Queen Elizabeth II'],
    ['northern-ireland', '2023-05-08', false, 'coronation of King Charles III'],
    ['england-and-wales', '2020-05-08', false, 'early May bank holiday moved to VE Day, Friday 8 May 2020'],
    ['england-and-wales', '2020-05-04', true, 'the usual first Monday of May was a working day in 2020'],
  ] as const)('%s %s is %s: %s', (division, date, expected, _why) => {
    expect(isWorkingDay(calendars[division], date)).toBe(expected);
  });
});

describe('addWorkingDays', () => {
  it.each([
    ['england-and-wales', '2026-11-20', 1, '2026-11-23', 'from a Friday, the next working day is Monday'],
    ['england-and-wales', '2026-11-20', 10, '2026-12-04', 'ten working days from a Friday'],
    ['scotland', '2026-11-20', 10, '2026-12-07', 'St Andrew’s Day on 30 November adds a day in Scotland'],
    ['england-and-wales', '2025-12-22', 5, '2025-12-31', 'Christmas week 2025'],
    ['scotland', '2025-12-22', 5, '2025-12-31', 'Christmas week 2025, Scotland'],
    [
      'england-and-wales',
      '2026-12-23',
      5,
      '2027-01-04',
      'Christmas week 2026: Boxing Day substitute and New Year',
    ],
    ['scotland', '2026-12-23', 5, '2027-01-05', 'Scotland adds the 2 January substitute on 4 January 2027'],
    ['northern-ireland', '2026-12-23', 5, '2027-01-04', 'Christmas week 2026, Northern Ireland'],
    ['england-and-wales', '2026-04-02', 1, '2026-04-07', 'Easter 2026: Good Friday and Easter Monday'],
    ['scotland', '2026-04-02', 1, '2026-04-06', 'Easter 2026 in Scotland: Good Friday only'],
    ['northern-ireland', '2026-04-02', 1, '2026-04-07', 'Easter 2026 in Northern Ireland'],
    [
      'england-and-wales',
      '2021-12-24',
      1,
      '2021-12-29',
      'Christmas and Boxing Day substitutes, 27 and 28 December 2021',
    ],
    ['england-and-wales', '2021-12-31', 1, '2022-01-04', 'New Year’s Day substitute, 3 January 2022'],
    ['scotland', '2021-12-31', 1, '2022-01-05', 'and 2 January substitute, 4 January 2022, in Scotland'],
    ['england-and-wales', '2022-06-01', 1, '2022-06-06', 'the Platinum Jubilee weekend'],
    ['england-and-wales', '2023-05-05', 1, '2023-05-09', 'the coronation bank holiday'],
    ['england-and-wales', '2026-12-25', 0, '2026-12-25', 'day 0 is the starting day, whatever it is'],
  ] as const)('%s: %s plus %i working days is %s (%s)', (division, from, days, expected, _why) => {
    expect(addWorkingDays(calendars[division], from, days)).toBe(expected);
  });

  it.each([
    [-1, 'a negative number of days'],
    [1.5, 'a fraction of a day'],
  ])('refuses %s (%s)', (days) => {
    expect(() => addWorkingDays(ew, '2026-11-23', days)).toThrow(RangeError);
  });

  it('refuses a date that does not exist', () => {
    expect(() => addWorkingDays(ew, '2026-02-30', 1)).toThrow(RangeError);
  });

  it.each([
    ['england-and-wales', '2028-12-27', 10, '2029-01-11', 'into 2029: New Year’s Day from the rules'],
    ['scotland', '2028-12-27', 10, '2029-01-12', 'into 2029 in Scotland: 1 and 2 January from the rules'],
    [
      'england-and-wales',
      '2016-12-21',
      5,
      '2016-12-30',
      '2016: Boxing Day, then the Christmas Day substitute on 27 December',
    ],
    [
      'england-and-wales',
      '2035-06-01',
      100,
      '2035-10-22',
      'far beyond: 20 weeks and the summer bank holiday',
    ],
  ] as const)('%s: %s plus %i working days is %s (%s)', (division, from, days, expected, _why) => {
    expect(addWorkingDays(calendars[division], from, days)).toBe(expected);
  });
});

describe('council overrides', () => {
  const closure = workingCalendar('england-and-wales', [
    { date: '2026-12-24', kind: 'holiday', title: 'Council closure day' },
  ]);
  const open = workingCalendar('england-and-wales', [
    { date: '2026-08-31', kind: 'working-day', title: 'Council open' },
  ]);

  it('adds closure days and removes bank holidays the council works', () => {
    expect(addWorkingDays(ew, '2026-12-23', 1)).toBe('2026-12-24');
    expect(addWorkingDays(closure, '2026-12-23', 1)).toBe('2026-12-29');
    expect(isWorkingDay(open, '2026-08-31')).toBe(true);
  });

  it('says when bank holidays outside the snapshot were worked out from their rules', () => {
    expect(describeCalendar(ew, { from: '2028-12-20', to: '2029-01-10' })).toBe(
      'England and Wales bank holidays (GOV.UK snapshot 2018–2028); bank holidays after 31 December 2028 are worked out from their rules, not from GOV.UK’s list',
    );
    expect(describeCalendar(scotland, { from: '2016-05-03', to: '2016-05-17' })).toBe(
      'Scotland bank holidays (GOV.UK snapshot 2018–2028); bank holidays before 1 January 2018 are worked out from their rules, not from GOV.UK’s list',
    );
    expect(describeCalendar(ew, { from: '2026-11-20', to: '2026-12-04' })).toBe(
      'England and Wales bank holidays (GOV.UK snapshot 2018–2028)',
    );
  });

  it('says which calendar computed a deadline', () => {
    expect(describeCalendar(ew)).toBe('England and Wales bank holidays (GOV.UK snapshot 2018–2028)');
    expect(describeCalendar(closure)).toBe(
      'England and Wales bank holidays (GOV.UK snapshot 2018–2028) with 1 council override',
    );
  });
});

describe('workingDaysBetween', () => {
  it.each([
    ['england-and-wales', '2026-12-23', 5],
    ['scotland', '2026-12-23', 5],
    ['northern-ireland', '2026-03-16', 7],
    ['england-and-wales', '2022-05-27', 20],
    ['scotland', '2019-11-28', 3],
  ] as const)('undoes addWorkingDays for %s from %s plus %i', (division, from, days) => {
    const calendar = calendars[division];
    const to = addWorkingDays(calendar, from, days);
    expect(workingDaysBetween(calendar, from, to)).toBe(days);
    expect(workingDaysBetween(calendar, to, from)).toBe(-days);
  });

  it('is 0 for the same day and over a weekend', () => {
    expect(workingDaysBetween(ew, '2026-11-23', '2026-11-23')).toBe(0);
    expect(workingDaysBetween(ew, '2026-11-20', '2026-11-22')).toBe(0);
  });
});

describe('isIsoDate', () => {
  it.each([
    ['2026-11-23', true],
    ['2028-02-29', true],
    ['2026-02-29', false],
    ['2026-13-01', false],
    ['23/11/2026', false],
    ['2026-1-5', false],
    ['', false],
  ])('%s is %s', (value, expected) => {
    expect(isIsoDate(value)).toBe(expected);
  });
});
