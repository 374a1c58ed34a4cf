import { londonDate, londonTime } from './daylight.ts';

// Calendar dates (YYYY-MM-DD) in words, as pages, emails and letters show them. A calendar date
// has no time zone, so it is read and written as UTC.
const dayMonthYearFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'UTC',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});
const weekdayFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'UTC',
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});

const utcDay = (date: string) => new Date(`${date.slice(0, 10)}T00:00:00Z`);

// 23 November 2026. Only the date of a longer ISO string is read.
export function dayMonthYear(date: string): string {
  return dayMonthYearFormat.format(utcDay(date));
}

// Friday 27 November 2026: GOV.UK style, no comma after the weekday.
export function weekdayDayMonthYear(date: string): string {
  return weekdayFormat
    .formatToParts(utcDay(date))
    .filter((part) => part.type !== 'literal')
    .map((part) => part.value)
    .join(' ');
}

// A London wall-clock time ('HH:MM') in GOV.UK style: 2:46pm, 9am, midday, midnight.
export function clockTime(time: string): string {
  const [hours = 0, minutes = 0] = time.split(':').map(Number);
  if (minutes === 0 && hours === 12) return 'midday';
  if (minutes === 0 && hours === 0) return 'midnight';
  const hour = hours % 12 === 0 ? 12 : hours % 12;
  const minute = minutes === 0 ? '' : `:${String(minutes).padStart(2, '0')}`;
  return `${hour}${minute}${hours < 12 ? 'am' : 'pm'}`;
}

// An instant as a London date and time in GOV.UK style: 6 December 2026 at 2:46pm.
export function dateTimeText(instant: Date): string {
  return `${dayMonthYear(londonDate(instant))} at ${clockTime(londonTime(instant))}`;
}
