import { describe, expect, it } from 'vitest';
import { type OutcomeInput, onlyChildrenOrVulnerable, outcomeErrors, reg10Refusal } from './rules.ts';

const base: OutcomeInput = {
  kind: 'goods-controlled',
  visitedOn: '2026-12-06',
  present: ['debtor'],
  amountPence: null,
  receiptNumber: '',
  reason: '',
  goods: [{ description: 'Television', valuePence: 20000 }],
  instalments: [],
  vulnerability: '',
  notes: '',
};
const context = { today: '2026-12-06', earliestTakingControl: '2026-12-01', held: false };

// TCG Regs 2013 regs 6 and 10; DOMAIN.md §5; 004.
describe('who was present (TCG Regs 2013 reg 10)', () => {
  it.each([
    [[], false],
    [['debtor'], false],
    [['child'], true],
    [['vulnerable-person'], true],
    [['child', 'vulnerable-person'], true],
    [['child', 'other-adult'], false],
  ] as const)('%j: only children or vulnerable people %s', (present, expected) => {
    expect(onlyChildrenOrVulnerable(present)).toBe(expected);
  });
});

describe('an outcome recorded', () => {
  it.each([
    ['goods after the notice expired', base, context, []],
    ['goods with only a child present', { ...base, present: ['child'] }, context, [reg10Refusal]],
    [
      'goods before the 7 clear days',
      base,
      { ...context, earliestTakingControl: '2026-12-07' },
      [/7 clear days have not passed/],
    ],
    ['goods with no notice', base, { ...context, earliestTakingControl: null }, [/No notice of enforcement/]],
    ['goods on a held account', base, { ...context, held: true }, [/suspended for vulnerability/]],
    [
      'goods when vulnerability is found now',
      { ...base, vulnerability: 'Recently bereaved' },
      context,
      [/suspended/],
    ],
    [
      'goods without saying who was there',
      { ...base, present: [] },
      context,
      ['Say who was present at the visit'],
    ],
    ['goods without items', { ...base, goods: [] }, context, ['List the goods taken into control']],
    [
      'payment without a receipt',
      { ...base, kind: 'payment-taken', amountPence: 500 },
      context,
      ['Enter the manual receipt number'],
    ],
    [
      'warrant returned without a reason',
      { ...base, kind: 'warrant-returned' },
      context,
      ['Enter why the warrant is returned'],
    ],
    ['no contact, on a held account', { ...base, kind: 'no-contact' }, { ...context, held: true }, []],
    [
      'a visit in the future',
      { ...base, kind: 'no-contact', visitedOn: '2026-12-07' },
      context,
      ['The visit cannot be in the future'],
    ],
  ] as const)('%s', (_case, input, ctx, expected) => {
    const messages = outcomeErrors(input as OutcomeInput, ctx).map((e) => e.message);
    expect(messages).toHaveLength(expected.length);
    expected.forEach((want, index) => {
      expect(messages[index]).toMatch(want);
    });
  });
});
