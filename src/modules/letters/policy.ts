import { can as holds } from '../../platform/auth/permissions.ts';
import type { Role } from '../../platform/auth/roles.ts';
import { behaviourKinds, type LetterKind } from './templates/kinds.ts';

export type LetterAction = 'read';

// Who may read a letter: the complaints team any letter; customers:warn holders (heads of
// service) the letters about a customer's behaviour (003 vexatious procedure §4.2).
export function can(
  viewer: { roles: ReadonlySet<Role> },
  _action: LetterAction,
  letter: { kind: LetterKind },
): boolean {
  return (
    holds(viewer.roles, 'complaints:handle') ||
    (holds(viewer.roles, 'customers:warn') && behaviourKinds.includes(letter.kind))
  );
}
