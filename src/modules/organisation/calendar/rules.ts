import { addMonths } from '../../../platform/calendar/months.ts';
import {
  type BankHolidayList,
  type Coverage,
  coverageOf,
  type Division,
  divisionNames,
  divisions,
} from '../../../platform/calendar/working-days.ts';
import { bankHolidayFile } from './input.ts';

export const notTheFile =
  'The file must be GOV.UK’s bank-holidays.json, downloaded from www.gov.uk/bank-holidays.json';
const earliestYear = 1971; // the Banking and Financial Dealings Act 1971
const latestYear = 2200;

const yearsOf = (events: readonly { date: string }[]) =>
  new Set(events.map((day) => Number(day.date.slice(0, 4))));

// What is wrong with a list, in words: each division must cover the same whole years, with events in
// every one of them, and no date twice.
export function listProblems(list: BankHolidayList): string[] {
  const { from, to } = coverageOf(list);
  const first = Number(from.slice(0, 4));
  const last = Number(to.slice(0, 4));
  if (first < earliestYear || last > latestYear)
    return [`The list’s years must be from ${earliestYear} to ${latestYear}`];
  const problems: string[] = [];
  for (const division of divisions) {
    const { events } = list[division];
    const years = yearsOf(events);
    const missing: number[] = [];
    for (let year = first; year <= last; year += 1) if (!years.has(year)) missing.push(year);
    if (missing.length)
      problems.push(`${divisionNames[division]} has no bank holidays in ${missing.slice(0, 5).join(', ')}`);
    if (new Set(events.map((day) => day.date)).size !== events.length)
      problems.push(`${divisionNames[division]} lists a date more than once`);
  }
  return problems;
}

// The file's text as a list of bank holidays, or what is wrong with it.
export function readBankHolidayFile(text: string): { list: BankHolidayList } | { problems: string[] } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { problems: [`${notTheFile}: this file is not JSON`] };
  }
  const parsed = bankHolidayFile.safeParse(json);
  if (!parsed.success) {
    const where = parsed.error.issues[0]?.path.join(' → ') ?? '';
    return {
      problems: [
        `${notTheFile}: it has no list of events with dates and titles${where ? ` (${where})` : ''}`,
      ],
    };
  }
  const list = Object.fromEntries(
    divisions.map((division) => [
      division,
      { events: [...parsed.data[division].events].sort((a, b) => a.date.localeCompare(b.date)) },
    ]),
  ) as Record<Division, { events: { date: string; title: string }[] }>;
  const problems = listProblems(list);
  return problems.length ? { problems } : { list };
}

// Administrators are warned from a year before the list in use ends, so that there is time to
// upload GOV.UK's next one; until then, and after it, later bank holidays come from their rules.
export function listEndsSoon(coverage: Coverage, today: string): boolean {
  return today > addMonths(coverage.to, -12);
}
