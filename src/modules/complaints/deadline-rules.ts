// Complaint deadlines in working days on the council's bank-holiday division (DOMAIN.md §3).
// Two regimes, chosen by policy (complaintRegime):
// - the Ombudsman's Complaint Handling Code: stage 1 acknowledge within 5 working days and respond
//   within 10 working days of acknowledgement; stage 2 acknowledge within 5, respond within 20;
//   an extension of at most 10 (stage 1) / 20 (stage 2) working days;
// - the council's own single stage [003 §5.3]: acknowledge within 3 working days, aim to resolve
//   within 10 weeks of receipt; extensions where there is good cause [003 §5.4], at most the
//   stage 1 longest extension.
// Every deadline carries the words saying how it was worked out, naming the calendar.

import { weekdayDayMonthYear } from '../../platform/calendar/date-text.ts';
import {
  addWorkingDays,
  describeCalendar,
  isWorkingDay,
  type WorkingCalendar,
} from '../../platform/calendar/working-days.ts';
import type { PolicySettings } from '../organisation/service.ts';

export type Regime = 'complaint-handling-code' | 'single-stage';
type Deadline = { due: string; basis: string };

const regimeNames: Record<Regime, string> = {
  'complaint-handling-code': 'the Complaint Handling Code',
  'single-stage': 'the council’s single-stage policy',
};

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;
const workingDays = (count: number) => plural(count, 'working day', 'working days');

function stageTimes(policy: PolicySettings, regime: Regime, stage: 1 | 2) {
  if (regime === 'single-stage') {
    if (stage !== 1) throw new RangeError('The single-stage regime has no stage 2');
    return {
      acknowledgeDays: policy.singleStageAcknowledgeDays,
      maxExtensionDays: policy.stage1MaxExtensionDays,
    };
  }
  return stage === 1
    ? {
        acknowledgeDays: policy.stage1AcknowledgeDays,
        respondDays: policy.stage1RespondDays,
        maxExtensionDays: policy.stage1MaxExtensionDays,
      }
    : {
        acknowledgeDays: policy.stage2AcknowledgeDays,
        respondDays: policy.stage2RespondDays,
        maxExtensionDays: policy.stage2MaxExtensionDays,
      };
}

export function maxExtensionDays(policy: PolicySettings, regime: Regime, stage: 1 | 2): number {
  return stageTimes(policy, regime, stage).maxExtensionDays;
}

const stageName = (regime: Regime, stage: 1 | 2) =>
  regime === 'single-stage' ? 'The complaint' : `Stage ${stage}`;

function addCalendarDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

export function stageDeadlines(
  calendar: WorkingCalendar,
  policy: PolicySettings,
  regime: Regime,
  stage: 1 | 2,
  startedOn: string,
  acknowledgedOn: string | null,
): { acknowledgeBy: Deadline; respondBy: Deadline } {
  const times = stageTimes(policy, regime, stage);
  // Each explanation names the calendar over the days its own date was worked out on.
  const on = (from: string, to: string) => `on ${describeCalendar(calendar, { from, to })}`;
  const received = stage === 1 ? 'received' : 'escalated';
  const acknowledgeDue = addWorkingDays(calendar, startedOn, times.acknowledgeDays);
  const acknowledgeBy = {
    due: acknowledgeDue,
    basis: `${stageName(regime, stage)} acknowledgement: ${workingDays(times.acknowledgeDays)} after it was ${received} on ${weekdayDayMonthYear(startedOn)}, under ${regimeNames[regime]}, ${on(startedOn, acknowledgeDue)}.`,
  };
  if (regime === 'single-stage') {
    // 003 §5.3: "within 10 weeks of the complaint being received" — calendar weeks; a date that
    // falls on a weekend or bank holiday is brought back to the working day before it.
    const weeks = policy.singleStageResolveWeeks;
    let due = addCalendarDays(startedOn, weeks * 7);
    let moved = '';
    while (!isWorkingDay(calendar, due)) {
      due = addCalendarDays(due, -1);
      moved = ', brought back to the last working day before it';
    }
    return {
      acknowledgeBy,
      respondBy: {
        due,
        basis: `Resolution: ${plural(weeks, 'week', 'weeks')} after it was received on ${weekdayDayMonthYear(startedOn)}${moved}, under ${regimeNames[regime]}, ${on(startedOn, addCalendarDays(startedOn, weeks * 7))}.`,
      },
    };
  }
  const respondDays = times.respondDays ?? 0;
  const from = acknowledgedOn ?? acknowledgeDue;
  const fromText = acknowledgedOn
    ? `after it was acknowledged on ${weekdayDayMonthYear(acknowledgedOn)}`
    : `after the latest acknowledgement date, ${weekdayDayMonthYear(acknowledgeDue)} (not yet acknowledged)`;
  const respondDue = addWorkingDays(calendar, from, respondDays);
  return {
    acknowledgeBy,
    respondBy: {
      due: respondDue,
      basis: `${stageName(regime, stage)} response: ${workingDays(respondDays)} ${fromText}, under ${regimeNames[regime]}, ${on(from, respondDue)}.`,
    },
  };
}

