import { describe, expect, it } from 'vitest';
import { addWorkingDays, type Division, isWorkingDay, workingCalendar } from './working-days.ts';

// Outside GOV.UK's list (2018–2028 as shipped) a division's bank holidays are worked out from their
// rules. The rules, as the Banking and Financial Dealings Act 1971 (Schedule 1) and the royal
// proclamations made under its section 1(3) set them:
// - England and Wales: New Year's Day (proclamation), Good Friday and Christmas Day (common law),
//   Easter Monday, the first Monday in May (proclamation, since 1978), the last Monday in May and the
//   last Monday in August (Schedule 1 para 1), 26 December (Boxing Day);
// - Scotland: New Year's Day and 2 January, Good Friday, the first Monday in May, the last Monday in
//   May (proclamation), the first Monday in August (Schedule 1 para 2), St Andrew's Day, 30 November
//   (St Andrew's Day Bank Holiday (Scotland) Act 2007), Christmas Day and Boxing Day; no Easter Monday;
// - Northern Ireland: England and Wales's, with St Patrick's Day, 17 March (Schedule 1 para 3) and
//   the Battle of the Boyne, 12 July (proclamation);
// - a holiday falling on a Saturday or Sunday is taken on the next weekday not already a holiday
//   (Schedule 1: "if it be a Sunday, 27th December"; the proclamations for New Year's Day, 2 January,
//   St Andrew's Day, St Patrick's Day and 12 July).
const calendars: Record<Division, ReturnType<typeof workingCalendar>> = {
  'england-and-wales': workingCalendar('england-and-wales'),
  scotland: workingCalendar('scotland'),
  'northern-ireland': workingCalendar('northern-ireland'),
};

