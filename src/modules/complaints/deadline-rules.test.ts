import { describe, expect, it } from 'vitest';
import { type Division, workingCalendar } from '../../platform/calendar/working-days.ts';
import { defaultPolicy } from '../organisation/service.ts';
import {
  basisParts,
  dateFromLetter,
  ExtensionRefused,
  extensionDeadline,
  nextDeadline,
  stageBasis,
  stageDeadlines,
  urgency,
} from './deadline-rules.ts';

const policy = defaultPolicy();
const calendar = (division: Division) => workingCalendar(division);

// DOMAIN.md §3, the Complaint Handling Code: stage 1 acknowledge 5 working days, respond 10
// after acknowledgement (until acknowledged: after the latest acknowledgement date).
describe('stage 1 under the Complaint Handling Code', () => {
  it.each([
    ['a Friday, England and Wales', 'england-and-wales', '2026-11-27', null, '2026-12-04', '2026-12-18'],
    [
      'a Friday, Scotland: St Andrew’s Day (Mon 30 Nov)',
      'scotland',
      '2026-11-27',
      null,
      '2026-12-07',
      '2026-12-21',
    ],
    ['a Friday, Northern Ireland', 'northern-ireland', '2026-11-27', null, '2026-12-04', '2026-12-18'],
    [
      'acknowledged early, respond counts from then',
      'england-and-wales',
      '2026-11-27',
      '2026-11-30',
      '2026-12-04',
      '2026-12-14',
    ],
    // 25 Dec 2026 is a Friday, so Boxing Day is Monday 28th; 1 Jan 2027 a Friday.
    ['23 December, England and Wales', 'england-and-wales', '2026-12-23', null, '2027-01-04', '2027-01-18'],
    [
      '23 December, Scotland: 2 January on Monday 4th',
      'scotland',
      '2026-12-23',
      null,
      '2027-01-05',
      '2027-01-19',
    ],
    ['23 December, Northern Ireland', 'northern-ireland', '2026-12-23', null, '2027-01-04', '2027-01-18'],
    // Easter 2027: Good Friday 26 March, Easter Monday 29 March (not a holiday in Scotland).
    ['before Easter, England and Wales', 'england-and-wales', '2027-03-22', null, '2027-03-31', '2027-04-14'],
    ['before Easter, Scotland: no Easter Monday', 'scotland', '2027-03-22', null, '2027-03-30', '2027-04-13'],
    ['before Easter, Northern Ireland', 'northern-ireland', '2027-03-22', null, '2027-03-31', '2027-04-14'],
    [
      'St Patrick’s Day in Northern Ireland',
      'northern-ireland',
      '2027-03-15',
      null,
      '2027-03-23',
      '2027-04-08',
    ],
    [
      'St Patrick’s Day is a working day in England',
      'england-and-wales',
      '2027-03-15',
      null,
      '2027-03-22',
      '2027-04-07',
    ],
    ['12 July in Northern Ireland', 'northern-ireland', '2027-07-09', null, '2027-07-19', '2027-08-02'],
    ['12 July is a working day in Scotland', 'scotland', '2027-07-09', null, '2027-07-16', '2027-07-30'],
  ] as const)('%s', (_case, division, receivedOn, acknowledgedOn, acknowledgeBy, respondBy) => {
    const deadlines = stageDeadlines(
      calendar(division),
      policy,
      'complaint-handling-code',
      1,
      receivedOn,
      acknowledgedOn,
    );
    expect([deadlines.acknowledgeBy.due, deadlines.respondBy.due]).toEqual([acknowledgeBy, respondBy]);
  });
});

