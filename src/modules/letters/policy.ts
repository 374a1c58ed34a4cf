import { can as holds } from '../../platform/auth/permissions.ts';
import type { Role } from '../../platform/auth/roles.ts';
import { behaviourKinds, type LetterKind } from './templates/kinds.ts';

// read: the letter and its PDF; change: a draft's words, sending it or sending it for approval;
// approve: approving or returning a letter sent for approval (drafts/rules.ts says when).
export type LetterAction = 'read' | 'change' | 'approve';

// Who may read a letter: the complaints team any letter; customers:warn holders (heads of
// service) the letters about a customer's behaviour (003 vexatious procedure §4.2). Whoever may
// read a letter not yet sent may check and send it; the complaints team approve letters.
export function can(
  viewer: { roles: ReadonlySet<Role> },
  action: LetterAction,
  letter: { kind: LetterKind },
): boolean {
  const reads =
    holds(viewer.roles, 'complaints:handle') ||
    (holds(viewer.roles, 'customers:warn') && behaviourKinds.includes(letter.kind));
  return action === 'approve' ? reads && mayApproveLetters(viewer) : reads;
}

// Whether the person approves letters at all (for the letters waiting for them).
export const mayApproveLetters = (viewer: { roles: ReadonlySet<Role> }) =>
  holds(viewer.roles, 'letters:approve');