// A stage's explanation is a line for each of its dates, written when that date was worked out:
// its acknowledgement, its response and any extension. A date worked out again replaces its own
// line only, so each line says how the date beside it was reached, whatever changed since.
type StageBasis = { acknowledge: string; respond: string; extension: string | null };

export function basisParts(text: string): StageBasis {
  const [acknowledge = '', respond = '', ...rest] = text.split('\n');
  const extension = rest.find((line) => line.startsWith('Extended')) ?? null;
  return { acknowledge, respond, extension };
}

export function stageBasis({ acknowledge, respond, extension }: StageBasis): string {
  return [acknowledge, respond, ...(extension ? [extension] : [])].join('\n');
}

export class ExtensionRefused extends Error {}

export function extensionDeadline(
  calendar: WorkingCalendar,
  policy: PolicySettings,
  regime: Regime,
  stage: 1 | 2,
  currentDue: string,
  days: number,
): Deadline {
  const max = maxExtensionDays(policy, regime, stage);
  if (!Number.isInteger(days) || days < 1)
    throw new ExtensionRefused('Enter the extension as a whole number of working days, 1 or more');
  if (days > max)
    throw new ExtensionRefused(
      max === 0
        ? `${stageName(regime, stage)} cannot be extended under the council’s policy`
        : `${stageName(regime, stage)} can be extended by at most ${workingDays(max)}`,
    );
  const due = addWorkingDays(calendar, currentDue, days);
  return {
    due,
    basis: `Extended by ${workingDays(days)} from ${weekdayDayMonthYear(currentDue)} (at most ${workingDays(max)} under ${regimeNames[regime]}), on ${describeCalendar(calendar, { from: currentDue, to: due })}.`,
  };
}

// Where an open deadline stands today, for work queues (overdue, due today or at risk):
// at risk when it is within the reminder period (complaintReminderWorkingDays).
// The deadline an open stage must meet next: its acknowledgement until it is acknowledged, then
// its response, as extended. A stage's response date is there from the start but is later, and
// under the Code it is only provisional until the acknowledgement.
export type NextDeadline = { deadline: 'acknowledge-by' | 'respond-by'; due: string };

export function nextDeadline(stage: {
  acknowledgeBy: string;
  acknowledgedOn: string | null;
  respondBy: string | null;
  extendedTo: string | null;
}): NextDeadline {
  if (stage.acknowledgedOn === null) return { deadline: 'acknowledge-by', due: stage.acknowledgeBy };
  return { deadline: 'respond-by', due: stage.extendedTo ?? stage.respondBy ?? stage.acknowledgeBy };
}

export const deadlineNames: Record<NextDeadline['deadline'], string> = {
  'acknowledge-by': 'Acknowledgement due',
  'respond-by': 'Response due',
};

export type Urgency = 'overdue' | 'due-today' | 'at-risk' | 'later';
export const urgencyNames: Record<Urgency, string> = {
  overdue: 'Overdue',
  'due-today': 'Due today',
  'at-risk': 'At risk',
  later: 'On track',
};

export function urgency(
  calendar: WorkingCalendar,
  today: string,
  due: string,
  atRiskWorkingDays: number,
): Urgency {
  return urgencyBy(today, addWorkingDays(calendar, today, atRiskWorkingDays), due);
}

// The same, given the last day that counts as at risk: deadlines fall on working days, so comparing
// with it is counting the working days between, without walking to a due date weeks away.
export function urgencyBy(today: string, atRiskBy: string, due: string): Urgency {
  if (due < today) return 'overdue';
  if (due === today) return 'due-today';
  return due <= atRiskBy ? 'at-risk' : 'later';
}

// The Code measures an acknowledgement and a response by when the person is sent it. The
// decision is recorded with that day's date, and its letter, checked (and where the council says,
// approved) before it goes, usually goes the same day; one sent on a later day dates the stage
// instead. The response date worked out at the decision stays: it is the date the letter gives.
// Which date of which stage each kind of letter sets (extensions and refusals date nothing).
export type DatedByLetter = { stage: 1 | 2; date: 'acknowledgedOn' | 'respondedOn' };

const datedBy: Readonly<Record<string, DatedByLetter>> = {
  acknowledgement: { stage: 1, date: 'acknowledgedOn' },
  'escalation-acknowledgement': { stage: 2, date: 'acknowledgedOn' },
  'stage-1-response': { stage: 1, date: 'respondedOn' },
  'single-stage-response': { stage: 1, date: 'respondedOn' },
  'stage-2-response': { stage: 2, date: 'respondedOn' },
};

/** The stage date a letter of this kind, sent on `sentOn`, moves, and to when; null when it moves
 * none: a kind that dates nothing, a date not recorded, or a letter sent the day recorded. */
export function dateFromLetter(
  kind: string,
  recorded: (dated: DatedByLetter) => string | null,
  sentOn: string,
): (DatedByLetter & { from: string; to: string }) | null {
  const dated = datedBy[kind];
  if (!dated) return null;
  const from = recorded(dated);
  return from !== null && from < sentOn ? { ...dated, from, to: sentOn } : null;
}
