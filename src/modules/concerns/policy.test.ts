import { describe, expect, it } from 'vitest';
import type { Role } from '../../platform/auth/roles.ts';
import { type ConcernAction, can, seesDetrimentFlags } from './policy.ts';

// DOMAIN.md "People, organisation and roles": whistleblowing reports only to their assigned investigators.
const concern = { investigatorIds: ['investigator'] };
const viewer = (personId: string, ...roles: Role[]) => ({ personId, roles: new Set(roles) });

describe('who sees a concern', () => {
  it.each<[string, ReturnType<typeof viewer>, ConcernAction, boolean]>([
    ['its investigator reads it', viewer('investigator', 'audit'), 'read', true],
    ['its investigator replies', viewer('investigator', 'audit'), 'reply', true],
    ['its investigator records the outcome', viewer('investigator', 'audit'), 'decide', true],
    ['a peer in audit sees nothing', viewer('peer', 'audit'), 'read', false],
    ['the monitoring officer, not assigned, sees nothing', viewer('mo', 'monitoring-officer'), 'read', false],
    ['HR, not assigned, sees nothing', viewer('hr', 'hr'), 'read', false],
    ['a system administrator sees nothing', viewer('admin', 'system-administrator'), 'read', false],
    ['the chief executive sees nothing', viewer('ceo', 'chief-executive'), 'read', false],
  ])('%s', (_, who, action, expected) => {
    expect(can(who, action, concern)).toBe(expected);
  });
});

describe('who is told of detriment (its flag, not the concern)', () => {
  it.each<[Role, boolean]>([
    ['hr', true],
    ['monitoring-officer', true],
    ['audit', false],
    ['line-manager', false],
  ])('%s: %s', (role, expected) => {
    expect(seesDetrimentFlags(viewer('x', role))).toBe(expected);
  });
});
