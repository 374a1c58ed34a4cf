import { describe, expect, it } from 'vitest';
import {
  declineReason,
  eventDateError,
  type GiftPolicy,
  giftVerdict,
  type Nature,
  type OfferFacts,
  type OfferHistory,
  type OfferKind,
  offerorKey,
  previousReviewPeriod,
  type Relationship,
  refusalWording,
  registerKeyFor,
  reviewPeriodOf,
  stateFor,
  valueBand,
} from './rules.ts';

// The district council (001 §64: recorded "over £50") and Kensington and Chelsea (002 §9: "£20 or more").
const district: GiftPolicy = {
  thresholdPence: 5000,
  comparison: 'more-than',
  tokenValueLimitPence: 1000,
  hospitalityNeedsApproval: true,
};
const kensington: GiftPolicy = { ...district, thresholdPence: 2000, comparison: 'at-least' };

const offer = (
  kind: OfferKind,
  nature: Nature,
  relationship: Relationship,
  valuePence: number,
): OfferFacts => ({
  kind,
  nature,
  relationship,
  valuePence,
  offerorLabel: 'Acme Ltd',
});

describe('the verdict on an offer', () => {
  it.each([
    // source, policy, kind, nature, relationship, value, outcome
    [
      '001 §64: £40 other gift is under £50',
      district,
      'gift',
      'other-gift',
      'other',
      4000,
      'no-entry-needed',
    ],
    [
      '001 §64: exactly £50 is not over £50',
      district,
      'gift',
      'other-gift',
      'other',
      5000,
      'no-entry-needed',
    ],
    ['001 §64: £50.01 is over £50', district, 'gift', 'other-gift', 'other', 5001, 'record'],
    ['002 §9: £19.99 is under £20', kensington, 'gift', 'other-gift', 'other', 1999, 'no-entry-needed'],
    ['002 §9: exactly £20 is "£20 or more"', kensington, 'gift', 'other-gift', 'other', 2000, 'record'],
    ['002 §9: £30 must be recorded at £20', kensington, 'gift', 'other-gift', 'service-user', 3000, 'record'],
    [
      '001 §60: token promotional item from a contractor',
      district,
      'gift',
      'promotional',
      'contractor',
      500,
      'no-entry-needed',
    ],
    [
      '001 §60 and §59: a £15 promotional item is above token value',
      district,
      'gift',
      'promotional',
      'contractor',
      1500,
      'must-decline',
    ],
    ['001 §61: cash, whatever the value', district, 'gift', 'cash-or-vouchers', 'other', 500, 'must-decline'],
    ['001 §61: a hamper', district, 'gift', 'alcohol-or-hamper', 'service-user', 3000, 'must-decline'],
    ['001 §59: a gift from a supplier', district, 'gift', 'other-gift', 'supplier', 2500, 'must-decline'],
    ['001 §59: a gift from a bidder', kensington, 'gift', 'other-gift', 'bidder', 100, 'must-decline'],
    ['003 App V §7.7: loyalty points', district, 'gift', 'loyalty-points', 'supplier', 200, 'must-decline'],
    [
      '003 App V §7.7: a legacy needs the manager’s permission',
      district,
      'gift',
      'legacy',
      'service-user',
      100,
      'needs-approval',
    ],
    [
      '003 App V §7.7: a prize is for the line manager to decide',
      district,
      'gift',
      'prize',
      'other',
      2500,
      'needs-approval',
    ],
    [
      '001 §66 and §71(c): lunch with a developer applying for permission',
      district,
      'hospitality',
      'meal',
      'applicant',
      3000,
      'must-decline',
    ],
    [
      '001 §68(e): hospitality from a bidder',
      district,
      'hospitality',
      'refreshments',
      'bidder',
      800,
      'must-decline',
    ],
    [
      '001 §68(a): major sporting event tickets',
      district,
      'hospitality',
      'sporting-event',
      'public-body',
      4000,
      'must-decline',
    ],
    [
      '001 §71(a): a weekend away',
      district,
      'hospitality',
      'travel-or-accommodation',
      'other',
      30000,
      'must-decline',
    ],
    [
      '001 §71(b): a company flat',
      district,
      'hospitality',
      'company-flat',
      'contractor',
      20000,
      'must-decline',
    ],
    [
      '001 §69: a £60 dinner needs the head of service’s approval',
      district,
      'hospitality',
      'meal',
      'contractor',
      6000,
      'needs-approval',
    ],
    [
      '001 §69 and §71: a £12 working lunch is minor',
      district,
      'hospitality',
      'refreshments',
      'public-body',
      1200,
      'no-entry-needed',
    ],
    [
      '001 §69: exactly £50 of hospitality is minor at the district',
      district,
      'hospitality',
      'official-function',
      'public-body',
      5000,
      'no-entry-needed',
    ],
    [
      '002 §9: exactly £20 of hospitality needs approval at £20 or more',
      kensington,
      'hospitality',
      'official-function',
      'public-body',
      2000,
      'needs-approval',
    ],
  ] as const)('%s', (_source, policy, kind, nature, relationship, value, outcome) => {
    expect(giftVerdict(offer(kind, nature, relationship, value), policy).outcome).toBe(outcome);
  });

  it('cites the code for every reason to decline', () => {
    const verdict = giftVerdict(offer('gift', 'cash-or-vouchers', 'bidder', 10000), district);
    expect(verdict.mustDecline.map((reason) => reason.source)).toEqual(['001 §61', '001 §59']);
    expect(verdict.recordingRequired).toBe(true);
    expect(verdict.approval).toBeNull();
  });

  it('does not ask for approval when the council has turned pre-approval off (001 §69 is a policy setting)', () => {
    const verdict = giftVerdict(offer('hospitality', 'meal', 'contractor', 6000), {
      ...district,
      hospitalityNeedsApproval: false,
    });
    expect(verdict.outcome).toBe('record');
  });

  it('names who approves: the head of service for hospitality, the line manager for a legacy', () => {
    expect(giftVerdict(offer('hospitality', 'meal', 'contractor', 6000), district).approval?.by).toBe(
      'head-of-service',
    );
    expect(giftVerdict(offer('gift', 'legacy', 'service-user', 100), district).approval?.by).toBe(
      'line-manager',
    );
  });
});

