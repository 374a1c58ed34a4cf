import { describe, expect, it } from 'vitest';
import { type RecordInput, recipientOf, recordErrors, referralAddresses, unsentNote } from './rules.ts';

const record = (extra: Partial<RecordInput> = {}): RecordInput => ({
  outcome: 'contact-made',
  reason: '',
  notes: '',
  referrals: [],
  complainantName: '',
  submission: null,
  ...extra,
});

describe('what a visit record needs', () => {
  it.each<[string, Partial<RecordInput>, string[]]>([
    ['[000] contact made, nothing else', {}, []],
    ['[000] an outcome is chosen', { outcome: '' }, ['outcome']],
    ['[000] an unknown outcome', { outcome: 'payment-taken' }, ['outcome']],
    ['[000 general rules] asked to leave needs the reason', { outcome: 'asked-to-leave' }, ['reason']],
    [
      '[000 general rules] asked to leave with the reason',
      { outcome: 'asked-to-leave', reason: 'Abusive' },
      [],
    ],
    ['[000] entry refused needs no reason', { outcome: 'entry-refused' }, []],
    [
      '[000 Safeguarding] a concern says what it is',
      { referrals: [{ kind: 'child-safeguarding', detail: ' ' }] },
      ['childSafeguardingDetail'],
    ],
    [
      '[000] a complaint made during the visit names who made it',
      { referrals: [{ kind: 'complaint', detail: 'Rude officer' }] },
      ['complainantName'],
    ],
    [
      '[000] a complaint with its maker',
      { referrals: [{ kind: 'complaint', detail: 'Rude officer' }], complainantName: 'A Person' },
      [],
    ],
    [
      'a flag given twice',
      {
        referrals: [
          { kind: 'fraud', detail: 'x' },
          { kind: 'fraud', detail: 'y' },
        ],
      },
      ['fraudDetail'],
    ],
    ['notes are limited', { notes: 'n'.repeat(5001) }, ['notes']],
  ])('%s', (_case, extra, keys) => {
    expect(recordErrors(record(extra)).map((error) => error.key)).toEqual(keys);
  });
});

describe('who each flag is passed to', () => {
  const addresses = referralAddresses({
    safeguardingContactEmail: 'safe@council.test',
    fraudReferralEmail: ' fraud@council.test ',
    healthAndSafetyEmail: '',
  });

  it('takes the council’s addresses from its policy settings', () => {
    expect(addresses).toEqual({
      safeguarding: 'safe@council.test',
      fraud: 'fraud@council.test',
      healthAndSafety: '',
    });
  });

  it.each([
    ['child-safeguarding', 'safe@council.test'], // [000 Safeguarding]
    ['adult-safeguarding', 'safe@council.test'], // [004: liaise with safeguarding (adults and children)]
    ['vulnerability', 'safe@council.test'], // [004: referrals for vulnerable customers]
    ['fraud', 'fraud@council.test'], // [000: referred to the Payments Team]
    ['violence', 'manager@council.test'], // [000: report of a threat to the line manager]
    ['complaint', 'manager@council.test'], // [000: report of the allegation to the line manager]
  ] as const)('%s → %s', (kind, to) => {
    expect(recipientOf(kind, addresses, 'manager@council.test')).toBe(to);
  });

  it('says what to do when a referral had nowhere to go', () => {
    expect(unsentNote('child-safeguarding')).toBe('No safeguarding contact set — tell your line manager');
    expect(unsentNote('fraud')).toMatch(/No fraud referral address/);
    expect(unsentNote('violence')).toMatch(/no line manager/);
  });
});
