import { headsService, seesWholeRegister, type Viewer } from '../organisation/service.ts';

// Who may do what to a declaration (DOMAIN.md "Access is need-to-know"). Pure: the services
// look up who is looking and ask.

// Who is looking, with everyone below them in line management.
export type RegisterViewer = Viewer & { reports: ReadonlySet<string> };

// What the rules look at of a declaration.
export type DeclarationFacts = {
  personId: string;
  reviewerId: string | null;
  reviewState: string;
  serviceId: string | null;
  senior: boolean;
  endedOn: string | null;
};

export type DeclarationAction = 'see' | 'review' | 'change' | 'end';

const own = (viewer: RegisterViewer, declaration: DeclarationFacts) =>
  declaration.personId === viewer.personId;

const rules: Record<DeclarationAction, (viewer: RegisterViewer, declaration: DeclarationFacts) => boolean> = {
  // The declarant, its reviewer while it awaits their review, their management chain, the head of
  // their service (for staff below head of service), and HR, the monitoring officer and audit.
  see: (viewer, declaration) =>
    seesWholeRegister(viewer.roles) ||
    own(viewer, declaration) ||
    (declaration.reviewerId === viewer.personId && declaration.reviewState === 'awaiting-review') ||
    viewer.reports.has(declaration.personId) ||
    (!declaration.senior && headsService(viewer) !== null && declaration.serviceId === headsService(viewer)),
  // The person asked to review it, never its declarant (001 §43).
  review: (viewer, declaration) => declaration.reviewerId === viewer.personId && !own(viewer, declaration),
  // Only the declarant changes a declaration, and only while the interest is current.
  change: (viewer, declaration) => own(viewer, declaration) && declaration.endedOn === null,
  // Only the declarant says the interest has ended.
  end: own,
};

export function can(
  viewer: RegisterViewer,
  action: DeclarationAction,
  declaration: DeclarationFacts,
): boolean {
  return rules[action](viewer, declaration);
}

// Whose declarations a viewer's register lists: all, or their own and their reports', and the
// non-senior staff of a service they head. A declaration awaiting their review is a task, not a
// register entry.
export type RegisterScope =
  | { all: true }
  | { all: false; personIds: readonly string[]; serviceId: string | null };

export function registerScope(viewer: RegisterViewer): RegisterScope {
  if (seesWholeRegister(viewer.roles)) return { all: true };
  return { all: false, personIds: [viewer.personId, ...viewer.reports], serviceId: headsService(viewer) };
}
