import type { Principal } from '../../platform/auth/principal.ts';
import type { CustomersService } from '../customers/service.ts';
import type { ComplaintLetters } from '../letters/service.ts';
import type { ModuleDeps } from '../organisation/service.ts';
import { caseworkService } from './casework/service.ts';
import { complaintTasks } from './casework/tasks.ts';
import { ombudsmanCases } from './ombudsman/service.ts';
import { complaintReports } from './reports/service.ts';
import { complaintRetention } from './retention.ts';

// The stages a leaver handles and the remedies they own, for the organisation's leavers page.
export { complaintAccounts, complaintRemedies, complaintStages } from './casework/leavers.ts';
// The complaints module's public face: the services app.ts wires in, and the types others need.
export type { Casework } from './casework/service.ts';
// The demo council's year of complaints, for `npm start`.
export { demoComplaintsYear } from './demo/seed.ts';
export type { OmbudsmanCases } from './ombudsman/service.ts';
export type { ComplaintReports, ComplaintsCommitteeSummary } from './reports/service.ts';
// What the retention page shows of complaints, which this module's own daily job anonymises.
export { complaintRetentionFigures } from './retention.ts';

type ComplaintsDeps = Omit<ModuleDeps, 'organisation'> & {
  organisation: Parameters<typeof caseworkService>[0]['organisation'];
};

export type ComplaintsServices = ReturnType<typeof complaintsService>;

export function complaintsService(
  deps: ComplaintsDeps,
  collaborators: { letters: ComplaintLetters; customers: CustomersService },
) {
  return {
    casework: caseworkService(deps, collaborators),
    ombudsman: ombudsmanCases(deps),
    reports: complaintReports(deps),
    retention: complaintRetention({ ...deps, customers: collaborators.customers }),
    // What is waiting for a person: deadlines, accounts asked of them, remedies they own.
    tasksFor: (principal: Principal) => complaintTasks(deps, principal),
  };
}

// A customer's complaints, for a subject access request.
export { complaintsSubjectAccess } from './privacy/subject-access.ts';
