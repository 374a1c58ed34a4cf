import snapshot from './bank-holidays.json' with { type: 'json' };

// Working-day arithmetic on the UK bank holidays of one division, from a snapshot in GOV.UK's
// bank-holidays.json format, with the council's own overrides on top.
export const divisions = ['england-and-wales', 'scotland', 'northern-ireland'] as const;
export type Division = (typeof divisions)[number];

export const divisionNames: Record<Division, string> = {
  'england-and-wales': 'England and Wales',
  scotland: 'Scotland',
  'northern-ireland': 'Northern Ireland',
};

type CalendarOverride = { date: string; kind: 'holiday' | 'working-day'; title: string };

export type WorkingCalendar = {
  division: Division;
  overrides: readonly CalendarOverride[];
  closed: ReadonlySet<string>;
  open: ReadonlySet<string>;
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

export function bankHolidays(division: Division): readonly { date: string; title: string }[] {
  return snapshot[division].events.map((event) => ({ date: event.date, title: event.title }));
}

const allDates = divisions.flatMap((division) => snapshot[division].events.map((event) => event.date)).sort();
const coverage = { from: `${allDates[0]?.slice(0, 4)}-01-01`, to: `${allDates.at(-1)?.slice(0, 4)}-12-31` };

export function snapshotCoverage(): { from: string; to: string } {
  return coverage;
}

export function workingCalendar(
  division: Division,
  overrides: readonly CalendarOverride[] = [],
): WorkingCalendar {
  const closed = new Set(bankHolidays(division).map((day) => day.date));
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
  return { division, overrides, closed, open };
}

function checkDate(date: string) {
  if (!isIsoDate(date)) throw new RangeError(`Not a calendar date: ${date}`);
}

function checkCovered(date: string) {
  if (date < coverage.from || date > coverage.to) {
    throw new RangeError(`${date} is outside the bank holiday snapshot (${coverage.from} to ${coverage.to})`);
  }
}

export function isWorkingDay(calendar: WorkingCalendar, date: string): boolean {
  checkDate(date);
  if (calendar.open.has(date)) return true;
  const weekday = new Date(toTime(date)).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !calendar.closed.has(date);
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
    checkCovered(date);
    if (isWorkingDay(calendar, date)) counted += 1;
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
    checkCovered(date);
    if (isWorkingDay(calendar, date)) count += 1;
  }
  return count;
}

export function describeCalendar(calendar: WorkingCalendar): string {
  const years = `${coverage.from.slice(0, 4)}–${coverage.to.slice(0, 4)}`;
  const count = calendar.overrides.length;
  const overrides = count === 0 ? '' : ` with ${count} council ${count === 1 ? 'override' : 'overrides'}`;
  return `${divisionNames[calendar.division]} bank holidays (GOV.UK snapshot ${years})${overrides}`;
}
