import { describe, expect, it } from 'vitest';
import { allows, canSeePrivateRecordsOf } from './permissions.ts';
import type { Role } from './roles.ts';

const as = (...roles: Role[]) => new Set<Role>(roles);

describe('route access', () => {
  it.each([
    ['public', null, true],
    ['signed-in', null, false],
    ['signed-in', as('officer'), true],
    ['audit:read', as('officer'), false],
    ['audit:read', as('audit'), true],
    ['audit:read', as('system-administrator'), true],
    ['people:read', as('hr'), true],
    ['people:manage', as('hr'), false],
    ['people:manage', as('system-administrator'), true],
    ['policy:manage', as('chief-executive', 'director', 'monitoring-officer'), false],
  ] as const)('%s for %s is %s', (access, roles, expected) => {
    expect(allows(access, roles)).toBe(expected);
  });
});

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