describe('stage 2 under the Complaint Handling Code (acknowledge 5, respond 20)', () => {
  it.each([
    [
      'escalated on a Friday, England and Wales',
      'england-and-wales',
      '2026-11-27',
      '2026-12-04',
      '2027-01-06',
    ],
    ['escalated on a Friday, Scotland', 'scotland', '2026-11-27', '2026-12-07', '2027-01-08'],
    [
      'escalated on 23 December, Northern Ireland',
      'northern-ireland',
      '2026-12-23',
      '2027-01-04',
      '2027-02-01',
    ],
  ] as const)('%s', (_case, division, startedOn, acknowledgeBy, respondBy) => {
    const deadlines = stageDeadlines(
      calendar(division),
      policy,
      'complaint-handling-code',
      2,
      startedOn,
      null,
    );
    expect([deadlines.acknowledgeBy.due, deadlines.respondBy.due]).toEqual([acknowledgeBy, respondBy]);
  });
});

// 003 §5.3: acknowledge within 3 working days; resolve within 10 weeks of receipt.
describe('the council’s single stage', () => {
  it.each([
    ['a Friday, England and Wales', 'england-and-wales', '2026-11-27', '2026-12-02', '2027-02-05'],
    ['a Friday, Scotland', 'scotland', '2026-11-27', '2026-12-03', '2027-02-05'],
    ['23 December, Northern Ireland', 'northern-ireland', '2026-12-23', '2026-12-30', '2027-03-03'],
    [
      '10 weeks lands on Boxing Day (substitute): the working day before',
      'england-and-wales',
      '2026-10-19',
      '2026-10-22',
      '2026-12-24',
    ],
    [
      '10 weeks lands on Easter Monday: back over Good Friday',
      'england-and-wales',
      '2027-01-18',
      '2027-01-21',
      '2027-03-25',
    ],
    [
      '10 weeks lands on Easter Monday in Scotland: a working day there',
      'scotland',
      '2027-01-18',
      '2027-01-21',
      '2027-03-29',
    ],
  ] as const)('%s', (_case, division, receivedOn, acknowledgeBy, resolveBy) => {
    const deadlines = stageDeadlines(calendar(division), policy, 'single-stage', 1, receivedOn, null);
    expect([deadlines.acknowledgeBy.due, deadlines.respondBy.due]).toEqual([acknowledgeBy, resolveBy]);
  });

  it('has no stage 2', () => {
    expect(() =>
      stageDeadlines(calendar('england-and-wales'), policy, 'single-stage', 2, '2026-11-27', null),
    ).toThrow('no stage 2');
  });
});

describe('what the deadline says about how it was worked out', () => {
  it('names the rule, the dates and the calendar', () => {
    const deadlines = stageDeadlines(
      calendar('scotland'),
      policy,
      'complaint-handling-code',
      1,
      '2026-11-27',
      null,
    );
    expect(deadlines.acknowledgeBy.basis).toBe(
      'Stage 1 acknowledgement: 5 working days after it was received on Friday 27 November 2026, under the Complaint Handling Code, on Scotland bank holidays (GOV.UK snapshot 2018–2028).',
    );
    expect(deadlines.respondBy.basis).toContain(
      'Stage 1 response: 10 working days after the latest acknowledgement date, Monday 7 December 2026 (not yet acknowledged)',
    );
  });

  it('says when a date was brought back off a holiday', () => {
    const deadlines = stageDeadlines(
      calendar('england-and-wales'),
      policy,
      'single-stage',
      1,
      '2026-10-19',
      null,
    );
    expect(deadlines.respondBy.basis).toContain(
      '10 weeks after it was received on Monday 19 October 2026, brought back',
    );
    expect(deadlines.respondBy.basis).toContain('England and Wales bank holidays');
  });

  it.each([
    [
      'received in 2016, before GOV.UK’s list',
      '2016-12-21',
      '2016-12-30',
      'bank holidays before 1 January 2018 are worked out from their rules, not from GOV.UK’s list',
    ],
    [
      'received at the end of 2028, due in 2029',
      '2028-12-22',
      '2029-01-03',
      'bank holidays after 31 December 2028 are worked out from their rules, not from GOV.UK’s list',
    ],
  ])('says when a date was worked out from the bank holidays’ rules: %s', (_why, received, due, words) => {
    const deadlines = stageDeadlines(
      calendar('england-and-wales'),
      policy,
      'complaint-handling-code',
      1,
      received,
      null,
    );
    expect(deadlines.acknowledgeBy.due).toBe(due);
    expect(deadlines.acknowledgeBy.basis).toContain(words);
    expect(deadlines.respondBy.basis).toContain(words);
  });

  it('says nothing of the rules when every day is on GOV.UK’s list', () => {
    const { acknowledgeBy } = stageDeadlines(
      calendar('england-and-wales'),
      policy,
      'complaint-handling-code',
      1,
      '2026-11-27',
      null,
    );
    expect(acknowledgeBy.basis).not.toContain('worked out from their rules');
  });

  it('follows the council’s own times', () => {
    const slower = { ...policy, stage1AcknowledgeDays: 10 };
    const deadlines = stageDeadlines(
      calendar('england-and-wales'),
      slower,
      'complaint-handling-code',
      1,
      '2026-11-23',
      null,
    );
    expect(deadlines.acknowledgeBy.due).toBe('2026-12-07');
  });
});

