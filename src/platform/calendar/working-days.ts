import Holidays from 'date-holidays';
import builtInList from './bank-holidays.json' with { type: 'json' };
import { dayMonthYear } from './date-text.ts';

// Working-day arithmetic on the UK bank holidays of one division, with the council's own overrides
// on top. Where GOV.UK's list (bank-holidays.json, the snapshot shipped or one an administrator
// uploaded) covers a year, it is the authority; for any other year the division's bank holidays are
// worked out from their rules (the Banking and Financial Dealings Act 1971 and the proclamations
// made under it, as the date-holidays library keeps them), so no date is ever outside the calendar.
export const divisions = ['england-and-wales', 'scotland', 'northern-ireland'] as const;
export type Division = (typeof divisions)[number];

export const divisionNames: Record<Division, string> = {
  'england-and-wales': 'England and Wales',
  scotland: 'Scotland',
  'northern-ireland': 'Northern Ireland',
};

type CalendarOverride = { date: string; kind: 'holiday' | 'working-day'; title: string };
export type BankHoliday = { date: string; title: string };
// GOV.UK's bank-holidays.json: each division's events (other fields are ignored).
export type BankHolidayList = Record<Division, { events: readonly BankHoliday[] }>;
// The whole years a list covers, 1 January of its first to 31 December of its last.
export type Coverage = { from: string; to: string };

export type WorkingCalendar = {
  division: Division;
  overrides: readonly CalendarOverride[];
  closed: ReadonlySet<string>;
  open: ReadonlySet<string>;
  // GOV.UK's list it was made with, and the whole years that list covers.
  list: BankHolidayList;
  coverage: Coverage;
};

const dayMs = 86_400_000;
const isoPattern = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isIsoDate(value: string): boolean {
  const match = isoPattern.exec(value);
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === value;
}

const toTime = (date: string) => Date.parse(`${date}T00:00:00Z`);
const toDate = (time: number) => new Date(time).toISOString().slice(0, 10);

export const shippedBankHolidays: BankHolidayList = builtInList;

export function coverageOf(list: BankHolidayList): Coverage {
  const dates = divisions.flatMap((division) => list[division].events.map((event) => event.date)).sort();
  return { from: `${dates[0]?.slice(0, 4)}-01-01`, to: `${dates.at(-1)?.slice(0, 4)}-12-31` };
}

const shippedCoverage = coverageOf(shippedBankHolidays);

// The list deadlines are worked out on: a council's uploaded copy of GOV.UK's list when it runs at
// least as late as the one shipped, otherwise the shipped one (a newer release ships a newer list).
export function listInUse(uploaded: BankHolidayList | null): BankHolidayList {
  if (!uploaded) return shippedBankHolidays;
  return coverageOf(uploaded).to >= coverageOf(shippedBankHolidays).to ? uploaded : shippedBankHolidays;
}

export function snapshotCoverage(list: BankHolidayList = shippedBankHolidays): Coverage {
  return list === shippedBankHolidays ? shippedCoverage : coverageOf(list);
}

// The division's bank holidays of one year from their rules: substitute days when a holiday falls
// at a weekend, Scotland's 2 January and St Andrew's Day, Northern Ireland's St Patrick's Day and
// Battle of the Boyne, and the one-off days proclaimed so far. Worked out once per division and year.
const regions: Record<Division, string> = {
  'england-and-wales': 'ENG',
  scotland: 'SCT',
  'northern-ireland': 'NIR',
};
const rulesByDivision = new Map<Division, Holidays>();
const ruleYears = new Map<string, readonly BankHoliday[]>();

export function ruleBankHolidays(division: Division, year: number): readonly BankHoliday[] {
  const key = `${division} ${year}`;
  const known = ruleYears.get(key);
  if (known) return known;
  let rules = rulesByDivision.get(division);
  if (!rules) {
    rules = new Holidays('GB', regions[division]);
    rulesByDivision.set(division, rules);
  }
  const days = rules
    .getHolidays(year)
    .filter((day) => day.type === 'public' || day.type === 'bank')
    .map((day) => ({ date: day.date.slice(0, 10), title: day.name.replaceAll("'", '’') }));
  ruleYears.set(key, days);
  return days;
}

const ruleClosed = new Map<string, ReadonlySet<string>>();
function isRuleBankHoliday(division: Division, date: string): boolean {
  const key = `${division} ${date.slice(0, 4)}`;
  let closed = ruleClosed.get(key);
  if (!closed) {
    closed = new Set(ruleBankHolidays(division, Number(date.slice(0, 4))).map((day) => day.date));
    ruleClosed.set(key, closed);
  }
  return closed.has(date);
}

const covers = (coverage: Coverage, date: string) => date >= coverage.from && date <= coverage.to;

