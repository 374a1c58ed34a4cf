import { describe, expect, it } from 'vitest';
import type { Role } from '../../platform/auth/roles.ts';
import type { Committee } from './packs/rules.ts';
import { can, committeesPrepared, type PackAction } from './policy.ts';

const viewer = (...roles: Role[]) => ({ roles: new Set(roles) });
const off = { membersReadExempt: false };
const on = { membersReadExempt: true };

// Who prepares and reads a committee's packs (003 minutes item 18; Local Government Act 1972
// s100B(2), Schedule 12A).
describe('who may do what to a committee pack', () => {
  it.each([
    // role, action, committee, published, council allows members the full version, allowed
    ['monitoring-officer', 'assemble', 'standards', false, off, true],
    ['monitoring-officer', 'assemble', 'audit', false, off, true],
    ['audit', 'assemble', 'audit', false, off, true],
    ['audit', 'assemble', 'standards', false, off, false],
    ['audit', 'read-full', 'audit', false, off, true],
    ['audit', 'read-public', 'standards', true, off, false],
    ['audit', 'mark', 'audit', false, off, false],
    ['monitoring-officer', 'mark', 'audit', false, off, true],
    ['monitoring-officer', 'read-full', 'standards', false, off, true],
    ['committee-member', 'read-public', 'standards', false, off, false],
    ['committee-member', 'read-public', 'standards', true, off, true],
    ['committee-member', 'read-full', 'standards', true, off, false],
    ['committee-member', 'read-full', 'audit', true, on, true],
    ['committee-member', 'read-full', 'audit', false, on, false],
    ['committee-member', 'assemble', 'standards', true, on, false],
    ['committee-member', 'mark', 'standards', true, on, false],
    ['hr', 'read-public', 'standards', true, on, false],
    ['chief-executive', 'read-public', 'audit', true, on, false],
  ] as const)(
    '%s %s a %s pack (published %s): %s',
    (role, action, committee, published, settings, allowed) => {
      expect(
        can(viewer(role), action as PackAction, { committee: committee as Committee, published }, settings),
      ).toBe(allowed);
    },
  );

  it.each([
    [['monitoring-officer'], ['standards', 'audit']],
    [['audit'], ['audit']],
    [['committee-member'], []],
  ] as const)('%j prepare the packs of %j', (roles, committees) => {
    expect(committeesPrepared(viewer(...roles))).toEqual(committees);
  });
});
