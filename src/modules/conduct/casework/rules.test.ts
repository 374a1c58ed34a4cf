import { describe, expect, it } from 'vitest';
import {
  type Assessment,
  allows,
  complyByProblem,
  decisionBlocked,
  hearingOnProblem,
  type Move,
  stateAfterCompliance,
  stateAfterDecision,
  stateAfterHearing,
  stateAfterReport,
  tellsSubjectAt,
  validity,
} from './rules.ts';

const plain: Assessment = {
  againstAll: false,
  operational: false,
  capacity: 'councillor',
  otherReason: false,
};

describe('whether a complaint about a councillor is valid (003 standards minute 18)', () => {
  const cases: [string, Partial<Assessment>, boolean, string[]][] = [
    ['about one councillor acting as a councillor', {}, true, []],
    ['against all the councillors at once', { againstAll: true }, false, ['all-councillors']],
    ['an operational ward matter', { operational: true }, false, ['operational']],
    ['canvassing for a party at an election', { capacity: 'party' }, false, ['not-acting-as-councillor']],
    ['a personal social media account', { capacity: 'personal' }, false, ['not-acting-as-councillor']],
    ['another reason the monitoring officer gives', { otherReason: true }, false, ['other']],
    [
      'several reasons at once, each recorded',
      { againstAll: true, operational: true, capacity: 'personal' },
      false,
      ['all-councillors', 'operational', 'not-acting-as-councillor'],
    ],
  ];
  it.each(cases)('%s', (_name, given, valid, grounds) => {
    expect(validity({ ...plain, ...given })).toEqual({ valid, grounds });
  });
});

describe('the moves each state allows (003 standards minutes 18 and 21)', () => {
  const cases: [string, Move, boolean][] = [
    ['received', 'assess', true],
    ['received', 'decide', false],
    ['assessed', 'view', true],
    ['assessed', 'decide', true],
    ['assessed', 'assess', false],
    ['not-valid', 'decide', false],
    ['investigation', 'report', true],
    ['investigation', 'hear', false],
    ['reported', 'hear', true],
    ['sanctions', 'comply', true],
    ['closed', 'comply', false],
    ['closed', 'assess', false],
  ];
  it.each(cases)('%s allows %s: %s', (state, move, expected) => {
    expect(allows(state, move)).toBe(expected);
  });

  it('a decision waits for the independent person’s view (minute 18)', () => {
    expect(decisionBlocked(false)).toMatch(/independent person/);
    expect(decisionBlocked(true)).toBeNull();
  });

  it.each([
    ['no-further-action', 'closed'],
    ['informal-resolution', 'closed'],
    ['investigation', 'investigation'],
  ] as const)('a decision of %s leaves it %s', (decision, state) => {
    expect(stateAfterDecision(decision)).toBe(state);
  });

  it.each([
    ['breach', 'reported'],
    ['no-breach', 'closed'],
  ] as const)('a report finding %s leaves it %s', (finding, state) => {
    expect(stateAfterReport(finding)).toBe(state);
  });

  it.each([
    ['breach', 2, 'sanctions'],
    ['breach', 0, 'closed'],
    ['no-breach', 0, 'closed'],
  ] as const)('a hearing finding %s with %i sanctions leaves it %s', (outcome, sanctions, state) => {
    expect(stateAfterHearing(outcome, sanctions)).toBe(state);
  });

  it.each([
    [0, 'closed'],
    [1, 'sanctions'],
  ] as const)('with %i sanctions outstanding it is %s (minute 21)', (outstanding, state) => {
    expect(stateAfterCompliance(outstanding)).toBe(state);
  });

  it.each([
    [['received', 'decided'], 'received', true],
    [['received', 'decided'], 'assessed', false],
    [[], 'hearing', false],
  ] as const)('the council’s setting %j tells the councillor at %s: %s', (setting, point, expected) => {
    expect(tellsSubjectAt(setting, point)).toBe(expected);
  });
});

describe('the date a sanction must be complied by (003 standards minute 21)', () => {
  it.each([
    ['2026-12-01', '2026-12-31', null],
    ['2026-12-01', '2026-12-01', null],
    ['2026-12-01', '2026-11-30', 'The date to comply by must be on or after the hearing'],
    ['2026-12-01', '', 'Enter the date the councillor must comply by'],
    ['2026-12-01', 'not-a-date', 'Enter the date the councillor must comply by'],
    ['2026-12-01', '2027-12-01', null],
    ['2026-12-01', '2027-12-02', 'The date to comply by must be within a year of the hearing'],
    ['2026-12-01', '9999-12-31', 'The date to comply by must be within a year of the hearing'],
  ])('a hearing on %s and comply by %j: %s', (hearingOn, complyBy, problem) => {
    expect(complyByProblem(hearingOn, complyBy)).toBe(problem);
  });
});

describe('the date of a hearing being recorded', () => {
  it.each([
    ['2026-11-20', null],
    ['2026-11-23', null],
    ['2026-11-24', 'The hearing must have taken place: its date cannot be in the future'],
    ['9999-12-31', 'The hearing must have taken place: its date cannot be in the future'],
    ['2026-09-30', 'The hearing cannot be before the complaint was received'],
  ])(
    'on %s, for a complaint received on 1 October 2026, recorded on 23 November 2026: %s',
    (hearingOn, problem) => {
      expect(hearingOnProblem(hearingOn, '2026-10-01', '2026-11-23')).toBe(problem);
    },
  );
});