describe('repeat offers from the same offeror in the last 12 months', () => {
  const history = (mine: [number, number], everyone: [number, number, number]): OfferHistory => ({
    toThisOfficer: { count: mine[0], totalPence: mine[1] },
    toAnyone: { count: everyone[0], totalPence: everyone[1], people: everyone[2] },
  });

  it('says how many offers and how much in total ("third offer from Acme Ltd; £140 in total")', () => {
    const verdict = giftVerdict(
      offer('gift', 'other-gift', 'other', 4000),
      district,
      history([2, 10000], [2, 10000, 1]),
    );
    expect(verdict.notes[0]).toBe(
      'Third offer from Acme Ltd to this officer in the last 12 months; £140 in total.',
    );
  });

  it('adds offers below the threshold together: three £30 offers must be recorded (001 §64)', () => {
    const verdict = giftVerdict(
      offer('gift', 'other-gift', 'other', 3000),
      district,
      history([2, 6000], [2, 6000, 1]),
    );
    expect(verdict.outcome).toBe('record');
    expect(verdict.notes).toContain(
      'Together with earlier offers from Acme Ltd in the last 12 months it is over the £50 recording threshold.',
    );
  });

  it('adds to exactly the threshold: not over £50 at the district, but £20 or more at Kensington', () => {
    const split = history([1, 2500], [1, 2500, 1]);
    expect(giftVerdict(offer('gift', 'other-gift', 'other', 2500), district, split).outcome).toBe(
      'no-entry-needed',
    );
    const small = history([1, 1000], [1, 1000, 1]);
    expect(giftVerdict(offer('gift', 'other-gift', 'other', 1000), kensington, small).outcome).toBe('record');
  });

  it('tells the officer when others in the council have had offers from the same offeror', () => {
    const verdict = giftVerdict(
      offer('gift', 'other-gift', 'other', 1000),
      district,
      history([0, 0], [6, 42000, 4]),
    );
    expect(verdict.notes).toEqual([
      'Acme Ltd has made 7 offers to council staff in the last 12 months (to 4 other people); £430 in total.',
    ]);
    expect(verdict.outcome).toBe('no-entry-needed');
  });
});

