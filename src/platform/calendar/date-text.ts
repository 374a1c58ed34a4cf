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
