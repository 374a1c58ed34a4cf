import type { ModuleDeps } from '../organisation/service.ts';
import { conductCasework } from './casework/service.ts';
import { conductTasks } from './casework/tasks.ts';
import { conductIntake } from './intake/service.ts';
import { committeeSummary } from './reporting/summary.ts';
import { conductRoster } from './roster/service.ts';

// Councillor conduct complaints (DOMAIN.md §7): the roster of councillors and independent
// persons, the public form, the monitoring officer's assessment, the independent person's view,
// the decision, investigations, hearings, sanctions and their compliance, the letters, and the
// figures for the standards committee's bi-annual report. This is the module's public face.

// The demo council's year of complaints about councillors, for `npm start`.
export { demoConductYear } from './demo/seed.ts';
export type { CommitteeSummary } from './reporting/summary.ts';

export type ConductModule = ReturnType<typeof conductModule>;

export function conductModule(deps: ModuleDeps) {
  return {
    roster: conductRoster(deps),
    intake: conductIntake(deps),
    casework: conductCasework(deps),
    // What is waiting for the monitoring officer and for an investigator, for their home page.
    tasksFor: conductTasks(deps),
    // For the standards committee's reports: complaints received in the period (ISO dates, inclusive).
    committeeSummary: (councilId: string, period: { from: string; to: string }) =>
      committeeSummary(deps.db, councilId, period),
  };
}

// Investigations a leaver still holds, moved by HR to another investigator.
export { conductInvestigations } from './casework/leavers.ts';
// Its records' retention: when their personal data is removed (privacy's daily job).
export { conductRetention } from './privacy/retention.ts';
// The councillor conduct complaints a person made, for a subject access request.
export { conductSubjectAccess } from './privacy/subject-access.ts';