// Every weekday that is a bank holiday, each year, worked out by hand from the rules above.
const years: readonly (readonly [Division, number, readonly string[]])[] = [
  [
    'england-and-wales',
    2017,
    [
      '2017-01-02',
      '2017-04-14',
      '2017-04-17',
      '2017-05-01',
      '2017-05-29',
      '2017-08-28',
      '2017-12-25',
      '2017-12-26',
    ],
  ],
  [
    'england-and-wales',
    2029,
    [
      '2029-01-01',
      '2029-03-30',
      '2029-04-02',
      '2029-05-07',
      '2029-05-28',
      '2029-08-27',
      '2029-12-25',
      '2029-12-26',
    ],
  ],
  [
    'england-and-wales',
    2030,
    [
      '2030-01-01',
      '2030-04-19',
      '2030-04-22',
      '2030-05-06',
      '2030-05-27',
      '2030-08-26',
      '2030-12-25',
      '2030-12-26',
    ],
  ],
  [
    'england-and-wales',
    2031,
    [
      '2031-01-01',
      '2031-04-11',
      '2031-04-14',
      '2031-05-05',
      '2031-05-26',
      '2031-08-25',
      '2031-12-25',
      '2031-12-26',
    ],
  ],
  [
    'england-and-wales',
    2032,
    [
      '2032-01-01',
      '2032-03-26',
      '2032-03-29',
      '2032-05-03',
      '2032-05-31',
      '2032-08-30',
      '2032-12-27',
      '2032-12-28',
    ],
  ],
  [
    'england-and-wales',
    2033,
    [
      '2033-01-03',
      '2033-04-15',
      '2033-04-18',
      '2033-05-02',
      '2033-05-30',
      '2033-08-29',
      '2033-12-26',
      '2033-12-27',
    ],
  ],
  [
    'england-and-wales',
    2034,
    [
      '2034-01-02',
      '2034-04-07',
      '2034-04-10',
      '2034-05-01',
      '2034-05-29',
      '2034-08-28',
      '2034-12-25',
      '2034-12-26',
    ],
  ],
  [
    'england-and-wales',
    2035,
    [
      '2035-01-01',
      '2035-03-23',
      '2035-03-26',
      '2035-05-07',
      '2035-05-28',
      '2035-08-27',
      '2035-12-25',
      '2035-12-26',
    ],
  ],
  [
    'scotland',
    2017,
    [
      '2017-01-02',
      '2017-01-03',
      '2017-04-14',
      '2017-05-01',
      '2017-05-29',
      '2017-08-07',
      '2017-11-30',
      '2017-12-25',
      '2017-12-26',
    ],
  ],
  [
    'scotland',
    2029,
    [
      '2029-01-01',
      '2029-01-02',
      '2029-03-30',
      '2029-05-07',
      '2029-05-28',
      '2029-08-06',
      '2029-11-30',
      '2029-12-25',
      '2029-12-26',
    ],
  ],
  [
    'scotland',
    2030,
    [
      '2030-01-01',
      '2030-01-02',
      '2030-04-19',
      '2030-05-06',
      '2030-05-27',
      '2030-08-05',
      '2030-12-02',
      '2030-12-25',
      '2030-12-26',
    ],
  ],
  [
    'scotland',
    2031,
    [
      '2031-01-01',
      '2031-01-02',
      '2031-04-11',
      '2031-05-05',
      '2031-05-26',
      '2031-08-04',
      '2031-12-01',
      '2031-12-25',
      '2031-12-26',
    ],
  ],
  [
    'scotland',
    2032,
    [
      '2032-01-01',
      '2032-01-02',
      '2032-03-26',
      '2032-05-03',
      '2032-05-31',
      '2032-08-02',
      '2032-11-30',
      '2032-12-27',
      '2032-12-28',
    ],
  ],
  [
    'scotland',
    2033,
    [
      '2033-01-03',
      '2033-01-04',
      '2033-04-15',
      '2033-05-02',
      '2033-05-30',
      '2033-08-01',
      '2033-11-30',
      '2033-12-26',
      '2033-12-27',
    ],
  ],
  [
    'scotland',
    2034,
    [
      '2034-01-02',
      '2034-01-03',
      '2034-04-07',
      '2034-05-01',
      '2034-05-29',
      '2034-08-07',
      '2034-11-30',
      '2034-12-25',
      '2034-12-26',
    ],
  ],
  [
    'scotland',
    2035,
    [
      '2035-01-01',
      '2035-01-02',
      '2035-03-23',
      '2035-05-07',
      '2035-05-28',
      '2035-08-06',
      '2035-11-30',
      '2035-12-25',
      '2035-12-26',
    ],
  ],
  [
    'northern-ireland',
    2017,
    [
      '2017-01-02',
      '2017-03-17',
      '2017-04-14',
      '2017-04-17',
      '2017-05-01',
      '2017-05-29',
      '2017-07-12',
      '2017-08-28',
      '2017-12-25',
      '2017-12-26',
    ],
  ],
  [
    'northern-ireland',
    2029,
    [
      '2029-01-01',
      '2029-03-19',
      '2029-03-30',
      '2029-04-02',
      '2029-05-07',
      '2029-05-28',
      '2029-07-12',
      '2029-08-27',
      '2029-12-25',
      '2029-12-26',
    ],
  ],
  [
    'northern-ireland',
    2030,
    [
      '2030-01-01',
      '2030-03-18',
      '2030-04-19',
      '2030-04-22',
      '2030-05-06',
      '2030-05-27',
      '2030-07-12',
      '2030-08-26',
      '2030-12-25',
      '2030-12-26',
    ],
  ],
  [
    'northern-ireland',
    2031,
    [
      '2031-01-01',
      '2031-03-17',
      '2031-04-11',
      '2031-04-14',
      '2031-05-05',
      '2031-05-26',
      '2031-07-14',
      '2031-08-25',
      '2031-12-25',
      '2031-12-26',
    ],
  ],
  [
    'northern-ireland',
    2032,
    [
      '2032-01-01',
      '2032-03-17',
      '2032-03-26',
      '2032-03-29',
      '2032-05-03',
      '2032-05-31',
      '2032-07-12',
      '2032-08-30',
      '2032-12-27',
      '2032-12-28',
    ],
  ],
  [
    'northern-ireland',
    2033,
    [
      '2033-01-03',
      '2033-03-17',
      '2033-04-15',
      '2033-04-18',
      '2033-05-02',
      '2033-05-30',
      '2033-07-12',
      '2033-08-29',
      '2033-12-26',
      '2033-12-27',
    ],
  ],
  [
    'northern-ireland',
    2034,
    [
      '2034-01-02',
      '2034-03-17',
      '2034-04-07',
      '2034-04-10',
      '2034-05-01',
      '2034-05-29',
      '2034-07-12',
      '2034-08-28',
      '2034-12-25',
      '2034-12-26',
    ],
  ],
  [
    'northern-ireland',
    2035,
    [
      '2035-01-01',
      '2035-03-19',
      '2035-03-23',
      '2035-03-26',
      '2035-05-07',
      '2035-05-28',
      '2035-07-12',
      '2035-08-27',
      '2035-12-25',
      '2035-12-26',
    ],
  ],
];

