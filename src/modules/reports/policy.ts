import type { Role } from '../../platform/auth/roles.ts';
import type { Committee } from './packs/rules.ts';

// assemble: put a pack together for a period, add items, publish it; mark: say an item is exempt
// (or not) under Schedule 12A; read-public and read-full: the two versions of a pack.
export type PackAction = 'assemble' | 'mark' | 'read-public' | 'read-full';

// The officers who prepare each committee's packs: the monitoring officer the standards
// committee's (003 minutes item 18: the monitoring officer presents the bi-annual report), audit
// the audit committee's, with the monitoring officer, who as proper officer decides what is exempt
// (Local Government Act 1972 s100B(2)) for every committee.
const clerks: Record<Committee, readonly Role[]> = {
  standards: ['monitoring-officer'],
  audit: ['audit', 'monitoring-officer'],
};

const holdsAny = (roles: ReadonlySet<Role>, wanted: readonly Role[]) =>
  wanted.some((role) => roles.has(role));

/**
 * Who may do what to a pack. The officers who prepare a committee's packs do all of it (marking
 * is the monitoring officer's alone); a committee member reads a pack once it is published: its
 * public version, and its full version only where the council allows it (the policy setting
 * committeeMembersReadExemptItems), since the role does not say which committee they sit on.
 */
export function can(
  viewer: { roles: ReadonlySet<Role> },
  action: PackAction,
  pack: { committee: Committee; published: boolean },
  settings: { membersReadExempt: boolean },
): boolean {
  const clerk = holdsAny(viewer.roles, clerks[pack.committee]);
  if (action === 'mark') return viewer.roles.has('monitoring-officer');
  if (action === 'assemble' || clerk) return clerk;
  if (!pack.published || !viewer.roles.has('committee-member')) return false;
  return action === 'read-public' || settings.membersReadExempt;
}

/** The committees whose packs a person prepares. */
export const committeesPrepared = (viewer: { roles: ReadonlySet<Role> }): Committee[] =>
  (Object.keys(clerks) as Committee[]).filter((committee) => holdsAny(viewer.roles, clerks[committee]));
