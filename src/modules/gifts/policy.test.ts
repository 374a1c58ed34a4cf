import { describe, expect, it } from 'vitest';
import type { Role } from '../../platform/auth/roles.ts';
import { can, type GiftAction, type OfferFacts, registerScope } from './policy.ts';

// Need-to-know (DOMAIN.md "Access is need-to-know") and who reviews which register (001 §73).

const service = 'a5b0c0de-0000-4000-8000-000000000001';
const otherService = 'a5b0c0de-0000-4000-8000-000000000002';
const viewer = (personId: string, roles: Role[] = [], serviceId: string | null = service) => ({
  personId,
  roles: new Set(roles),
  serviceId,
});

const officer = viewer('officer');
const approver = viewer('approver');
const manager = viewer('manager', ['line-manager']);
const head = viewer('head', ['head-of-service']);
const otherHead = viewer('other-head', ['head-of-service'], otherService);
const director = viewer('director', ['director']);
const hr = viewer('hr', ['hr'], null);
const monitoringOfficer = viewer('mo', ['monitoring-officer'], null);
const audit = viewer('audit', ['audit'], null);
const chief = viewer('chief', ['chief-executive'], null);
const stranger = viewer('stranger');

const offer: OfferFacts = {
  recipientId: 'officer',
  registerKey: `service:${service}`,
  approverId: 'approver',
  recipientManagerChain: ['manager', 'director'],
};
const seniorOffer = {
  ...offer,
  recipientId: 'head',
  registerKey: 'senior:director',
  recipientManagerChain: ['director'],
};

type Row = [string, ReturnType<typeof viewer>, GiftAction, unknown, boolean];

const rows: Row[] = [
  ['HR see every entry', hr, 'see-whole-register', null, true],
  ['the monitoring officer sees every entry', monitoringOfficer, 'see-whole-register', null, true],
  ['audit see every entry', audit, 'see-whole-register', null, true],
  ['a head of service does not see every entry', head, 'see-whole-register', null, false],
  ['the chief executive does not list every entry', chief, 'see-whole-register', null, false],
  ['an officer sees their own entry', officer, 'see-offer', offer, true],
  ['the approver sees the entry they were asked about', approver, 'see-offer', offer, true],
  ['a manager above the officer sees it', manager, 'see-offer', offer, true],
  ['a director above the officer sees it', director, 'see-offer', offer, true],
  ['the head of the officer’s service sees it', head, 'see-offer', offer, true],
  ['the head of another service does not', otherHead, 'see-offer', offer, false],
  ['HR see it', hr, 'see-offer', offer, true],
  ['a colleague does not see it', stranger, 'see-offer', offer, false],
  ['a head of service sees a senior entry only from above', otherHead, 'see-offer', seniorOffer, false],
  ['only the officer amends an entry', officer, 'amend-offer', offer, true],
  ['a manager does not amend it', manager, 'amend-offer', offer, false],
  ['HR do not amend it', hr, 'amend-offer', offer, false],
  ['only the officer answers a reviewer', officer, 'answer-query', offer, true],
  ['the head of service does not answer for them', head, 'answer-query', offer, false],
  ['the person asked decides an approval', approver, 'decide-approval', offer, true],
  ['the officer does not approve their own offer', officer, 'decide-approval', offer, false],
  [
    'nobody decides an offer nobody was asked to approve',
    officer,
    'decide-approval',
    { approverId: null },
    false,
  ],
  [
    'a service’s head signs its register off',
    head,
    'sign-off-review',
    { registerKey: `service:${service}` },
    true,
  ],
  ['another head does not', otherHead, 'sign-off-review', { registerKey: `service:${service}` }, false],
  [
    'a director signs off their reports’ register',
    director,
    'sign-off-review',
    { registerKey: 'senior:director' },
    true,
  ],
  [
    'the head of service does not sign off a senior register',
    head,
    'sign-off-review',
    { registerKey: 'senior:director' },
    false,
  ],
  [
    'the monitoring officer signs off the chief executive’s',
    monitoringOfficer,
    'sign-off-review',
    { registerKey: 'monitoring-officer' },
    true,
  ],
  [
    'the chief executive does not sign off their own',
    chief,
    'sign-off-review',
    { registerKey: 'monitoring-officer' },
    false,
  ],
  ['HR read every review', hr, 'read-review', { registerKey: `service:${service}` }, true],
  [
    'the chief executive reads every review',
    chief,
    'read-review',
    { registerKey: `service:${service}` },
    true,
  ],
  [
    'a reviewer reads their own register’s review',
    head,
    'read-review',
    { registerKey: `service:${service}` },
    true,
  ],
  ['an officer reads no review', officer, 'read-review', { registerKey: `service:${service}` }, false],
  ['another head reads not this one', otherHead, 'read-review', { registerKey: `service:${service}` }, false],
  [
    'a reviewer asks about an entry in their register',
    head,
    'ask-query',
    { registerKey: `service:${service}` },
    true,
  ],
  ['audit ask about any entry', audit, 'ask-query', { registerKey: 'senior:director' }, true],
  [
    'an officer asks no reviewer’s question',
    officer,
    'ask-query',
    { registerKey: `service:${service}` },
    false,
  ],
];

describe('who may do what in the gifts and hospitality register', () => {
  it.each(rows)('%s', (_, who, action, record, allowed) => {
    expect(can(who, action, record as never)).toBe(allowed);
  });
});

describe('whose entries a register lists', () => {
  it.each([
    ['HR: everyone’s', hr, [], { all: true }],
    ['an officer: their own', officer, [], { all: false, recipientIds: ['officer'], registerKeys: [] }],
    [
      'a manager: their own and their reports’',
      manager,
      ['officer'],
      { all: false, recipientIds: ['manager', 'officer'], registerKeys: [] },
    ],
    [
      'a head of service: also their service’s register',
      head,
      [],
      { all: false, recipientIds: ['head'], registerKeys: [`service:${service}`] },
    ],
  ] as const)('%s', (_, who, reports, scope) => {
    expect(registerScope(who, reports)).toEqual(scope);
  });
});
