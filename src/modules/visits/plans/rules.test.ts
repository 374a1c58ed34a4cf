import { describe, expect, it } from 'vitest';
import { moved, planDateProblem, sharingProblems, visitTimes } from './rules.ts';

describe('the day of a plan [000: the diary sheet is left before going out]', () => {
  it.each([
    ['2026-12-07', null],
    ['2026-12-08', null],
    ['2026-12-06', 'The day of the visits must be today or a day to come'],
    ['2027-03-09', null],
    ['2027-03-10', 'Plan no more than 92 days ahead'],
    ['2026-02-30', 'The day of the visits must be a real date, like 7 12 2026'],
  ])('%s', (date, problem) => {
    expect(planDateProblem(date, '2026-12-07')).toBe(problem);
  });
});

describe('a visit’s times are London times on the plan’s day', () => {
  it('in winter and in summer', () => {
    expect(visitTimes('2026-12-07', '09:00', '09:30').start.toISOString()).toBe('2026-12-07T09:00:00.000Z');
    expect(visitTimes('2026-07-07', '09:00', '09:30').finish.toISOString()).toBe('2026-07-07T08:30:00.000Z');
  });
});

describe('sharing a plan', () => {
  const visit = (finish: string, dropped = false) => ({
    plannedStart: new Date(`2026-12-07T${finish}:00Z`),
    plannedFinish: new Date(`2026-12-07T${finish}:00Z`),
    droppedAt: dropped ? new Date() : null,
  });
  const home = new Date('2026-12-07T17:00:00Z');
  it.each([
    ['no visits', [], ['Add at least one visit before sharing the plan']],
    ['only dropped visits', [visit('10:00', true)], ['Add at least one visit before sharing the plan']],
    ['home after the last visit', [visit('10:00'), visit('16:30')], []],
    ['home at the moment the last visit ends', [visit('17:00')], []],
    [
      'home before the last visit ends',
      [visit('17:30')],
      ['The time you expect to be home must be after your last visit finishes'],
    ],
    ['a dropped late visit does not count', [visit('10:00'), visit('17:30', true)], []],
  ])('%s', (_, visits, problems) => {
    expect(sharingProblems(visits, home)).toEqual(problems);
  });
});

describe('moving a visit along the route', () => {
  it.each([
    [['a', 'b', 'c'], 'b', 'earlier', ['b', 'a', 'c']],
    [['a', 'b', 'c'], 'b', 'later', ['a', 'c', 'b']],
    [['a', 'b', 'c'], 'a', 'earlier', null],
    [['a', 'b', 'c'], 'c', 'later', null],
    [['a', 'b', 'c'], 'x', 'later', null],
  ] as const)('%j: %s %s', (order, id, direction, result) => {
    expect(moved(order, id, direction)).toEqual(result);
  });
});