// The Code: an extension of at most 10 (stage 1) / 20 (stage 2) working days.
describe('extensions', () => {
  it.each([
    ['stage 1 by 10 over Christmas', 'complaint-handling-code', 1, '2026-12-18', 10, '2027-01-06'],
    ['stage 1 by 1', 'complaint-handling-code', 1, '2026-12-18', 1, '2026-12-21'],
    ['stage 2 by 20', 'complaint-handling-code', 2, '2026-11-27', 20, '2026-12-29'],
    ['single stage by 10', 'single-stage', 1, '2027-02-05', 10, '2027-02-19'],
  ] as const)('%s', (_case, regime, stage, from, days, due) => {
    expect(extensionDeadline(calendar('england-and-wales'), policy, regime, stage, from, days).due).toBe(due);
  });

  it.each([
    ['stage 1 by 11', 1, 11, 'Stage 1 can be extended by at most 10 working days'],
    ['stage 2 by 21', 2, 21, 'Stage 2 can be extended by at most 20 working days'],
    ['no days', 1, 0, 'Enter the extension as a whole number of working days, 1 or more'],
    ['part of a day', 1, 1.5, 'Enter the extension as a whole number of working days, 1 or more'],
  ] as const)('refuses %s', (_case, stage, days, message) => {
    expect(() =>
      extensionDeadline(
        calendar('england-and-wales'),
        policy,
        'complaint-handling-code',
        stage,
        '2026-12-18',
        days,
      ),
    ).toThrow(new ExtensionRefused(message));
  });

  it('refuses any extension when the council allows none', () => {
    const none = { ...policy, stage1MaxExtensionDays: 0 };
    expect(() =>
      extensionDeadline(calendar('england-and-wales'), none, 'complaint-handling-code', 1, '2026-12-18', 1),
    ).toThrow('Stage 1 cannot be extended under the council’s policy');
  });

  it('says how the new date was worked out', () => {
    const deadline = extensionDeadline(
      calendar('england-and-wales'),
      policy,
      'complaint-handling-code',
      1,
      '2026-12-18',
      10,
    );
    expect(deadline.basis).toBe(
      'Extended by 10 working days from Friday 18 December 2026 (at most 10 working days under the Complaint Handling Code), on England and Wales bank holidays (GOV.UK snapshot 2018–2028).',
    );
  });
});

// Work queues show what is overdue, due today and at risk (within the reminder period).
describe('the deadline a stage must meet next: its acknowledgement, then its response', () => {
  const stage = { acknowledgeBy: '2026-11-30', respondBy: '2026-12-28', extendedTo: null };
  it.each([
    ['awaiting acknowledgement', { ...stage, acknowledgedOn: null }, 'acknowledge-by', '2026-11-30'],
    ['acknowledged', { ...stage, acknowledgedOn: '2026-11-25' }, 'respond-by', '2026-12-28'],
    [
      'acknowledged and extended',
      { ...stage, acknowledgedOn: '2026-11-25', extendedTo: '2027-01-11' },
      'respond-by',
      '2027-01-11',
    ],
    [
      'acknowledged with no response date',
      { ...stage, acknowledgedOn: '2026-11-25', respondBy: null },
      'respond-by',
      '2026-11-30',
    ],
  ] as const)('%s', (_name, facts, deadline, due) => {
    expect(nextDeadline(facts)).toEqual({ deadline, due });
  });
});