describe('accepting, declining and approval', () => {
  it.each([
    ['must-decline refuses accepting', offer('gift', 'cash-or-vouchers', 'other', 100), 'accepted', null],
    ['must-decline may be declined', offer('gift', 'cash-or-vouchers', 'other', 100), 'declined', 'declined'],
    [
      'needs approval waits for it',
      offer('hospitality', 'meal', 'contractor', 6000),
      'accepted',
      'awaiting-approval',
    ],
    ['a recorded gift is accepted', offer('gift', 'other-gift', 'other', 6000), 'accepted', 'accepted'],
  ] as const)('%s', (_name, facts, decision, state) => {
    expect(stateFor(giftVerdict(facts, district), decision)).toBe(state);
  });

  it('gives the register’s reasons as why a must-decline offer was declined, not a reason for accepting it', () => {
    expect(declineReason(giftVerdict(offer('gift', 'alcohol-or-hamper', 'bidder', 12000), district))).toBe(
      'Substantial gifts, such as bottles or cases of wine or hampers, must not be accepted under any circumstances. A gift must not be accepted from a person or organisation that has, or is seeking, business with the council, or that has an interest in a council decision.',
    );
    expect(declineReason(giftVerdict(offer('hospitality', 'company-flat', 'other', 0), district))).toBe(
      'The use of a company flat or suite is unacceptable hospitality.',
    );
    expect(declineReason(giftVerdict(offer('gift', 'other-gift', 'other', 6000), district))).toBe('');
  });

  it.each([
    ['hospitality asking approval, event to come', 'hospitality', 'awaiting-approval', '2026-11-24', null],
    [
      'hospitality asking approval, event today',
      'hospitality',
      'awaiting-approval',
      '2026-11-23',
      'The date of the event must be in the future: hospitality is approved before it takes place',
    ],
    [
      'hospitality asking approval, no date',
      'hospitality',
      'awaiting-approval',
      null,
      'Enter the date of the event, so that it can be approved before it takes place',
    ],
    ['hospitality already accepted, past event', 'hospitality', 'accepted', '2026-11-01', null],
    ['hospitality declined, no date', 'hospitality', 'declined', null, null],
    ['a legacy awaiting approval has no event', 'gift', 'awaiting-approval', null, null],
  ] as const)(
    'asks for the event’s date before approving hospitality (001 §69): %s',
    (_name, kind, state, eventOn, error) => {
      expect(eventDateError({ kind, eventOn }, state, '2026-11-23')).toBe(error);
    },
  );

  it('offers the courteous refusal wording of 001 §61 for gifts and §70 for hospitality', () => {
    expect(refusalWording('gift', 'a case of wine', 'Demo District Council')).toBe(
      'Thank you for your kind offer of a case of wine. Unfortunately, Demo District Council has a clearly defined policy on receiving gifts or hospitality and I am unable to accept it. I therefore return the gift.',
    );
    expect(refusalWording('hospitality', 'two tickets to the cup final', 'the council')).toContain(
      'the council has a clearly defined policy on receiving gifts and hospitality and I am therefore unable to accept.',
    );
  });
});

describe('offerors, value bands, periods and registers', () => {
  it.each([
    ['Acme Ltd', 'acme'],
    ['ACME Limited', 'acme'],
    ['Acme Ltd.', 'acme'],
    ['The Acme Group PLC', 'acme'],
    ['Smith & Sons', 'smith and sons'],
  ])('%s is offeror %s', (name, key) => {
    expect(offerorKey(name, 'Someone')).toBe(key);
  });

  it('falls back to the person when there is no organisation', () => {
    expect(offerorKey('  ', 'Jane Smith')).toBe('jane smith');
  });

  it.each([
    [1999, 'Under £20'],
    [2000, '£20 to £49'],
    [5000, '£50 to £99'],
    [24999, '£100 to £249'],
    [50000, '£500 or more'],
  ])('%i pence is in band %s', (pence, band) => {
    expect(valueBand(pence)).toBe(band);
  });

  it.each([
    ['2026-11-23', 3, '2026-10-01', '2026-12-31', 'Q4 2026 (October to December)'],
    ['2026-02-28', 3, '2026-01-01', '2026-03-31', 'Q1 2026 (January to March)'],
    ['2028-02-10', 1, '2028-02-01', '2028-02-29', 'February 2028'],
    ['2026-07-04', 6, '2026-07-01', '2026-12-31', 'July to December 2026'],
    ['2026-07-04', 12, '2026-01-01', '2026-12-31', '2026'],
    ['2026-12-01', 5, '2026-11-01', '2026-12-31', 'November to December 2026'],
  ])('%s with a %i-month cycle is %s to %s', (date, months, start, end, label) => {
    expect(reviewPeriodOf(date, months)).toEqual({ start, end, label });
  });

  it('steps back a period across a year end', () => {
    expect(previousReviewPeriod(reviewPeriodOf('2027-01-15', 3), 3).label).toBe(
      'Q4 2026 (October to December)',
    );
  });

  it.each([
    [
      'an officer: their service’s head (001 §73)',
      { serviceId: 's1', lineManagerId: 'm', senior: false, chiefExecutive: false },
      'service:s1',
    ],
    [
      'a head of service: their director (001 §73)',
      { serviceId: 's1', lineManagerId: 'dir', senior: true, chiefExecutive: false },
      'senior:dir',
    ],
    [
      'a director: the chief executive (001 §73)',
      { serviceId: 's2', lineManagerId: 'ceo', senior: true, chiefExecutive: false },
      'senior:ceo',
    ],
    [
      'the chief executive: the monitoring officer',
      { serviceId: 's2', lineManagerId: null, senior: true, chiefExecutive: true },
      'monitoring-officer',
    ],
    [
      'someone with no service: their manager',
      { serviceId: null, lineManagerId: 'm', senior: false, chiefExecutive: false },
      'senior:m',
    ],
  ])('%s', (_name, recipient, key) => {
    expect(registerKeyFor(recipient)).toBe(key);
  });
});
