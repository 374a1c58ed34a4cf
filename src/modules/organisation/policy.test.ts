import { describe, expect, it } from 'vitest';
import type { Role } from '../../platform/auth/roles.ts';
import { can, canSeePrivateRecordsOf, headsService, type PersonAction, seesWholeRegister } from './policy.ts';

const as = (...roles: Role[]) => new Set<Role>(roles);

// DOMAIN.md: a record is visible to its author, their line-management chain, HR, the monitoring
// officer and audit; not to peers or to the people they manage.
describe('who may see a person’s private records', () => {
  const owner = { personId: 'rita', managerChain: ['mo', 'helen', 'david', 'margaret'] };
  it.each([
    ['the person themselves', 'rita', as('officer'), true],
    ['their line manager', 'mo', as('officer', 'line-manager'), true],
    ['their manager’s manager, up to the chief executive', 'margaret', as('chief-executive'), true],
    ['a peer who is also a line manager', 'pete', as('officer', 'line-manager'), false],
    ['someone they manage', 'junior', as('officer'), false],
    ['HR', 'harriet', as('hr'), true],
    ['the monitoring officer', 'raj', as('monitoring-officer'), true],
    ['audit', 'zara', as('audit'), true],
    ['a system administrator, who manages accounts not records', 'chris', as('system-administrator'), false],
    ['a head of service elsewhere', 'tom', as('head-of-service', 'line-manager'), false],
  ] as const)('%s: %s', (_who, personId, roles, expected) => {
    expect(canSeePrivateRecordsOf({ personId, roles }, owner)).toBe(expected);
  });
});

describe('what a viewer may do with a person’s record', () => {
  const person = { personId: 'rita', managerChain: ['mo'] };
  it.each([
    ['see-private-records', 'rita', as('officer'), true],
    ['see-private-records', 'mo', as('line-manager'), true],
    ['see-private-records', 'chris', as('system-administrator'), false],
    ['see-private-records', 'pete', as('officer'), false],
    ['view-person', 'chris', as('system-administrator'), true],
    ['view-person', 'harriet', as('hr'), true],
    ['view-person', 'mo', as('line-manager'), true],
    ['view-person', 'pete', as('officer', 'line-manager'), false],
  ] as const)('%s by %s is %s', (action: PersonAction, personId, roles, expected) => {
    expect(can({ personId, roles }, action, person)).toBe(expected);
  });
});

describe('who sees a whole register, and whose service a head sees', () => {
  it.each([
    [as('hr'), true],
    [as('monitoring-officer'), true],
    [as('audit'), true],
    [as('head-of-service'), false],
    [as('chief-executive'), false],
  ] as const)('%s sees it all: %s', (roles, expected) => {
    expect(seesWholeRegister(roles)).toBe(expected);
  });

  it.each([
    [as('head-of-service'), 'planning', 'planning'],
    [as('head-of-service'), null, null],
    [as('officer'), 'planning', null],
  ] as const)('%s in %s heads %s', (roles, serviceId, expected) => {
    expect(headsService({ personId: 'p', roles, serviceId })).toBe(expected);
  });
});