// The division's bank holidays from `from` to `to`, each said to be from GOV.UK's list or its rules.
export function bankHolidaysBetween(
  division: Division,
  from: string,
  to: string,
  list: BankHolidayList = shippedBankHolidays,
): (BankHoliday & { fromRules: boolean })[] {
  const coverage = snapshotCoverage(list);
  const listed = list[division].events
    .filter((day) => day.date >= from && day.date <= to)
    .map((day) => ({ date: day.date, title: day.title, fromRules: false }));
  const worked: (BankHoliday & { fromRules: boolean })[] = [];
  for (let year = Number(from.slice(0, 4)); year <= Number(to.slice(0, 4)); year += 1) {
    for (const day of ruleBankHolidays(division, year))
      if (day.date >= from && day.date <= to && !covers(coverage, day.date))
        worked.push({ ...day, fromRules: true });
  }
  return [...listed, ...worked].sort((a, b) => a.date.localeCompare(b.date));
}

export function workingCalendar(
  division: Division,
  overrides: readonly CalendarOverride[] = [],
  list: BankHolidayList = shippedBankHolidays,
): WorkingCalendar {
  const closed = new Set(list[division].events.map((day) => day.date));
  const open = new Set<string>();
  for (const override of overrides) {
    if (override.kind === 'holiday') {
      closed.add(override.date);
      open.delete(override.date);
    } else {
      open.add(override.date);
      closed.delete(override.date);
    }
  }
  return { division, overrides, closed, open, list, coverage: snapshotCoverage(list) };
}

function checkDate(date: string) {
  if (!isIsoDate(date)) throw new RangeError(`Not a calendar date: ${date}`);
}

const weekendOrHoliday = (calendar: WorkingCalendar, date: string) => {
  const weekday = new Date(toTime(date)).getUTCDay();
  if (weekday === 0 || weekday === 6 || calendar.closed.has(date)) return true;
  return !covers(calendar.coverage, date) && isRuleBankHoliday(calendar.division, date);
};

export function isWorkingDay(calendar: WorkingCalendar, date: string): boolean {
  checkDate(date);
  return calendar.open.has(date) || !weekendOrHoliday(calendar, date);
}

// The `days`th working day after `from`; `from` itself is day 0, whatever kind of day it is.
export function addWorkingDays(calendar: WorkingCalendar, from: string, days: number): string {
  checkDate(from);
  if (!Number.isInteger(days) || days < 0)
    throw new RangeError(`Working days must be a whole number of 0 or more, not ${days}`);
  let time = toTime(from);
  for (let counted = 0; counted < days; ) {
    time += dayMs;
    const date = toDate(time);
    if (calendar.open.has(date) || !weekendOrHoliday(calendar, date)) counted += 1;
  }
  return toDate(time);
}

// Working days d with from < d <= to; negative when `to` is before `from`.
export function workingDaysBetween(calendar: WorkingCalendar, from: string, to: string): number {
  checkDate(from);
  checkDate(to);
  if (to < from) return -workingDaysBetween(calendar, to, from);
  let count = 0;
  for (let time = toTime(from) + dayMs; time <= toTime(to); time += dayMs) {
    const date = toDate(time);
    if (calendar.open.has(date) || !weekendOrHoliday(calendar, date)) count += 1;
  }
  return count;
}

// Which calendar computed a deadline; given the days the working-out spanned, it also says when
// some of their bank holidays were worked out from the rules rather than read from GOV.UK's list.
export function describeCalendar(calendar: WorkingCalendar, span?: { from: string; to: string }): string {
  const { coverage } = calendar;
  const years = `${coverage.from.slice(0, 4)}–${coverage.to.slice(0, 4)}`;
  const count = calendar.overrides.length;
  const overrides = count === 0 ? '' : ` with ${count} council ${count === 1 ? 'override' : 'overrides'}`;
  const outside: string[] = [];
  if (span && span.from < coverage.from) outside.push(`before ${dayMonthYear(coverage.from)}`);
  if (span && span.to > coverage.to) outside.push(`after ${dayMonthYear(coverage.to)}`);
  const rules = outside.length
    ? `; bank holidays ${outside.join(' and ')} are worked out from their rules, not from GOV.UK’s list`
    : '';
  return `${divisionNames[calendar.division]} bank holidays (GOV.UK snapshot ${years})${overrides}${rules}`;
}

const shippedCalendars = new Map<Division, WorkingCalendar>();

// Whether a day is one of the division's bank holidays (no council overrides).
export function isBankHoliday(division: Division, date: string, list?: BankHolidayList): boolean {
  let calendar = list ? workingCalendar(division, [], list) : shippedCalendars.get(division);
  if (!calendar) {
    calendar = workingCalendar(division);
    shippedCalendars.set(division, calendar);
  }
  const weekday = new Date(toTime(date)).getUTCDay();
  return weekday !== 0 && weekday !== 6 && weekendOrHoliday(calendar, date);
}
