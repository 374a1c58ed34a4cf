import { describe, expect, it } from 'vitest';
import { defaultPolicy } from '../../organisation/service.ts';
import { addMonths, caseworkRefusal, clocksOf, reminderDue } from './rules.ts';

// DOMAIN.md §6 (policy): acknowledge within 7 days, feed back within 3 months (EU Directive
// 2019/1937 art. 9 as good practice); the investigator is reminded before and while overdue.
const clocks = defaultPolicy();

describe('adding months keeps the day, or the month’s last day', () => {
  it.each([
    ['2026-01-15', 3, '2026-04-15'],
    ['2026-11-30', 3, '2027-02-28'],
    ['2028-11-30', 3, '2029-02-28'],
    ['2027-11-29', 3, '2028-02-29'],
  ])('%s plus %i months is %s', (from, months, expected) => {
    expect(addMonths(from, months)).toBe(expected);
  });
});

describe('the acknowledgement and feedback clocks', () => {
  it.each([
    ['nothing done, on time', { acknowledgedOn: null, feedbackOn: null }, '2026-03-05', 'due', 'due'],
    ['not acknowledged on day 8', { acknowledgedOn: null, feedbackOn: null }, '2026-03-09', 'overdue', 'due'],
    [
      'acknowledged on day 7',
      { acknowledgedOn: '2026-03-08', feedbackOn: null },
      '2026-03-20',
      'done',
      'due',
    ],
    [
      'acknowledged on day 9',
      { acknowledgedOn: '2026-03-10', feedbackOn: null },
      '2026-03-20',
      'done-late',
      'due',
    ],
    [
      'no feedback after 3 months',
      { acknowledgedOn: '2026-03-02', feedbackOn: null },
      '2026-06-02',
      'done',
      'overdue',
    ],
    [
      'feedback on the last day',
      { acknowledgedOn: '2026-03-02', feedbackOn: '2026-06-01' },
      '2026-07-01',
      'done',
      'done',
    ],
  ] as const)('%s', (_, done, today, acknowledge, feedback) => {
    const state = clocksOf({ receivedOn: '2026-03-01', ...done }, clocks, today);
    expect(state.acknowledge.dueOn).toBe('2026-03-08');
    expect(state.feedback.dueOn).toBe('2026-06-01');
    expect([state.acknowledge.state, state.feedback.state]).toEqual([acknowledge, feedback]);
  });
});

describe('reminders to the investigator (2 days before, then every 2 days)', () => {
  it.each([
    ['too early', '2026-03-05', null, false],
    ['two days before', '2026-03-06', null, true],
    ['sent yesterday', '2026-03-07', '2026-03-06', false],
    ['overdue, sent two days ago', '2026-03-10', '2026-03-08', true],
  ] as const)('%s', (_, today, lastSent, expected) => {
    expect(reminderDue('2026-03-08', null, lastSent, today, clocks)).toBe(expected);
  });
  it('never once done', () => {
    expect(reminderDue('2026-03-08', '2026-03-02', null, '2026-03-09', clocks)).toBe(false);
  });
});

describe('what an investigator may still do to a concern', () => {
  it.each([
    ['acknowledge', null, null, null],
    ['acknowledge', null, '2026-11-20', 'This concern was acknowledged on 20 November 2026'],
    ['message', null, '2026-11-20', null],
    ['outcome', null, null, null],
    [
      'message',
      '2026-11-22',
      '2026-11-20',
      'This concern was closed on 22 November 2026, when its outcome was recorded: it cannot be changed',
    ],
    [
      'outcome',
      '2026-11-22',
      '2026-11-20',
      'This concern was closed on 22 November 2026, when its outcome was recorded: it cannot be changed',
    ],
    [
      'acknowledge',
      '2026-11-22',
      null,
      'This concern was closed on 22 November 2026, when its outcome was recorded: it cannot be changed',
    ],
  ] as const)('%s, closed %s, acknowledged %s: %s', (move, closedOn, acknowledgedOn, refusal) => {
    expect(caseworkRefusal({ closedOn, acknowledgedOn }, move)).toBe(refusal);
  });
});
