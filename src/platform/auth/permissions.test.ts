import { describe, expect, it } from 'vitest';
import { allows } from './permissions.ts';
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
    ['audit:read', as('monitoring-officer'), true],
    ['audit:read', as('chief-executive', 'director', 'hr'), false],
    ['people:read', as('hr'), true],
    ['people:manage', as('hr'), false],
    ['people:manage', as('system-administrator'), true],
    ['policy:manage', as('chief-executive', 'director', 'monitoring-officer'), false],
  ] as const)('%s for %s is %s', (access, roles, expected) => {
    expect(allows(access, roles)).toBe(expected);
  });
});
