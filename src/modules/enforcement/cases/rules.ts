import { type Division, isBankHoliday } from '../../../platform/calendar/working-days.ts';

// The notice of enforcement (Taking Control of Goods Regulations 2013 reg 6; DOMAIN.md §5; 004):
// goods may not be taken into control until 7 clear days after the notice is given. Clear days
// leave out the day the notice is given and the day of the visit; Sundays, bank holidays, Good
// Friday and Christmas Day are not counted (reg 6(3)), whatever the division's bank holidays say.

export const clearDaysOfNotice = 7;
export const noticeCitation = 'Taking Control of Goods Regulations 2013 reg 6';

// The days not counted in the council's division: its bank holidays, with Good Friday and
// Christmas Day added for every year (in Scotland Easter Monday is a working day, 2 January is not).
export type NoticeCalendar = { division: Division; bankHolidays: { has(date: string): boolean } };

export function noticeCalendar(division: Division): NoticeCalendar {
  return { division, bankHolidays: { has: (date) => isBankHoliday(division, date) } };
}

const dayMs = 86_400_000;
const toTime = (date: string) => Date.parse(`${date}T00:00:00Z`);
const toDate = (time: number) => new Date(time).toISOString().slice(0, 10);

// Easter Sunday in the Gregorian calendar (the anonymous Gregorian algorithm).
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const goodFriday = (year: number) => toDate(toTime(easterSunday(year)) - 2 * dayMs);

// Whether a day counts towards the 7 clear days.
export function countsAsClearDay(date: string, calendar: NoticeCalendar): boolean {
  if (new Date(toTime(date)).getUTCDay() === 0) return false;
  if (date.slice(5) === '12-25') return false;
  if (date === goodFriday(Number(date.slice(0, 4)))) return false;
  return !calendar.bankHolidays.has(date);
}

// The first day goods may be taken into control after a notice given on noticeDate: the day after
// the 7th clear day.
export function earliestTakingControl(noticeDate: string, calendar: NoticeCalendar): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(noticeDate) || Number.isNaN(toTime(noticeDate)))
    throw new RangeError(`Not a calendar date: ${noticeDate}`);
  let time = toTime(noticeDate);
  for (let counted = 0; counted < clearDaysOfNotice; ) {
    time += dayMs;
    if (countsAsClearDay(toDate(time), calendar)) counted += 1;
  }
  return toDate(time + dayMs);
}

// Whether goods may be taken into control on `date` after a notice given on `noticeDate`.
export function noticeExpiredBy(noticeDate: string | null, date: string, calendar: NoticeCalendar): boolean {
  return noticeDate !== null && earliestTakingControl(noticeDate, calendar) <= date;
}
