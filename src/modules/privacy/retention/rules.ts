import { addMonths } from '../../../platform/calendar/months.ts';

export type Period = { length: number; unit: 'years' | 'months' };

const months = ({ length, unit }: Period) => (unit === 'years' ? length * 12 : length);

// Records whose basis date is on or before this day are due today: today less the period.
export function cutoffFor(today: string, period: Period): string {
  return addMonths(today, -months(period));
}

// The day a record whose period runs from `basis` is due.
export function dueOn(basis: string, period: Period): string {
  return addMonths(basis, months(period));
}
