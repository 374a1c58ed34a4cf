import { dayMonthYear } from '../../../platform/calendar/date-text.ts';
import { addDays } from '../../../platform/web/tasks.ts';
import type { PolicySettings } from '../../organisation/service.ts';

// The clocks of a concern (DOMAIN.md §6, policy: acknowledge within 7 days, feed back within 3
// months: the periods of the EU Whistleblowing Directive 2019/1937 art. 9, used as good practice).

export type Clocks = Pick<
  PolicySettings,
  'concernAcknowledgeDays' | 'concernFeedbackMonths' | 'concernReminderDays'
>;
export type ClockFacts = { receivedOn: string; acknowledgedOn: string | null; feedbackOn: string | null };

// A calendar date some months after another; the last day of the month when it has no such day.
export function addMonths(date: string, months: number): string {
  const [year = 0, month = 1, day = 1] = date.split('-').map(Number);
  const target = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return target.toISOString().slice(0, 10);
}

export const acknowledgeBy = (receivedOn: string, clocks: Clocks) =>
  addDays(receivedOn, clocks.concernAcknowledgeDays);
export const feedbackBy = (receivedOn: string, clocks: Clocks) =>
  addMonths(receivedOn, clocks.concernFeedbackMonths);

export type ClockState = 'done' | 'done-late' | 'due' | 'overdue';

function stateOf(doneOn: string | null, dueOn: string, today: string): ClockState {
  if (doneOn) return doneOn <= dueOn ? 'done' : 'done-late';
  return today > dueOn ? 'overdue' : 'due';
}

export function clocksOf(concern: ClockFacts, clocks: Clocks, today: string) {
  const acknowledge = acknowledgeBy(concern.receivedOn, clocks);
  const feedback = feedbackBy(concern.receivedOn, clocks);
  return {
    acknowledge: { dueOn: acknowledge, state: stateOf(concern.acknowledgedOn, acknowledge, today) },
    feedback: { dueOn: feedback, state: stateOf(concern.feedbackOn, feedback, today) },
  };
}

// Whether the investigator is reminded today of a clock: from `concernReminderDays` before it is
// due, and again every that many days while it is not done (`lastSentOn` is the last reminder).
export function reminderDue(
  dueOn: string,
  doneOn: string | null,
  lastSentOn: string | null,
  today: string,
  clocks: Clocks,
): boolean {
  if (doneOn) return false;
  if (today < addDays(dueOn, -clocks.concernReminderDays)) return false;
  return lastSentOn === null || today >= addDays(lastSentOn, clocks.concernReminderDays);
}

// What an investigator may still do to a concern: nothing once its outcome is recorded (the
// reporter was told it is closed), and acknowledge it once. The refusal, or null.
export type CaseworkMove = 'acknowledge' | 'message' | 'outcome';
export function caseworkRefusal(
  concern: { closedOn: string | null; acknowledgedOn: string | null },
  move: CaseworkMove,
): string | null {
  if (concern.closedOn)
    return `This concern was closed on ${dayMonthYear(concern.closedOn)}, when its outcome was recorded: it cannot be changed`;
  if (move === 'acknowledge' && concern.acknowledgedOn)
    return `This concern was acknowledged on ${dayMonthYear(concern.acknowledgedOn)}`;
  return null;
}
