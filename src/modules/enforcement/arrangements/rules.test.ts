import { describe, expect, it } from 'vitest';
import { allocatePayments, arrangementDefaults, instalmentErrors, missedInstalments } from './rules.ts';

// DOMAIN.md §5 / 004: payment arrangements, monitored for default after the grace period
// (policy arrangementGraceDays, 7 days).
describe('arrangement defaults', () => {
  it.each([
    [
      'weekly, even',
      { balancePence: 30000, firstOn: '2026-12-11', count: 3, frequency: 'weekly' },
      [
        ['2026-12-11', 10000],
        ['2026-12-18', 10000],
        ['2026-12-25', 10000],
      ],
    ],
    [
      'weekly, the last carries the remainder',
      { balancePence: 10001, firstOn: '2026-12-11', count: 3, frequency: 'weekly' },
      [
        ['2026-12-11', 3333],
        ['2026-12-18', 3333],
        ['2026-12-25', 3335],
      ],
    ],
    [
      'monthly from the 31st: short months take their last day',
      { balancePence: 50000, firstOn: '2027-01-31', count: 3, frequency: 'monthly' },
      [
        ['2027-01-31', 16666],
        ['2027-02-28', 16666],
        ['2027-03-31', 16668],
      ],
    ],
    [
      'one instalment',
      { balancePence: 999, firstOn: '2026-12-11', count: 1, frequency: 'monthly' },
      [['2026-12-11', 999]],
    ],
    [
      'never more instalments than pence',
      { balancePence: 2, firstOn: '2026-12-11', count: 5, frequency: 'weekly' },
      [
        ['2026-12-11', 1],
        ['2026-12-18', 1],
      ],
    ],
  ] as const)('%s', (_case, input, expected) => {
    const made = arrangementDefaults(input);
    expect(made.map((i) => [i.dueOn, i.amountPence])).toEqual(expected);
    expect(made.reduce((sum, i) => sum + i.amountPence, 0)).toBe(input.balancePence);
  });

  it('refuses no balance or no instalments', () => {
    expect(() =>
      arrangementDefaults({ balancePence: 0, firstOn: '2026-12-11', count: 2, frequency: 'weekly' }),
    ).toThrow();
    expect(() =>
      arrangementDefaults({ balancePence: 10, firstOn: '2026-12-11', count: 0, frequency: 'weekly' }),
    ).toThrow();
  });
});

const plan = [
  { dueOn: '2026-12-01', amountPence: 5000 },
  { dueOn: '2026-12-08', amountPence: 5000 },
  { dueOn: '2026-12-15', amountPence: 5000 },
];

describe('missed instalments (grace period, DOMAIN.md §5 / 004)', () => {
  it.each([
    ['nothing paid, inside the grace period', [], '2026-12-08', 7, []],
    ['nothing paid, the day after the grace period', [], '2026-12-09', 7, ['2026-12-01']],
    ['paid late but within grace', [{ paidOn: '2026-12-07', amountPence: 5000 }], '2026-12-09', 7, []],
    [
      'paid after the grace period: still missed',
      [{ paidOn: '2026-12-09', amountPence: 5000 }],
      '2026-12-09',
      7,
      ['2026-12-01'],
    ],
    ['part paid', [{ paidOn: '2026-12-01', amountPence: 4999 }], '2026-12-09', 7, ['2026-12-01']],
    ['an overpayment covers the next', [{ paidOn: '2026-12-01', amountPence: 10000 }], '2026-12-16', 7, []],
    [
      'the second missed, the first paid',
      [{ paidOn: '2026-12-01', amountPence: 5000 }],
      '2026-12-16',
      7,
      ['2026-12-08'],
    ],
    ['no grace period', [], '2026-12-02', 0, ['2026-12-01']],
    ['all missed', [], '2027-01-01', 7, ['2026-12-01', '2026-12-08', '2026-12-15']],
  ] as const)('%s', (_case, payments, today, grace, expected) => {
    expect(missedInstalments(plan, payments, today, grace).map((i) => i.dueOn)).toEqual(expected);
  });
});

describe('allocating payments to instalments in date order', () => {
  it('fills the earliest first', () => {
    const shuffled = [plan[2], plan[0], plan[1]].filter((i) => i !== undefined);
    expect(
      allocatePayments(shuffled, [{ paidOn: '2026-12-02', amountPence: 7000 }]).map((i) => i.paidPence),
    ).toEqual([5000, 2000, 0]);
  });
});

describe('instalments typed in', () => {
  it.each([
    ['adding up', [{ dueOn: '2026-12-10', amountPence: 100 }], 100, []],
    [
      'short of the balance',
      [{ dueOn: '2026-12-10', amountPence: 90 }],
      100,
      ['The instalments must add up to the balance of £1.00, not £0.90'],
    ],
    [
      'in the past',
      [{ dueOn: '2026-12-01', amountPence: 100 }],
      100,
      ['No instalment can be due before today'],
    ],
    ['none', [], 100, ['Enter at least one instalment']],
    [
      'more than five years of weekly instalments',
      Array.from({ length: 261 }, () => ({ dueOn: '2026-12-10', amountPence: 1 })),
      261,
      ['An arrangement has at most 260 instalments'],
    ],
    [
      'a day not in the calendar',
      [{ dueOn: '2026-12-45', amountPence: 100 }],
      100,
      ['Each instalment needs its date, written like 2026-12-31'],
    ],
  ] as const)('%s', (_case, instalments, balance, expected) => {
    expect(instalmentErrors(instalments, balance, '2026-12-06')).toEqual(expected);
  });
});
