// Who may see a complaint (DOMAIN.md "Records, privacy and audit"; complaint files go to the
// complaints team and the service asked to comment): the complaints team the whole case; a person
// asked for their account only what they need to answer it; anyone else nothing (404, not 403,
// so that the existence of a complaint is not given away).
import { can } from '../../platform/auth/permissions.ts';
import type { Role } from '../../platform/auth/roles.ts';

type CaseAccess = 'whole-case' | 'account-only' | 'none';

export function caseAccess(roles: ReadonlySet<Role>, askedForAccount: boolean): CaseAccess {
  if (can(roles, 'complaints:handle')) return 'whole-case';
  return askedForAccount ? 'account-only' : 'none';
}
