// Who may do what to a complaint (DOMAIN.md "Records, privacy and audit"; complaint files go to
// the complaints team and the service asked to comment): the complaints team works the whole
// case; a person asked for their account sees only what they need to answer it; anyone else
// nothing (404, not 403, so that the existence of a complaint is not given away). An anonymised
// complaint is no longer there for anyone. Two complaints are linked as possible duplicates, and
// merged or kept apart, only by someone who may work both: the link would show the other exists.
import { can as holds } from '../../platform/auth/permissions.ts';
import type { Role } from '../../platform/auth/roles.ts';

export type Viewer = { personId: string; roles: ReadonlySet<Role> };

export type ComplaintAction = 'work-case' | 'answer-account' | 'link-duplicate';

// The facts of the record an action is on: the complaint, for an account whom it asks, and for a
// possible duplicate whether the other complaint is anonymised.
export type ComplaintFacts = {
  anonymised: boolean;
  askedPersonId?: string | null;
  otherAnonymised?: boolean;
};

export function can(viewer: Viewer, action: ComplaintAction, record: ComplaintFacts): boolean {
  if (record.anonymised) return false;
  switch (action) {
    case 'work-case':
      return holds(viewer.roles, 'complaints:handle');
    case 'answer-account':
      return record.askedPersonId === viewer.personId;
    case 'link-duplicate':
      return (
        record.otherAnonymised === false &&
        can(viewer, 'work-case', record) &&
        can(viewer, 'work-case', { anonymised: record.otherAnonymised })
      );
  }
}

type CaseAccess = 'whole-case' | 'account-only' | 'none';

// Where a signed-in person goes for a complaint: the whole case, their account request, or nowhere.
export function caseAccess(roles: ReadonlySet<Role>, askedForAccount: boolean): CaseAccess {
  const viewer = { personId: 'viewer', roles };
  if (can(viewer, 'work-case', { anonymised: false })) return 'whole-case';
  const asked = { anonymised: false, askedPersonId: askedForAccount ? viewer.personId : null };
  return can(viewer, 'answer-account', asked) ? 'account-only' : 'none';
}
