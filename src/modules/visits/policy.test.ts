import { describe, expect, it } from 'vitest';
import type { Role } from '../../platform/auth/roles.ts';
import { can, type PlanAction } from './policy.ts';

const plan = { officerId: 'officer', responsibleOfficerId: 'contact', managerChain: ['manager', 'head'] };
const viewer = (personId: string, ...roles: Role[]) => ({ personId, roles: new Set(roles) });

// [000 out-of-hours]: the officer leaves the list with the responsible officer, calls them after
// each visit; the line manager authorises out-of-hours work.
describe('who may do what with a field officer’s day', () => {
  it.each<[string, ReturnType<typeof viewer>, Record<PlanAction, boolean>]>([
    [
      'the officer',
      viewer('officer', 'field-officer'),
      { see: true, change: true, 'check-in': true, 'take-call': false, authorise: false },
    ],
    [
      'the responsible officer named on the plan',
      viewer('contact', 'officer'),
      { see: true, change: false, 'check-in': false, 'take-call': true, authorise: false },
    ],
    [
      'another responsible officer, covering',
      viewer('cover', 'responsible-officer'),
      { see: true, change: false, 'check-in': false, 'take-call': true, authorise: false },
    ],
    [
      'the line manager',
      viewer('manager', 'line-manager'),
      { see: true, change: true, 'check-in': false, 'take-call': true, authorise: true },
    ],
    [
      'higher up the chain',
      viewer('head', 'head-of-service'),
      { see: true, change: true, 'check-in': false, 'take-call': true, authorise: true },
    ],
    [
      'another line manager',
      viewer('peer-manager', 'line-manager'),
      { see: false, change: false, 'check-in': false, 'take-call': false, authorise: false },
    ],
    [
      'another field officer',
      viewer('colleague', 'field-officer'),
      { see: false, change: false, 'check-in': false, 'take-call': false, authorise: false },
    ],
    [
      'HR',
      viewer('hr', 'hr'),
      { see: false, change: false, 'check-in': false, 'take-call': false, authorise: false },
    ],
  ])('%s', (_, who, expected) => {
    for (const [action, allowed] of Object.entries(expected))
      expect(can(who, action as PlanAction, plan), action).toBe(allowed);
  });
});
