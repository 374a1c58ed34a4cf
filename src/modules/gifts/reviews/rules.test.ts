import { describe, expect, it } from 'vitest';
import type { OfferEntry } from '../offer.ts';
import { changedFields } from './rules.ts';

// A reviewer sees what changed in an entry after they signed the period off (001 §73).
const signed = {
  description: 'a desk plant',
  valuePence: 6000,
  state: 'accepted',
  reason: 'A thank-you',
  outcome: '',
  approvalDecision: null,
  reference: 'GH-2026-0001',
  version: 1,
} as unknown as OfferEntry;

describe('what changed since a sign-off', () => {
  it.each([
    ['nothing', {}, []],
    ['the description', { description: 'two desk plants' }, ['description']],
    [
      'the value and what happened to it',
      { valuePence: 9000, outcome: 'Raffled' },
      ['valuePence', 'outcome'],
    ],
    [
      'the decision after approval',
      { state: 'declined', approvalDecision: 'refused' },
      ['state', 'approvalDecision'],
    ],
    ['only the version, which is no change to show', { version: 2 }, []],
  ] as const)('%s', (_, change, fields) => {
    expect(changedFields(signed, { ...signed, ...change } as OfferEntry)).toEqual(fields);
  });
});
