import { describe, expect, it } from 'vitest';
import {
  type AssessmentFigures,
  financialYearOf,
  monthsOf,
  percent,
  periodOf,
  quartersOf,
  type StageFigures,
  selfAssessment,
  yearChoices,
} from './rules.ts';

describe('the period of a report (financial years run 1 April to 31 March)', () => {
  it.each([
    ['2026-11-23', 2026],
    ['2026-04-01', 2026],
    ['2026-03-31', 2025],
    ['2027-01-01', 2026],
  ])('%s is in financial year %i', (date, year) => expect(financialYearOf(date)).toBe(year));

  const today = '2026-11-23';
  it.each([
    ['nothing chosen: the current year', { year: '', from: '', to: '' }, '2026-04-01', '2027-03-31', []],
    ['last year', { year: '2025', from: '', to: '' }, '2025-04-01', '2026-03-31', []],
    ['a range of dates', { year: '', from: '2026-04-01', to: '2026-09-30' }, '2026-04-01', '2026-09-30', []],
    [
      'a range wins over a year',
      { year: '2025', from: '2026-05-01', to: '2026-05-31' },
      '2026-05-01',
      '2026-05-31',
      [],
    ],
    ['a future year', { year: '2027', from: '', to: '' }, '2026-04-01', '2027-03-31', ['year']],
    ['a year that is not one', { year: '20x6', from: '', to: '' }, '2026-04-01', '2027-03-31', ['year']],
    [
      'a range ending before it starts',
      { year: '', from: '2026-09-30', to: '2026-04-01' },
      '2026-04-01',
      '2027-03-31',
      ['to'],
    ],
    ['half a range', { year: '', from: '2026-04-01', to: '' }, '2026-04-01', '2027-03-31', ['to']],
    [
      'impossible dates',
      { year: '', from: 'not-a-date', to: 'not-a-date' },
      '2026-04-01',
      '2027-03-31',
      ['from', 'to'],
    ],
    [
      'more than six years',
      { year: '', from: '2016-01-01', to: '2026-01-01' },
      '2026-04-01',
      '2027-03-31',
      ['to'],
    ],
  ])('%s', (_case, query, from, to, keys) => {
    const { period, errors } = periodOf(query, today);
    expect([period.from, period.to]).toEqual([from, to]);
    expect(errors.map((error) => error.key)).toEqual(keys);
  });

  it('names the years a council can choose, newest first', () => {
    expect(yearChoices(2024, '2026-11-23').map((choice) => choice.text)).toEqual([
      '2026 to 2027',
      '2025 to 2026',
      '2024 to 2025',
    ]);
    expect(yearChoices(2030, '2026-11-23').map((choice) => choice.value)).toEqual(['2026']);
  });

  it.each([
    [{ from: '2026-04-01', to: '2027-03-31' }, 12, { from: '2026-12-01', to: '2026-12-31' }],
    [{ from: '2026-02-15', to: '2026-03-10' }, 2, { from: '2026-02-15', to: '2026-02-28' }],
    [{ from: '2026-03-10', to: '2026-03-10' }, 1, { from: '2026-03-10', to: '2026-03-10' }],
  ])('reads %j in %i months, such as %j', (period, count, month) => {
    const months = monthsOf(period);
    expect(months).toHaveLength(count);
    expect(months).toContainEqual(month);
    expect(months[0]?.from).toBe(period.from);
    expect(months.at(-1)?.to).toBe(period.to);
  });

  it.each([
    [
      'a financial year: its four quarters',
      { from: '2026-04-01', to: '2027-03-31' },
      [
        ['2026-Q2', 'April to June 2026'],
        ['2026-Q3', 'July to September 2026'],
        ['2026-Q4', 'October to December 2026'],
        ['2027-Q1', 'January to March 2027'],
      ],
    ],
    [
      'a range cut at both ends: the parts named by their dates',
      { from: '2026-05-15', to: '2026-08-20' },
      [
        ['2026-Q2', '15 May to 30 June 2026'],
        ['2026-Q3', '1 July to 20 August 2026'],
      ],
    ],
    ['one day', { from: '2026-03-10', to: '2026-03-10' }, [['2026-Q1', '10 March to 10 March 2026']]],
    [
      'across a year’s end',
      { from: '2026-12-01', to: '2027-01-31' },
      [
        ['2026-Q4', '1 December to 31 December 2026'],
        ['2027-Q1', '1 January to 31 January 2027'],
      ],
    ],
  ])('quarters of %s', (_, period, quarters) => {
    const found = quartersOf(period);
    expect(found.map((quarter) => [quarter.key, quarter.label])).toEqual(quarters);
    expect(found[0]?.from).toBe(period.from);
    expect(found.at(-1)?.to).toBe(period.to);
  });

  it.each([
    [0, 0, 'none'],
    [1, 3, '33%'],
    [2, 3, '67%'],
    [5, 5, '100%'],
  ])('%i of %i is %s', (part, whole, text) => expect(percent(part, whole)).toBe(text));
});