describe('where a deadline stands today (Monday 23 November 2026, at risk within 2 working days)', () => {
  it.each([
    ['due last Friday', '2026-11-20', 'overdue'],
    ['due today', '2026-11-23', 'due-today'],
    ['due Wednesday, 2 working days away', '2026-11-25', 'at-risk'],
    ['due Thursday', '2026-11-26', 'later'],
  ])('%s', (_case, due, expected) => {
    expect(urgency(calendar('england-and-wales'), '2026-11-23', due, 2)).toBe(expected);
  });

  it('counts working days: due Tuesday after a Scottish St Andrew’s Day Monday, seen on Friday', () => {
    expect(urgency(calendar('scotland'), '2026-11-27', '2026-12-02', 2)).toBe('at-risk');
    expect(urgency(calendar('england-and-wales'), '2026-11-27', '2026-12-02', 2)).toBe('later');
  });
});

// The Code measures an acknowledgement and a response by when the person is sent it: a letter
// sent after the day the decision was recorded dates the stage; the response date stays.
describe('the date a letter sent later gives its stage', () => {
  const recorded = { acknowledgedOn: '2026-11-23', respondedOn: '2026-11-24' };
  it.each<[string, string, [1 | 2, string, string, string] | null]>([
    ['acknowledgement', '2026-11-23', null],
    ['acknowledgement', '2026-11-25', [1, 'acknowledgedOn', '2026-11-23', '2026-11-25']],
    ['escalation-acknowledgement', '2026-11-26', [2, 'acknowledgedOn', '2026-11-23', '2026-11-26']],
    ['stage-1-response', '2026-11-24', null],
    ['stage-1-response', '2026-11-30', [1, 'respondedOn', '2026-11-24', '2026-11-30']],
    ['single-stage-response', '2026-11-27', [1, 'respondedOn', '2026-11-24', '2026-11-27']],
    ['stage-2-response', '2026-12-01', [2, 'respondedOn', '2026-11-24', '2026-12-01']],
    // Sent before the recorded day cannot happen, and never moves a date back.
    ['stage-2-response', '2026-11-20', null],
    ['extension', '2026-12-01', null],
    ['refusal', '2026-12-01', null],
    ['warning', '2026-12-01', null],
  ])('a %s letter sent on %s: %j', (kind, sentOn, expected) => {
    const moved = dateFromLetter(kind, (dated) => recorded[dated.date], sentOn);
    expect(moved && [moved.stage, moved.date, moved.from, moved.to]).toEqual(expected);
  });

  it('moves nothing when the stage has no such date recorded', () => {
    expect(dateFromLetter('stage-1-response', () => null, '2026-12-01')).toBeNull();
  });
});

describe('a stage’s explanation: one line for each date, as that date was worked out', () => {
  const logged = 'Stage 1 acknowledgement: 5 working days …\nStage 1 response: 10 working days …';

  it.each([
    ['the response worked out again at triage', { respond: 'Stage 1 response: 15 working days …' }],
    ['an extension', { extension: 'Extended by 5 working days …' }],
  ])('replaces only its own line: %s', (_why, change) => {
    const parts = { ...basisParts(logged), ...change };
    const text = stageBasis(parts);
    expect(text.split('\n')[0]).toBe('Stage 1 acknowledgement: 5 working days …');
    expect(basisParts(text)).toEqual({
      acknowledge: parts.acknowledge,
      respond: parts.respond,
      extension: parts.extension ?? null,
    });
  });

  it('a second extension replaces the first', () => {
    const once = stageBasis({ ...basisParts(logged), extension: 'Extended by 5 working days …' });
    const twice = stageBasis({ ...basisParts(once), extension: 'Extended by 8 working days …' });
    expect(twice.split('\n')).toEqual([...logged.split('\n'), 'Extended by 8 working days …']);
  });
});
