import { describe, expect, it } from 'vitest';
import {
  type EscalationMinutes,
  escalationAt,
  escalationMinutes,
  firstAlertAt,
  officerStatus,
} from './rules.ts';

// DOMAIN.md §5 (policy: 15, 30 and 45 minutes after the check-in was due).
const minutes: EscalationMinutes = [15, 30, 45];
const due = new Date('2026-12-07T10:00:00Z');
const at = (hhmmss: string) => new Date(`2026-12-07T${hhmmss}Z`);

describe('escalating a missed check-in', () => {
  it.each([
    ['on time, nothing', 0, '10:00:00', [], '10:15:00'],
    ['a second before the first level', 0, '10:14:59', [], '10:15:00'],
    ['at 15 minutes: the responsible officer', 0, '10:15:00', ['responsible'], '10:30:00'],
    ['one minute past the first level', 0, '10:16:00', ['responsible'], '10:30:00'],
    ['one minute past the second level', 1, '10:31:00', ['manager'], '10:45:00'],
    ['one minute past the emergency level', 2, '10:46:00', ['emergency'], null],
    [
      'a sweep that ran late raises every level passed',
      0,
      '10:50:00',
      ['responsible', 'manager', 'emergency'],
      null,
    ],
    ['levels already raised are not raised again', 3, '11:30:00', [], null],
  ])('%s', (_, raised, now, raise, next) => {
    const result = escalationAt(due, raised as number, at(now as string), minutes);
    expect(result.raise).toEqual(raise);
    expect(result.nextAlertAt?.toISOString() ?? null).toBe(next ? at(next as string).toISOString() : null);
  });

  // A plan shared (or a visit re-timed) after its check-in's alert times: the sweep wakes at once.
  it.each([
    ['owed from now: at the first level', 0, '10:15:00'],
    ['the first level raised: at the second', 1, '10:30:00'],
    ['the emergency raised: never again', 3, null],
  ])('%s', (_, raised, first) => {
    expect(firstAlertAt(due, raised as number, minutes)?.toISOString() ?? null).toBe(
      first ? at(first as string).toISOString() : null,
    );
  });

  it('keeps the levels in order whatever the settings say', () => {
    expect(
      escalationMinutes({
        checkInEscalateToResponsibleMinutes: 20,
        checkInEscalateToManagerMinutes: 10,
        checkInEscalateToEmergencyMinutes: 45,
      }),
    ).toEqual([20, 20, 45]);
  });
});

describe('an officer’s status on the console', () => {
  const owed = (dueAt: string, receivedAt: string | null = null, visitId: string | null = 'v') => ({
    visitId,
    dueAt: at(dueAt),
    receivedAt: receivedAt ? at(receivedAt) : null,
    cancelled: false,
  });
  it.each([
    ['not shared yet', { shared: false, owed: [owed('10:00:00')], openAlerts: [] }, '09:00:00', 'not-out'],
    [
      'before the check-in is due',
      { shared: true, owed: [owed('10:00:00')], openAlerts: [] },
      '09:59:00',
      'on-time',
    ],
    ['the check-in is due', { shared: true, owed: [owed('10:00:00')], openAlerts: [] }, '10:05:00', 'due'],
    [
      'past the first alert time',
      { shared: true, owed: [owed('10:00:00')], openAlerts: [] },
      '10:15:00',
      'late',
    ],
    [
      'checked in',
      { shared: true, owed: [owed('10:00:00', '10:01:00')], openAlerts: [] },
      '10:20:00',
      'on-time',
    ],
    [
      'asked for help',
      {
        shared: true,
        owed: [owed('10:00:00', '10:01:00')],
        openAlerts: [{ kind: 'help-now', level: 'responsible' }],
      },
      '10:20:00',
      'alarm',
    ],
    [
      'the emergency level reached',
      {
        shared: true,
        owed: [owed('10:00:00')],
        openAlerts: [{ kind: 'missed-check-in', level: 'emergency' }],
      },
      '10:50:00',
      'alarm',
    ],
    [
      'home',
      {
        shared: true,
        owed: [owed('10:00:00', '10:01:00'), owed('17:00:00', '16:50:00', null)],
        openAlerts: [],
      },
      '17:30:00',
      'home',
    ],
    [
      'home, with a visit still not checked in after the call from home',
      {
        shared: true,
        owed: [owed('16:00:00'), owed('17:00:00', '16:50:00', null)],
        openAlerts: [],
      },
      '17:30:00',
      'late',
    ],
    [
      'home, with an alert nobody has acknowledged',
      {
        shared: true,
        owed: [owed('10:00:00', '10:20:00'), owed('17:00:00', '16:50:00', null)],
        openAlerts: [{ kind: 'missed-check-in', level: 'manager' }],
      },
      '17:30:00',
      'late',
    ],
  ] as const)('%s', (_, plan, now, status) => {
    expect(officerStatus(plan, at(now), minutes)).toBe(status);
  });
});