const stage = (n: number, change: Partial<StageFigures> = {}): StageFigures => ({
  stage: n,
  started: 10,
  acknowledged: 10,
  acknowledgedOnTime: 10,
  responded: 10,
  respondedOnTime: 10,
  respondedWithinFirstDeadline: 9,
  extended: 1,
  overdueOpen: 0,
  averageWorkingDays: 8,
  upheld: 3,
  partiallyUpheld: 3,
  notUpheld: 4,
  handledByOther: n === 2 ? 10 : 0,
  ...change,
});
const allMet: AssessmentFigures = {
  regime: 'complaint-handling-code',
  stages: [stage(1), stage(2)],
  notAccepted: 4,
  notAcceptedWithLetter: 4,
  remediesAgreed: 5,
  remediesDone: 5,
  remediesDoneOnTime: 5,
  remediesOverdue: 0,
  ombudsmanDecisions: 2,
  ombudsmanRemediesAgreed: 1,
  ombudsmanRemediesDoneOnTime: 1,
  ombudsmanRemediesOverdue: 0,
  improvements: 2,
};

describe('the self-assessment against the Complaint Handling Code, from the records', () => {
  const verdict = (figures: AssessmentFigures, requirement: RegExp) =>
    selfAssessment(figures).find((finding) => requirement.test(finding.requirement))?.meets;

  it('finds every measurable requirement met when the records show it', () => {
    expect(selfAssessment(allMet).map((finding) => finding.meets)).toEqual(Array(10).fill('yes'));
  });

  it.each([
    [
      'the council’s own single-stage regime is not the Code’s two stages',
      { regime: 'single-stage' as const },
      /two-stage/,
      'no',
    ],
    [
      '9 of 10 stage 1 responses on time is mostly',
      { stages: [stage(1, { respondedOnTime: 9 }), stage(2)] },
      /^Stage 1 responses/,
      'partly',
    ],
    [
      '7 of 10 acknowledged on time is not met',
      { stages: [stage(1, { acknowledgedOnTime: 7 }), stage(2)] },
      /^Stage 1 complaints acknowledged/,
      'no',
    ],
    [
      'a stage 2 by the stage 1 handler',
      { stages: [stage(1), stage(2, { handledByOther: 9 })] },
      /someone other/,
      'partly',
    ],
    ['a refusal without a letter', { notAcceptedWithLetter: 3 }, /not accepted/, 'no'],
    ['any remedy overdue', { remediesOverdue: 1 }, /^Remedies/, 'no'],
    ['an Ombudsman remedy overdue', { ombudsmanRemediesOverdue: 1 }, /^Ombudsman remedies/, 'no'],
    [
      'no Ombudsman remedies at all',
      { ombudsmanRemediesAgreed: 0, ombudsmanRemediesDoneOnTime: 0 },
      /^Ombudsman remedies/,
      'no data',
    ],
    ['no improvements recorded', { improvements: 0 }, /Learning/, 'no'],
  ])('%s', (_case, change, requirement, meets) => {
    expect(verdict({ ...allMet, ...change }, requirement)).toBe(meets);
  });

  it('holds a single-stage council to the times it set, not the Code’s', () => {
    const requirements = selfAssessment({ ...allMet, regime: 'single-stage', stages: [stage(1)] }).map(
      (finding) => finding.requirement,
    );
    expect(requirements).toContain('Complaints acknowledged within the time the council set');
    expect(requirements).toContain('Complaints resolved within the time the council set');
    expect(requirements.join(' ')).not.toMatch(/working days|Stage 2/);
  });

  it('says what the figures show in words', () => {
    const figures = { ...allMet, stages: [stage(1, { respondedOnTime: 7, extended: 2 })] };
    expect(selfAssessment(figures).find((f) => /^Stage 1 responses/.test(f.requirement))?.evidence).toBe(
      '7 of 10 responses on time (70%). 2 extended.',
    );
  });
});
