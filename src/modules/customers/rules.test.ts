import { describe, expect, it } from 'vitest';
import type { Role } from '../../platform/auth/roles.ts';
import { londonInstant, parseTime } from './contacts/input.ts';
import {
  type Category,
  capabilitiesOf,
  categoryReviewOn,
  contactsSinceStep,
  minutesText,
  noNewContactWarning,
  previousStep,
  reviewCategories,
  seesWholeRecord,
  stepCarriedForward,
  stepTakenText,
  stepUpRefusals,
} from './rules.ts';

const decision = {
  behaviour: 'Abusive calls',
  evidence: '12 calls in a week',
  equalityCheck: 'No needs known',
  singlePointOfContactId: 'spoc',
};
const roles = (...held: Role[]) => capabilitiesOf(new Set(held));
const officer = roles('officer');
const head = roles('officer', 'head-of-service');
const complaintsOfficer = roles('officer', 'complaints-officer');
const manager = roles('officer', 'complaints-manager');

describe('moving a customer up a category (003 vexatious procedure §4.1-4.5)', () => {
  it.each([
    ['§4.2 a head of service warns', 'warned', 'none', head, []],
    ['§4.2 the complaints team warns', 'warned', 'none', complaintsOfficer, []],
    [
      '§4.2 an officer may not warn',
      'warned',
      'none',
      officer,
      ['Only a head of service or the complaints team can make this decision (003 vexatious procedure)'],
    ],
    ['§4.4 the complaints team marks pre-vexatious', 'pre-vexatious', 'warned', complaintsOfficer, []],
    [
      '§4.4 a head of service may not',
      'pre-vexatious',
      'warned',
      head,
      ['Only the complaints team can make this decision (003 vexatious procedure)'],
    ],
    ['§4.5 the complaints manager decides vexatious', 'vexatious', 'pre-vexatious', manager, []],
    [
      '§4.5 a complaints officer may not',
      'vexatious',
      'pre-vexatious',
      complaintsOfficer,
      ['Only the complaints manager can make this decision (003 vexatious procedure)'],
    ],
    [
      '§4.1 no skipping the warning',
      'pre-vexatious',
      'none',
      manager,
      ['A customer must be warned before they can be pre-vexatious (003 vexatious procedure §4.1)'],
    ],
    [
      '§4.1 no skipping the final warning',
      'vexatious',
      'warned',
      manager,
      ['A customer must be pre-vexatious before they can be vexatious (003 vexatious procedure §4.1)'],
    ],
    ['already warned', 'warned', 'warned', manager, ['This customer is already warned']],
    ['already further on', 'warned', 'vexatious', manager, ['This customer is already vexatious']],
  ] as const)('%s', (_case, to, current, capabilities, messages) => {
    expect(
      stepUpRefusals(to, { current, contacts: 3, capabilities }, decision).map((r) => r.message),
    ).toEqual(messages);
  });

  it.each([
    ['§4.3 the timeline must have entries', { contacts: 0 }, {}, ['form']],
    ['the behaviour is described', {}, { behaviour: '' }, ['behaviour']],
    ['the evidence is summarised', {}, { evidence: '' }, ['evidence']],
    ['DOMAIN §4: reasonable adjustments considered first', {}, { equalityCheck: '' }, ['equalityCheck']],
    [
      '§4.4 a single point of contact is named',
      {},
      { singlePointOfContactId: null },
      ['singlePointOfContactId'],
    ],
  ])('%s', (_case, facts, change, keys) => {
    const refusals = stepUpRefusals(
      'pre-vexatious',
      { current: 'warned', contacts: 3, capabilities: manager, ...facts },
      { ...decision, ...change },
    );
    expect(refusals.map((r) => r.key)).toEqual(keys);
  });

  it('a warning needs no single point of contact (§4.2)', () => {
    expect(
      stepUpRefusals(
        'warned',
        { current: 'none', contacts: 1, capabilities: head },
        { ...decision, singlePointOfContactId: null },
      ),
    ).toEqual([]);
  });
});

