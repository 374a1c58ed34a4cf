import { isIsoDate } from './working-days.ts';

export const monthNames = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

// The same day of the month `months` calendar months on (or back, when negative); a day the
// target month lacks becomes its last day (31 October + 4 months = 28 February, or the 29th).
export function addMonths(date: string, months: number): string {
  if (!isIsoDate(date)) throw new RangeError(`Not a calendar date: ${date}`);
  if (!Number.isInteger(months)) throw new RangeError(`Months must be a whole number, not ${months}`);
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return target.toISOString().slice(0, 10);
}
