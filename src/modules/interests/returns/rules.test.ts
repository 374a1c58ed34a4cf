import { describe, expect, it } from 'vitest';
import {
  financialYearLabel,
  financialYearOf,
  isRelatedPartyInterest,
  isRelevantOfficer,
  parseFinancialYear,
  returnErrors,
} from './rules.ts';

describe('the financial year (1 April to 31 March)', () => {
  it.each([
    ['2026-11-23', 2026],
    ['2026-04-01', 2026],
    ['2026-03-31', 2025],
    ['2027-01-01', 2026],
  ])('%s is in the year starting April %i', (day, year) => {
    expect(financialYearOf(day)).toBe(year);
  });

  it('is named by its months', () => {
    expect(financialYearLabel(2026)).toBe('April 2026 to March 2027');
  });

  it.each([
    [undefined, { year: 2026 }],
    ['', { year: 2026 }],
    [' 2024 ', { year: 2024 }],
    ['2027', { error: { key: 'year', message: 'Financial year must be 2026 or earlier' } }],
    ['1999', { error: { key: 'year', message: 'Financial year must be 2000 or later' } }],
    ['26', { error: { key: 'year', message: 'Financial year must be the year it starts, like 2026' } }],
    [
      ['2025', '2026'],
      { error: { key: 'year', message: 'Financial year must be the year it starts, like 2026' } },
    ],
  ])('asked for %j in 2026 gives %j', (raw, result) => {
    expect(parseFinancialYear(raw, 2026)).toEqual(result);
  });
});

describe('relevant officers (001 §49)', () => {
  const policy = ['chief-executive', 'director', 'head-of-service', 'monitoring-officer'];
  it.each([
    [['officer', 'line-manager', 'head-of-service'], true],
    [['officer', 'monitoring-officer'], true],
    [['officer', 'line-manager'], false],
    [['officer', 'hr'], false],
  ])('%j: %s', (roles, relevant) => {
    expect(isRelevantOfficer(roles, policy)).toBe(relevant);
  });
});

describe('declarations on the return (001 §49-50)', () => {
  it.each([
    ['position-of-influence', { councilLink: 'receives-grants' }, true],
    ['position-of-influence', { whose: 'partner', councilLink: 'provides-services' }, true],
    ['business-interest', { councilWork: 'contracts' }, true],
    ['business-interest', { councilWork: 'may-contract' }, false],
    ['financial-interest', { interestType: 'directorship' }, true],
    ['financial-interest', { interestType: 'partnership' }, true],
    ['financial-interest', { interestType: 'contract' }, true],
    ['financial-interest', { interestType: 'shareholding' }, false],
    ['membership', { organisationType: 'grant-aided' }, true],
    ['membership', { organisationType: 'club' }, false],
    ['secondary-employment', {}, false],
    ['criminal-matter', {}, false],
  ])('%s %j: %s', (kind, answers, onReturn) => {
    expect(isRelatedPartyInterest(kind, answers)).toBe(onReturn);
  });
});

describe('a valid return', () => {
  it.each([
    [{ nil: true, transactions: '' }, 0, []],
    [{ nil: false, transactions: '' }, 2, []],
    [{ nil: false, transactions: 'Grant of £5,000 to Riverside Trust' }, 0, []],
    [
      { nil: true, transactions: '' },
      1,
      [
        {
          key: 'interests',
          message:
            'You cannot make a nil return because you have declared related party interests: submit your return instead',
        },
      ],
    ],
    [
      { nil: true, transactions: 'A grant' },
      0,
      [
        {
          key: 'transactions',
          message: 'You cannot make a nil return and describe transactions: submit your return instead',
        },
      ],
    ],
    [
      { nil: false, transactions: '' },
      0,
      [
        {
          key: 'transactions',
          message:
            'Describe the transactions, declare an interest first, or say you have no related party interests to declare',
        },
      ],
    ],
    [
      { nil: false, transactions: 'x'.repeat(4001) },
      1,
      [{ key: 'transactions', message: 'Transactions must be 4000 characters or fewer' }],
    ],
  ])('%j with %i interests: %j', (input, interests, errors) => {
    expect(returnErrors(input, interests)).toEqual(errors);
  });
});
