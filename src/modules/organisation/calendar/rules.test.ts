import { describe, expect, it } from 'vitest';
import { type BankHolidayList, shippedBankHolidays } from '../../../platform/calendar/working-days.ts';
import { listEndsSoon, listProblems, readBankHolidayFile } from './rules.ts';

// GOV.UK's bank holiday list (www.gov.uk/bank-holidays.json), uploaded by an administrator: the
// three divisions' events over the same whole years.
const year = (y: number) => [
  { title: 'New Year’s Day', date: `${y}-01-01` },
  { title: 'Christmas Day', date: `${y}-12-25` },
];
const list = (years: number[], scotland = years): BankHolidayList => ({
  'england-and-wales': { events: years.flatMap(year) },
  scotland: { events: scotland.flatMap(year) },
  'northern-ireland': { events: years.flatMap(year) },
});

describe('reading GOV.UK’s bank-holidays.json', () => {
  it('reads the list GOV.UK publishes, keeping each event’s date and title', () => {
    const read = readBankHolidayFile(JSON.stringify(shippedBankHolidays));
    expect('list' in read && read.list.scotland.events[0]).toEqual({
      title: 'New Year’s Day',
      date: '2018-01-01',
    });
  });

  it.each([
    ['not JSON', '{"england-and-wales": ', 'this file is not JSON'],
    ['JSON of another kind', '[1, 2, 3]', 'it has no list of events'],
    ['a division missing', JSON.stringify({ scotland: { events: year(2029) } }), 'england-and-wales'],
    [
      'a date that does not exist',
      JSON.stringify({ ...list([2029]), scotland: { events: [{ title: 'x', date: '2029-02-30' }] } }),
      'scotland → events → 0 → date',
    ],
    [
      'an event with no title',
      JSON.stringify({ ...list([2029]), scotland: { events: [{ date: '2029-01-01' }] } }),
      'title',
    ],
  ])('refuses %s', (_why, text, words) => {
    const read = readBankHolidayFile(text);
    expect('problems' in read && read.problems.join(' ')).toContain(words);
  });
});

describe('checking the list covers whole years in every division', () => {
  it.each([
    ['every division every year', list([2029, 2030, 2031]), []],
    [
      'a year missing in Scotland',
      list([2029, 2030, 2031], [2029, 2031]),
      ['Scotland has no bank holidays in 2030'],
    ],
    ['years before the 1971 Act', list([1960, 1961]), ['The list’s years must be from 1971 to 2200']],
    [
      'a date twice',
      { ...list([2029]), scotland: { events: [...year(2029), ...year(2029)] } },
      ['Scotland lists a date more than once'],
    ],
  ] as const)('%s', (_why, given, problems) => {
    expect(listProblems(given)).toEqual(problems);
  });
});

describe('warning a year before the list in use ends', () => {
  it.each([
    ['2027-12-31', false, 'a year and a day before'],
    ['2028-01-01', true, 'from a year before it ends'],
    ['2028-12-31', true, 'its last day'],
    ['2029-03-01', true, 'after it has ended'],
  ])('%s: %s (%s)', (today, warned) => {
    expect(listEndsSoon({ from: '2018-01-01', to: '2028-12-31' }, today)).toBe(warned);
  });
});