describe('the next step follows the previous one (003 vexatious procedure §4.4-4.5)', () => {
  const recorded = { evidence: '14 calls in two weeks', equalityCheck: 'No needs known' };
  // The warning: Monday 23 November 2026 at 9:00:30am London (GMT).
  const warning = {
    category: 'warned',
    decidedAt: new Date('2026-11-23T09:00:30Z'),
    byReview: false,
    ...recorded,
  } as const;
  const finalWarning = {
    category: 'pre-vexatious',
    decidedAt: new Date('2026-12-01T10:15:00Z'),
    byReview: false,
    ...recorded,
  } as const;
  // A review moved them back down to warned; it records its reasons, not evidence.
  const reviewedDown = {
    category: 'warned',
    decidedAt: new Date('2027-03-20T14:00:00Z'),
    byReview: true,
    evidence: '',
    equalityCheck: '',
  } as const;
  const checkOnly = { ...finalWarning, evidence: '' };

  it.each([
    ['no step yet', [], null],
    ['one step', [warning], warning],
    ['the latest, in any order', [finalWarning, warning], finalWarning],
    ['a review that changed the category is a step', [warning, finalWarning, reviewedDown], reviewedDown],
  ])('previous step: %s', (_case, steps, previous) => {
    expect(previousStep(steps)).toBe(previous);
  });

  it.each([
    ['no step yet', [], null],
    ['the latest step up', [warning, finalWarning], finalWarning],
    ['not a review, which records no evidence', [warning, finalWarning, reviewedDown], finalWarning],
    ['one that recorded the Equality Act check alone', [warning, checkOnly], checkOnly],
    ['none that recorded them (cleared at retention)', [reviewedDown], null],
  ])('evidence carried forward from: %s', (_case, steps, carried) => {
    expect(stepCarriedForward(steps)).toBe(carried);
  });

  const contact = (summary: string, occurredAt: string, loggedAt: string) => ({
    summary,
    occurredAt: new Date(occurredAt),
    loggedAt: new Date(loggedAt),
  });
  it.each([
    ['logged before the step: its evidence', '2026-11-20T14:30:00Z', '2026-11-20T15:00:00Z', false],
    ['logged before the step, in its minute', '2026-11-23T09:00:00Z', '2026-11-23T09:00:10Z', false],
    [
      'happened in the minute of the step, logged after it',
      '2026-11-23T09:00:00Z',
      '2026-11-23T09:01:00Z',
      true,
    ],
    ['happened after the step', '2026-11-24T11:00:00Z', '2026-11-24T11:20:00Z', true],
    ['happened before the step, logged late', '2026-11-22T16:00:00Z', '2026-11-24T11:20:00Z', false],
    [
      'happened the minute before the step, logged after',
      '2026-11-23T08:59:00Z',
      '2026-11-23T09:05:00Z',
      false,
    ],
  ])('a contact that %s: since the step %s', (summary, occurredAt, loggedAt, since) => {
    const found = contactsSinceStep([contact(summary, occurredAt, loggedAt)], warning);
    expect(found.map((c) => c.summary)).toEqual(since ? [summary] : []);
  });

  it('with no previous step, the whole timeline counts', () => {
    const timeline = [contact('a', '2026-11-20T14:30:00Z', '2026-11-20T15:00:00Z')];
    expect(contactsSinceStep(timeline, null)).toEqual(timeline);
  });

  it.each([
    [warning, 'the warning on 23 November 2026 at 9am'],
    [finalWarning, 'the final warning on 1 December 2026 at 10:15am'],
    [
      { ...finalWarning, category: 'vexatious' },
      'the decision that they are vexatious on 1 December 2026 at 10:15am',
    ],
    [reviewedDown, 'the review on 20 March 2027 at 2pm'],
    [{ ...reviewedDown, category: 'none' }, 'the review on 20 March 2027 at 2pm'],
  ] as const)('the previous step in words: %#', (step, text) => {
    expect(stepTakenText(step)).toBe(text);
  });

  it.each([
    ['the first step: no previous one (the timeline itself must have entries)', null, 0, null],
    ['new contact since the step', warning, 1, null],
    [
      'no new contact since the warning: warned, not refused',
      warning,
      0,
      'No new contact has been recorded since the warning on 23 November 2026 at 9am. The next step is for behaviour that has continued since then: log the contacts first, or say in the evidence why this step is needed now.',
    ],
    [
      'no new contact since the final warning',
      finalWarning,
      0,
      'No new contact has been recorded since the final warning on 1 December 2026 at 10:15am. The next step is for behaviour that has continued since then: log the contacts first, or say in the evidence why this step is needed now.',
    ],
  ] as const)('%s', (_case, step, since, warningText) => {
    expect(noNewContactWarning(step, since)).toBe(warningText);
  });
});

describe('reviews (§4.6)', () => {
  it.each([
    ['warned', '2026-11-23', 4, null],
    ['pre-vexatious', '2026-11-23', 4, '2027-03-23'],
    ['vexatious', '2026-10-31', 4, '2027-02-28'],
    ['vexatious', '2027-10-31', 4, '2028-02-29'],
    ['vexatious', '2026-11-23', 6, '2027-05-23'],
  ] as const)('%s decided %s, every %i months: review %s', (category, on, months, expected) => {
    expect(categoryReviewOn(category, on, months)).toBe(expected);
  });

  it.each([
    ['vexatious', ['none', 'warned', 'pre-vexatious']],
    ['pre-vexatious', ['none', 'warned']],
    ['warned', ['none']],
    ['none', []],
  ] as const)('a review may move %s down to %j, never up', (current, lower) => {
    expect(reviewCategories(current as Category)).toEqual(lower);
  });
});

describe('who sees the whole record (§4.2-4.3)', () => {
  it.each([
    [officer, false],
    [head, true],
    [complaintsOfficer, true],
    [manager, true],
    [roles('officer', 'hr'), false],
  ])('%#', (capabilities, whole) => {
    expect(seesWholeRecord(capabilities)).toBe(whole);
  });
});

describe('times and officer time', () => {
  it.each([
    ['14:05', { hours: 14, minutes: 5 }],
    ['9.30', { hours: 9, minutes: 30 }],
    ['2pm', { hours: 14, minutes: 0 }],
    ['12am', { hours: 0, minutes: 0 }],
    ['9:30 AM', { hours: 9, minutes: 30 }],
    ['24:00', null],
    ['9', null],
    ['13pm', null],
    ['noon', null],
  ])('%s', (typed, time) => {
    expect(parseTime(typed)).toEqual(time);
  });

  it.each([
    ['2026-11-23', 9, 30, '2026-11-23T09:30:00.000Z'],
    ['2026-07-01', 9, 30, '2026-07-01T08:30:00.000Z'],
    ['2026-03-29', 0, 30, '2026-03-29T00:30:00.000Z'],
    ['2026-03-29', 3, 0, '2026-03-29T02:00:00.000Z'],
  ])('%s %i:%i London is %s', (date, hours, minutes, instant) => {
    expect(londonInstant(date, { hours, minutes }).toISOString()).toBe(instant);
  });

  it.each([
    [0, '0 minutes'],
    [1, '1 minute'],
    [60, '1 hour'],
    [65, '1 hour 5 minutes'],
    [150, '2 hours 30 minutes'],
  ])('%i', (minutes, words) => {
    expect(minutesText(minutes)).toBe(words);
  });
});
