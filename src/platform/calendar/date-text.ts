import { londonDate, londonTime } from './daylight.ts';

// The one date style of every page, email, letter and PDF (GOV.UK's): "6 December 2026",
// "Friday 6 December 2026", "2:46pm", "6 December 2026 at 2:46pm"; midday and midnight in words.
// Nothing else formats a date or time for people to read; machine-readable files (CSV columns,
// JSON) keep ISO 8601. A calendar date has no time zone, so it is read and written as UTC.
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

// An instant's London time of day: 2:46pm.
export function timeText(instant: Date): string {
  return clockTime(londonTime(instant));
}

// An instant's London calendar day: 6 December 2026.
export function dayText(instant: Date): string {
  return dayMonthYear(londonDate(instant));
}

// An instant as a London date and time: 6 December 2026 at 2:46pm.
export function dateTimeText(instant: Date): string {
  return `${dayText(instant)} at ${timeText(instant)}`;
}
