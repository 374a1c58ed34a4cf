import { describe, expect, it } from 'vitest';
import {
  endDateRefusal,
  restrictionApplies,
  restrictionEnd,
  restrictionLine,
  restrictionOver,
  restrictionRefusal,
  restrictionReviewOn,
  restrictionText,
  reviewDateRefusal,
  sameRestrictionRefusal,
  scopeText,
  startDateRefusal,
} from './rules.ts';

// Restrictions on a customer's contact: when they may be made, their dates, and how staff see them.

describe('restrictions (§5.2)', () => {
  it.each([
    ['2026-11-23', 4, '2027-03-23'],
    ['2026-10-31', 4, '2027-02-28'],
    ['2027-10-31', 4, '2028-02-29'],
    ['2026-08-31', 1, '2026-09-30'],
    ['2026-11-30', 3, '2027-02-28'],
    ['2026-11-23', 12, '2027-11-23'],
  ])('starting %s, reviewed every %i months: %s', (startsOn, months, expected) => {
    expect(restrictionReviewOn(startsOn, months)).toBe(expected);
  });

  it('are put in place only once the customer is vexatious (§4.5)', () => {
    expect(restrictionRefusal('vexatious')).toBeNull();
    expect(restrictionRefusal('pre-vexatious')).toMatch(
      /once the complaints manager has decided the customer is vexatious/,
    );
  });

  it.each([
    ['no-phone', null, 'Do not accept phone calls from this person or from anyone calling for them.'],
    ['end-calls', null, 'Calls from this person may be ended: say why, then end the call.'],
    ['no-meetings', null, 'Do not arrange or hold meetings with this person.'],
    ['named-officer-only', 'Lucy Adeyemi', 'Contact only through Lucy Adeyemi: pass any contact to them.'],
    ['written-only', null, 'Written contact only: ask them to write by letter or email.'],
    ['limited-correspondence', null, 'Only the kinds of correspondence set out here are accepted.'],
  ] as const)('%s at the point of contact', (kind, officer, text) => {
    expect(restrictionText(kind, officer)).toBe(text);
  });

  const housing = { scopeServiceId: 'housing', scopeServiceName: 'Housing' };
  const council = { scopeServiceId: null, scopeServiceName: '' };
  it.each([
    ['whole council, any service', council, '2026-11-01', null, 'finance', true],
    ['whole council, unknown service', council, '2026-11-01', null, null, true],
    ['one service, that service', housing, '2026-11-01', null, 'housing', true],
    ['one service, another service', housing, '2026-11-01', null, 'finance', false],
    ['one service, service not known: shown', housing, '2026-11-01', null, null, true],
    ['starts tomorrow', council, '2026-11-24', null, 'finance', false],
    ['starts today', council, '2026-11-23', null, 'finance', true],
    ['ended today', council, '2026-11-01', '2026-11-23', 'finance', false],
    ['ends tomorrow', council, '2026-11-01', '2026-11-24', 'finance', true],
  ])('%s', (_case, scope, startsOn, endedOn, serviceId, applies) => {
    expect(restrictionApplies({ ...scope, startsOn, endedOn }, serviceId, '2026-11-23')).toBe(applies);
  });

  // §5.2, §4.6: a restriction for a set period ends on its own end date (the day from which it no
  // longer applies), or earlier when a review ends it.
  it.each([
    ['its end date today: ended', '2026-11-01', null, '2026-11-23', false],
    ['its end date tomorrow: in force', '2026-11-01', null, '2026-11-24', true],
    ['its end date passed', '2026-11-01', null, '2026-11-02', false],
    ['ended at a review before its end date', '2026-11-01', '2026-11-20', '2027-01-01', false],
    ['no end date: in force until a review', '2026-11-01', null, null, true],
  ])('%s', (_case, startsOn, endedOn, endsOn, applies) => {
    const restriction = { ...council, startsOn, endedOn, endsOn };
    expect(restrictionApplies(restriction, 'finance', '2026-11-23')).toBe(applies);
    expect(restrictionOver(restriction, '2026-11-23')).toBe(!applies);
  });

  it.each([
    ['the earlier of its end date and the review that ended it', '2026-12-01', '2027-01-01', '2026-12-01'],
    ['its own end date when no review ended it', null, '2027-01-01', '2027-01-01'],
    ['none while neither has come', null, null, null],
  ])('ends on %s', (_case, endedOn, endsOn, expected) => {
    expect(restrictionEnd({ endedOn, endsOn })).toBe(expected);
  });

  it.each([
    ['ends after its review', '2026-11-23', '2027-03-23', '2027-06-01', null],
    ['ends the day after its review', '2026-11-23', '2027-03-23', '2027-03-24', null],
    [
      'ends on its start date',
      '2026-11-23',
      '2026-12-01',
      '2026-11-23',
      'The end date must be after the start date',
    ],
    [
      'ends before it starts',
      '2026-11-23',
      '2026-12-01',
      '2026-11-01',
      'The end date must be after the start date',
    ],
    [
      'ends on its review date',
      '2026-11-23',
      '2027-03-23',
      '2027-03-23',
      'The review date must be before the end date, so that it is reviewed before it ends',
    ],
    [
      'ends before its review',
      '2026-11-23',
      '2027-03-23',
      '2027-01-01',
      'The review date must be before the end date, so that it is reviewed before it ends',
    ],
  ])('an end date of its own: %s', (_case, startsOn, reviewOn, endsOn, refusal) => {
    expect(endDateRefusal(startsOn, reviewOn, endsOn)).toBe(refusal);
  });

  it.each([
    ['today', '2026-11-23', null],
    ['a year ago', '2025-11-23', null],
    ['over a year ago', '2025-11-22', 'The start date must be within the last year'],
    ['a year ahead', '2027-11-23', null],
    ['over a year ahead', '2027-11-24', 'The start date must be within the next year'],
    ['in 1900', '1900-01-01', 'The start date must be within the last year'],
  ])('a start date %s', (_case, startsOn, refusal) => {
    expect(startDateRefusal(startsOn, '2026-11-23')).toBe(refusal);
  });

  it.each([
    ['the policy’s period after the start', '2027-05-23', null],
    ['sooner', '2027-01-10', null],
    [
      'a day past the period',
      '2027-05-24',
      'The review date must be no later than 23 May 2027, 6 months after the start',
    ],
    ['in 9999', '9999-12-30', 'The review date must be no later than 23 May 2027, 6 months after the start'],
    ['on the start', '2026-11-23', 'The review date must be after the start date'],
  ])('a review date %s', (_case, reviewOn, refusal) => {
    expect(reviewDateRefusal('2026-11-23', reviewOn, 6)).toBe(refusal);
  });

  it('a letter gives a restriction’s end date', () => {
    const line = {
      ...council,
      kind: 'no-phone' as const,
      namedOfficerName: null,
      detail: '',
      startsOn: '2026-11-23',
    };
    expect(restrictionLine({ ...line, endsOn: '2027-05-01' })).toBe(
      '- We will not accept phone calls from you or from anyone calling for you. (all of the council, from 23 November 2026 until 1 May 2027)',
    );
    expect(restrictionLine(line)).toBe(
      '- We will not accept phone calls from you or from anyone calling for you. (all of the council, from 23 November 2026)',
    );
  });

  it('scope in words', () => {
    expect(scopeText(housing)).toBe('Contact with Housing only');
    expect(scopeText(council)).toBe('The whole council');
  });
});

describe('one restriction of a kind for each scope at a time', () => {
  const standing = [
    { kind: 'no-phone', scopeServiceId: null, endedOn: null, endsOn: null },
    { kind: 'no-meetings', scopeServiceId: 'housing', endedOn: null, endsOn: '2026-12-01' },
    { kind: 'written-only', scopeServiceId: null, endedOn: '2026-11-01', endsOn: null },
  ];
  it.each([
    ['the same kind across the council', 'no-phone', null, '2026-11-23', true],
    [
      'the same kind for one service, when the council-wide one stands',
      'no-phone',
      'housing',
      '2026-11-23',
      false,
    ],
    ['the same kind for the same service', 'no-meetings', 'housing', '2026-11-23', true],
    [
      'the same kind for the same service, once its end date has come',
      'no-meetings',
      'housing',
      '2026-12-01',
      false,
    ],
    ['a kind that was ended at a review', 'written-only', null, '2026-11-23', false],
    ['another kind', 'no-email', null, '2026-11-23', false],
  ])('%s: refused %s', (_case, kind, scopeServiceId, on, refused) => {
    const refusal = sameRestrictionRefusal(standing, { kind, scopeServiceId }, on);
    expect(refusal !== null).toBe(refused);
  });
});
