import type { DateParts } from './pages/probity-page.ts';

// Today's date in London, as the server's clock sees it, and as the pages show it.
export function londonToday() {
  const now = new Date();
  const format = (options: Intl.DateTimeFormatOptions, locale = 'en-GB') =>
    new Intl.DateTimeFormat(locale, { timeZone: 'Europe/London', ...options }).format(now);
  const iso = format({ year: 'numeric', month: '2-digit', day: '2-digit' }, 'en-CA');
  return {
    iso,
    parts: partsOf(iso),
    long: format({ day: 'numeric', month: 'long', year: 'numeric' }), // 23 November 2026
  };
}

// A day some days after today in London, as the date inputs take it and the pages show it.
export function daysFromToday(days: number) {
  const date = new Date(`${londonToday().iso}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  const iso = date.toISOString().slice(0, 10);
  const long = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'UTC',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(date);
  return { iso, parts: partsOf(iso), long };
}

function partsOf(iso: string): DateParts {
  const [year, month, day] = iso.split('-');
  return { day: String(Number(day)), month: String(Number(month)), year: String(year) };
}

// The middle of the calendar quarter before today's, and that quarter's first day.
export function inPreviousQuarter(): { iso: string; parts: DateParts; quarterStart: string } {
  const { iso: today } = londonToday();
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  const thisQuarterFirstMonth = Math.floor((month - 1) / 3) * 3 + 1;
  const startYear = thisQuarterFirstMonth === 1 ? year - 1 : year;
  const startMonth = thisQuarterFirstMonth === 1 ? 10 : thisQuarterFirstMonth - 3;
  const pad = (n: number) => String(n).padStart(2, '0');
  const iso = `${startYear}-${pad(startMonth + 1)}-15`;
  return { iso, parts: partsOf(iso), quarterStart: `${startYear}-${pad(startMonth)}-01` };
}
