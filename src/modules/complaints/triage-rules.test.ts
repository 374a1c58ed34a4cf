import { describe, expect, it } from 'vitest';
import { defaultPolicy } from '../organisation/service.ts';
import {
  housingByDefault,
  isLate,
  redirectUrl,
  type TriageInput,
  triageErrors,
  triageOutcomes,
} from './triage-rules.ts';

const blank: TriageInput = {
  decision: '',
  category: '',
  housing: '',
  statutoryRoute: '',
  reason: '',
  lateAccepted: '',
};
const messages = (input: Partial<TriageInput>, late = false) =>
  triageErrors({ ...blank, ...input }, late, 12).map((error) => `${error.key}: ${error.message}`);

// 003 §2.3-2.10, §5.1 and the Code: what each decision leads to.
describe('what each triage decision leads to', () => {
  it.each([
    ['complaint', true, 'acknowledgement', false],
    ['service-request', false, 'refusal', true],
    ['appeal', false, 'refusal', true],
    ['feedback', false, 'refusal', true],
    ['out-of-scope', false, 'refusal', true],
    ['statutory-route', false, 'refusal', true],
  ] as const)('%s', (decision, accepted, letter, ombudsman) => {
    expect(triageOutcomes[decision]).toMatchObject({ accepted, letter, ombudsmanDetails: ombudsman });
  });
});

describe('what a triage decision must say', () => {
  it.each([
    ['nothing chosen', {}, false, ['decision: Select what it is']],
    [
      'an accepted complaint needs a category and the housing answer',
      { decision: 'complaint' },
      false,
      [
        'category: Select what the complaint is about',
        'housing: Select whether it is about a housing matter',
      ],
    ],
    [
      'an accepted complaint, complete',
      { decision: 'complaint', category: 'delay', housing: 'no' },
      false,
      [],
    ],
    [
      'a late complaint needs the discretion and its reason',
      { decision: 'complaint', category: 'delay', housing: 'no' },
      true,
      [
        'lateAccepted: It was made more than 12 months after the event: confirm you are accepting it at your discretion, or choose another decision',
        'reason: Say why you are accepting a late complaint',
      ],
    ],
    [
      'a late complaint accepted at discretion',
      {
        decision: 'complaint',
        category: 'other',
        housing: 'yes',
        lateAccepted: 'yes',
        reason: 'Was in hospital',
      },
      true,
      [],
    ],
    [
      'a refusal needs its reason',
      { decision: 'out-of-scope' },
      false,
      ['reason: Give the reason, for the letter to the person'],
    ],
    [
      'a statutory route needs the route',
      { decision: 'statutory-route', reason: 'Care' },
      false,
      ['statutoryRoute: Select which process it belongs to'],
    ],
    [
      'a statutory route, complete',
      { decision: 'statutory-route', statutoryRoute: 'school', reason: 'About a school' },
      false,
      [],
    ],
    ['a late refusal needs no discretion', { decision: 'feedback', reason: 'A comment' }, true, []],
  ] as const)('%s', (_case, input, late, expected) => {
    expect(messages(input, late)).toEqual(expected);
  });
});

describe('late complaints (DOMAIN.md §3: more than 12 months after the event)', () => {
  it.each([
    ['no date given', null, '2026-11-23', false],
    ['exactly 12 months', '2025-11-23', '2026-11-23', false],
    ['a day more than 12 months', '2025-11-22', '2026-11-23', true],
    ['end of February in a leap year', '2023-02-28', '2024-02-29', false],
  ] as const)('%s', (_case, happenedOn, receivedOn, late) => {
    expect(isLate(happenedOn, receivedOn, 12)).toBe(late);
  });
});

describe('where the person is sent instead (003 §2.6-2.10)', () => {
  const policy = {
    ...defaultPolicy(),
    schoolComplaintsUrl: 'https://example.gov.uk/schools',
    serviceRequestUrl: 'https://example.gov.uk/report',
  };
  it.each([
    ['a school', 'statutory-route', 'school', 'https://example.gov.uk/schools'],
    ['a service request', 'service-request', null, 'https://example.gov.uk/report'],
    ['a route the council has not set a page for', 'statutory-route', 'councillor', ''],
    ['out of scope has no page', 'out-of-scope', null, ''],
  ] as const)('%s', (_case, decision, route, url) => {
    expect(redirectUrl(decision, route, policy)).toBe(url);
  });
});

describe('housing matters go to the Housing Ombudsman (003 §5.5)', () => {
  it.each([
    ['Housing', true],
    ['Housing Repairs', true],
    ['Finance and Revenues', false],
  ])('%s', (service, expected) => {
    expect(housingByDefault(service)).toBe(expected);
  });
});
