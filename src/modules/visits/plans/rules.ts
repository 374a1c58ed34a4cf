import { londonInstant } from '../../../platform/calendar/daylight.ts';
import { isIsoDate } from '../../../platform/calendar/working-days.ts';

// Pure rules of a day plan (the diary sheet, [000]: each intended visit with its start and
// completion time, in the order of the intended route).

// Plans are for today or a day ahead: a diary sheet is left before going out, not after.
export const daysAhead = 92;

export function planDateProblem(planDate: string, today: string): string | null {
  if (!isIsoDate(planDate)) return 'The day of the visits must be a real date, like 7 12 2026';
  if (planDate < today) return 'The day of the visits must be today or a day to come';
  const last = new Date(Date.parse(`${today}T12:00:00Z`) + daysAhead * 86_400_000).toISOString().slice(0, 10);
  if (planDate > last) return `Plan no more than ${daysAhead} days ahead`;
  return null;
}

// A visit's times, given as London wall-clock times on the plan's day.
export function visitTimes(planDate: string, start: string, finish: string): { start: Date; finish: Date } {
  return { start: londonInstant(planDate, start), finish: londonInstant(planDate, finish) };
}

type Timed = { plannedStart: Date; plannedFinish: Date; droppedAt: Date | null };

// What stops a plan from being shared: nothing to visit, or home before the last visit ends.
export function sharingProblems(visits: readonly Timed[], homeBy: Date): string[] {
  const live = visits.filter((visit) => !visit.droppedAt);
  if (!live.length) return ['Add at least one visit before sharing the plan'];
  const lastFinish = Math.max(...live.map((visit) => visit.plannedFinish.getTime()));
  return homeBy.getTime() < lastFinish
    ? ['The time you expect to be home must be after your last visit finishes']
    : [];
}

// The new order after moving one visit a place earlier or later: ids in route order, or null when
// it cannot move that way.
export function moved(order: readonly string[], id: string, direction: 'earlier' | 'later'): string[] | null {
  const at = order.indexOf(id);
  const to = direction === 'earlier' ? at - 1 : at + 1;
  if (at < 0 || to < 0 || to >= order.length) return null;
  const next = [...order];
  [next[at], next[to]] = [next[to] as string, next[at] as string];
  return next;
}
