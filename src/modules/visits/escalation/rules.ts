import type { AlertLevel } from '../tables.ts';

// A missed check-in escalates on a timer: the responsible officer, then the line manager, then
// the emergency step, each a number of minutes after the check-in was due (DOMAIN.md §5, policy
// settings); an acknowledgement stops the next level; "need help now" raises every level at once.

export const alertLevels = ['responsible', 'manager', 'emergency'] as const satisfies readonly AlertLevel[];

export const levelNames: Record<AlertLevel, string> = {
  responsible: 'Responsible officer',
  manager: 'Line manager',
  emergency: 'Emergency',
};

// Minutes after the check-in was due at which each level is raised, in order.
export type EscalationMinutes = readonly [responsible: number, manager: number, emergency: number];

const minute = 60_000;

export function alertTimes(dueAt: Date, minutes: EscalationMinutes): Date[] {
  return minutes.map((after) => new Date(dueAt.getTime() + after * minute));
}

// What a check-in owed at `dueAt`, with `raised` levels already raised, needs at `now`: the levels
// to raise now (every one whose time has passed: a sweep that ran late still raises them all), and
// when the next one falls due (null once the last is raised).
export function escalationAt(
  dueAt: Date,
  raised: number,
  now: Date,
  minutes: EscalationMinutes,
): { raise: AlertLevel[]; nextAlertAt: Date | null } {
  const times = alertTimes(dueAt, minutes);
  const raise = alertLevels.filter((_, index) => index >= raised && (times[index] as Date) <= now);
  const next = times[raised + raise.length];
  return { raise, nextAlertAt: next ?? null };
}

// When a check-in owed, newly or at a new time, first wakes the sweep: at the first level not yet
// raised, even if that has passed (a plan shared or re-timed late), so that the sweep raises every
// level due at once instead of waiting for a later one.
export function firstAlertAt(dueAt: Date, raised: number, minutes: EscalationMinutes): Date | null {
  return alertTimes(dueAt, minutes)[raised] ?? null;
}

// The settings in order; a council that set a later level earlier than a sooner one still
// escalates in order, each level no sooner than the one before.
export function escalationMinutes(settings: {
  checkInEscalateToResponsibleMinutes: number;
  checkInEscalateToManagerMinutes: number;
  checkInEscalateToEmergencyMinutes: number;
}): EscalationMinutes {
  const responsible = settings.checkInEscalateToResponsibleMinutes;
  const manager = Math.max(responsible, settings.checkInEscalateToManagerMinutes);
  return [responsible, manager, Math.max(manager, settings.checkInEscalateToEmergencyMinutes)];
}

export type OfficerStatus = 'not-out' | 'on-time' | 'due' | 'late' | 'alarm' | 'home';

export const statusNames: Record<OfficerStatus, string> = {
  'not-out': 'Not set out',
  'on-time': 'On time',
  due: 'Check-in due',
  late: 'Late',
  alarm: 'Alarm',
  home: 'Home safe',
};

type Owed = { visitId: string | null; dueAt: Date; receivedAt: Date | null; cancelled: boolean };
type OpenAlert = { kind: 'missed-check-in' | 'help-now'; level: AlertLevel };

// Where an officer out today stands, as the console shows it [000: the responsible officer knows
// where the officer is and that all is well]. An alarm (help asked for, or the emergency level
// reached) outranks lateness; a check-in past its first alert time is late; past its due time, due.
export function officerStatus(
  plan: { shared: boolean; owed: readonly Owed[]; openAlerts: readonly OpenAlert[] },
  now: Date,
  minutes: EscalationMinutes,
): OfficerStatus {
  if (!plan.shared) return 'not-out';
  if (plan.openAlerts.some((alert) => alert.kind === 'help-now' || alert.level === 'emergency'))
    return 'alarm';
  const waiting = plan.owed.filter((owed) => !owed.receivedAt && !owed.cancelled);
  if (waiting.some((owed) => (alertTimes(owed.dueAt, minutes)[0] as Date) <= now)) return 'late';
  if (plan.openAlerts.length) return 'late';
  if (waiting.some((owed) => owed.dueAt <= now)) return 'due';
  // Home safe only once nothing else is owed: a check-in missed before a call from home still shows.
  const home = plan.owed.find((owed) => owed.visitId === null);
  return home?.receivedAt ? 'home' : 'on-time';
}
