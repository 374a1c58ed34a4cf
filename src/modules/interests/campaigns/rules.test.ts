import { describe, expect, it } from 'vitest';
import type { Role } from '../../../platform/auth/roles.ts';
import {
  completion,
  dueDateErrors,
  isCampaignMember,
  overlapErrors,
  type ResponseFacts,
  remindedBefore,
  responseVerdict,
  suggestedCampaign,
} from './rules.ts';

const today = '2026-11-23';

describe('the due date of a campaign', () => {
  it.each([
    ['tomorrow', '2026-11-24', []],
    ['today is not in the future', '2026-11-23', ['Due date must be in the future']],
    ['yesterday', '2026-11-22', ['Due date must be in the future']],
    ['the end of the 2027 campaign month', '2027-04-30', []],
    ['366 days ahead', '2027-11-24', []],
    ['more than a year ahead (a mistyped year)', '2027-11-25', ['Due date must be within a year of today']],
  ])('%s', (_case, dueOn, messages) => {
    expect(dueDateErrors(dueOn, today).map((error) => error.message)).toEqual(messages);
  });
});

describe('who a campaign asks', () => {
  const finance = 'finance';
  const person = (roles: Role[], serviceId: string | null = finance, active = true) => ({
    roles,
    serviceId,
    active,
  });
  it.each([
    ['002 Honesty: all employees, everyone chosen', person(['officer']), null, true],
    ['an officer in a chosen service', person(['officer']), [finance], true],
    ['an officer in another service', person(['officer'], 'housing'), [finance], false],
    ['someone without a service, everyone chosen', person(['officer'], null), null, true],
    ['someone without a service, services chosen', person(['officer'], null), [finance], false],
    ['000 Additional rules: a field officer', person(['officer', 'field-officer']), [finance], true],
    ['a leaver', person(['officer'], finance, false), null, false],
    [
      'a committee member is a councillor, under the members’ code',
      person(['committee-member']),
      null,
      false,
    ],
    ['HR are employees too', person(['officer', 'hr']), null, true],
  ])('%s', (_case, who, serviceIds, expected) => {
    expect(isCampaignMember(who, serviceIds)).toBe(expected);
  });
});

describe('a second open campaign', () => {
  it('says which open campaign already holds the people, and how many', () => {
    expect(overlapErrors([{ name: '2027 declarations', people: 12 }])).toEqual([
      {
        key: 'scope',
        message:
          '12 of these people are already in the open campaign “2027 declarations”: close it first, or choose other services',
      },
    ]);
    expect(overlapErrors([{ name: 'Finance', people: 1 }])[0]?.message).toMatch(/^1 of these person is/);
    expect(overlapErrors([])).toEqual([]);
  });
});