const daysOf = (year: number) => {
  const days: string[] = [];
  for (let time = Date.UTC(year, 0, 1); time < Date.UTC(year + 1, 0, 1); time += 86_400_000)
    days.push(new Date(time).toISOString().slice(0, 10));
  return days;
};
const isWeekday = (date: string) => ![0, 6].includes(new Date(`${date}T00:00:00Z`).getUTCDay());

describe('bank holidays worked out from the rules of the 1971 Act and the proclamations', () => {
  it.each(years)('%s %i: exactly these weekdays are bank holidays', (division, year, holidays) => {
    const closed = daysOf(year).filter((date) => isWeekday(date) && !isWorkingDay(calendars[division], date));
    expect(closed).toEqual(holidays);
  });

  it.each([
    ['england-and-wales', '2029-04-02', 'Easter Monday (1971 Act Sch 1 para 1)'],
    ['scotland', '2029-04-02', 'no Easter Monday in Scotland (Sch 1 para 2)', true],
    ['northern-ireland', '2029-04-02', 'Easter Monday (Sch 1 para 3)'],
    ['england-and-wales', '2031-05-05', 'early May: first Monday in May (proclamation)'],
    ['scotland', '2031-05-05', 'early May: first Monday in May (proclamation)'],
    ['england-and-wales', '2031-05-26', 'spring: last Monday in May (Sch 1 para 1)'],
    ['scotland', '2031-05-26', 'spring: last Monday in May (proclamation)'],
    ['england-and-wales', '2030-08-26', 'summer: last Monday in August (Sch 1 para 1)'],
    ['northern-ireland', '2030-08-26', 'summer: last Monday in August (Sch 1 para 3)'],
    ['scotland', '2030-08-26', 'Scotland’s summer holiday is earlier', true],
    ['scotland', '2030-08-05', 'summer: first Monday in August (Sch 1 para 2)'],
    ['england-and-wales', '2030-08-05', 'not a holiday south of the border', true],
    ['scotland', '2029-11-30', 'St Andrew’s Day, a Friday'],
    ['scotland', '2030-12-02', 'St Andrew’s Day substitute: 30 November 2030 is a Saturday'],
    ['england-and-wales', '2030-12-02', 'St Andrew’s Day is Scottish only', true],
    ['northern-ireland', '2029-03-19', 'St Patrick’s Day substitute: 17 March 2029 is a Saturday'],
    ['england-and-wales', '2029-03-19', 'St Patrick’s Day is Northern Irish only', true],
    ['northern-ireland', '2031-07-14', 'Battle of the Boyne substitute: 12 July 2031 is a Saturday'],
    ['northern-ireland', '2029-07-12', 'Battle of the Boyne, a Thursday'],
    ['scotland', '2029-07-12', 'the Boyne is Northern Irish only', true],
    ['england-and-wales', '2032-12-27', 'Christmas Day substitute: 25 December 2032 is a Saturday'],
    ['england-and-wales', '2032-12-28', 'Boxing Day substitute: 26 December 2032 is a Sunday'],
    ['england-and-wales', '2033-12-27', 'Christmas Day substitute: 25 December 2033 is a Sunday'],
    [
      'england-and-wales',
      '2033-12-28',
      'Boxing Day falls on Monday 26 December 2033, so 28th is worked',
      true,
    ],
    ['england-and-wales', '2033-01-03', 'New Year’s Day substitute: 1 January 2033 is a Saturday'],
    ['scotland', '2033-01-03', '2 January substitute in Scotland'],
    ['scotland', '2033-01-04', 'and New Year’s Day’s after it'],
    ['england-and-wales', '2033-01-04', 'England and Wales have one New Year holiday', true],
    ['scotland', '2029-01-02', '2 January in Scotland (Sch 1 para 2)'],
    ['england-and-wales', '2029-01-02', '2 January is Scottish only', true],
    ['scotland', '2017-01-03', '2017: 2 January a Monday, so New Year’s Day is taken on 3 January'],
    ['england-and-wales', '2017-01-02', '2017: New Year’s Day substitute'],
  ] as const)('%s %s: %s', (division, date, _why, working?: true) => {
    expect(isWorkingDay(calendars[division], date)).toBe(working === true);
  });

  it('counts working days across the end of the snapshot and into the years after', () => {
    expect(addWorkingDays(calendars.scotland, '2028-12-22', 5)).toBe('2029-01-04');
    expect(addWorkingDays(calendars['northern-ireland'], '2035-07-10', 3)).toBe('2035-07-16');
  });
});