describe('a member’s response', () => {
  const facts = (overrides: Partial<ResponseFacts>): ResponseFacts => ({
    choice: 'complete',
    accountsDeclaration: false,
    fieldOfficer: false,
    currentDeclarations: 0,
    changedSinceOpened: false,
    closed: false,
    respondedBefore: false,
    dueOn: '2026-12-31',
    today,
    ...overrides,
  });
  it.each([
    [
      '002 Honesty: confirms their declarations are complete',
      facts({ currentDeclarations: 2 }),
      'confirmed',
      [],
    ],
    [
      'made or ended a declaration since the campaign opened',
      facts({ currentDeclarations: 1, changedSinceOpened: true }),
      'updated',
      [],
    ],
    ['nothing declared: a nil return', facts({ choice: 'nil' }), 'nil', []],
    [
      'ended everything since it opened: still a nil return',
      facts({ choice: 'nil', changedSinceOpened: true }),
      'nil',
      [],
    ],
    [
      'a nil return while a declaration is current',
      facts({ choice: 'nil', currentDeclarations: 1 }),
      null,
      [
        'choice: You have a current declaration, so you cannot make a nil return: confirm your declarations are complete, or end those that no longer apply',
      ],
    ],
    [
      'a nil return while three are current',
      facts({ choice: 'nil', currentDeclarations: 3 }),
      null,
      [
        'choice: You have 3 current declarations, so you cannot make a nil return: confirm your declarations are complete, or end those that no longer apply',
      ],
    ],
    [
      '000 Additional rules: a field officer must sign the accounts declaration',
      facts({ fieldOfficer: true, choice: 'nil' }),
      null,
      [
        'accountsDeclaration: Confirm you will not deal with the accounts of family, friends or anyone known to you',
      ],
    ],
    [
      '000 Additional rules: signed',
      facts({ fieldOfficer: true, choice: 'nil', accountsDeclaration: true }),
      'nil',
      [],
    ],
    [
      'a field officer’s nil return refused for both reasons at once',
      facts({ fieldOfficer: true, choice: 'nil', currentDeclarations: 1 }),
      null,
      [
        'choice: You have a current declaration, so you cannot make a nil return: confirm your declarations are complete, or end those that no longer apply',
        'accountsDeclaration: Confirm you will not deal with the accounts of family, friends or anyone known to you',
      ],
    ],
    ['a late first response is taken while it is open', facts({ today: '2027-01-05' }), 'confirmed', []],
    ['a change before the due date replaces the response', facts({ respondedBefore: true }), 'confirmed', []],
    [
      'on the due date it can still change',
      facts({ respondedBefore: true, today: '2026-12-31' }),
      'confirmed',
      [],
    ],
    [
      'after the due date a response stands',
      facts({ respondedBefore: true, today: '2027-01-01' }),
      null,
      ['choice: The due date has passed, so your response stands. Ask HR if it needs to change'],
    ],
    [
      'a closed campaign takes no responses',
      facts({ closed: true }),
      null,
      ['choice: This campaign has closed, so it no longer takes responses'],
    ],
  ])('%s', (_case, given, response, errors) => {
    const verdict = responseVerdict(given);
    expect(verdict.response).toBe(response);
    expect(verdict.errors.map((error) => `${error.key}: ${error.message}`)).toEqual(errors);
  });
});

describe('completion', () => {
  it.each([
    [10, 10, 100],
    [10, 0, 0],
    [3, 1, 33],
    [3, 2, 66],
    [1000, 999, 99], // never rounded up to 100 while anyone is outstanding
    [0, 0, 100],
  ])('%i members, %i responded: %i%%', (members, responded, percent) => {
    expect(completion(members, responded)).toBe(percent);
  });
});

describe('the next campaign as the policy times it (declarationCampaignMonth)', () => {
  it.each([
    ['April, asked in November', '2026-11-23', 4, { name: '2027 declarations', dueOn: '2027-04-30' }],
    ['April, asked in March', '2027-03-02', 4, { name: '2027 declarations', dueOn: '2027-04-30' }],
    ['April, asked in April', '2027-04-10', 4, { name: '2027 declarations', dueOn: '2027-04-30' }],
    ['April, asked on its last day', '2027-04-30', 4, { name: '2027 declarations', dueOn: '2027-05-28' }],
    ['February in a leap year', '2027-12-01', 2, { name: '2028 declarations', dueOn: '2028-02-29' }],
    ['December', '2026-11-23', 12, { name: '2026 declarations', dueOn: '2026-12-31' }],
  ])('%s', (_case, on, month, expected) => {
    expect(suggestedCampaign(on, month)).toEqual(expected);
  });
});

describe('the reminder cadence (declarationReminderDays)', () => {
  it('a member reminded on or before this instant is due another', () => {
    const now = new Date('2026-12-07T09:00:00Z');
    expect(remindedBefore(now, 14).toISOString()).toBe('2026-11-23T09:00:00.000Z');
    expect(remindedBefore(now, 1).toISOString()).toBe('2026-12-06T09:00:00.000Z');
  });
});
