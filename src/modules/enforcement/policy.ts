import type { Role } from '../../platform/auth/roles.ts';

// Who may do what with an enforcement case (DOMAIN.md §5; 004: work "allocated to them by the
// Arrears Team Manager"). Need to know: the team leaders and heads of service above enforcement
// agents see the cases allocated to the agents they manage, and the cases not yet allocated;
// they create cases, allocate them to their agents and record the notice. An agent sees the cases
// allocated to them and records what happened at their visits. Other managers see none.

export type EnforcementViewer = {
  personId: string;
  roles: ReadonlySet<Role>;
  // Everyone below the viewer in the line-management chain, and whether any is a field officer.
  reportIds: ReadonlySet<string>;
  leadsAgents: boolean;
};
export type CaseFacts = { agentId: string | null };
export type CaseAction = 'see' | 'manage' | 'record-outcome';

export const managesEnforcement = (viewer: EnforcementViewer) =>
  (viewer.roles.has('line-manager') || viewer.roles.has('head-of-service')) && viewer.leadsAgents;
const managesCase = (viewer: EnforcementViewer, record: CaseFacts) =>
  managesEnforcement(viewer) && (record.agentId === null || viewer.reportIds.has(record.agentId));
const isAgent = (viewer: EnforcementViewer, record: CaseFacts) =>
  record.agentId !== null && record.agentId === viewer.personId && viewer.roles.has('field-officer');

export function can(viewer: EnforcementViewer, action: CaseAction, record: CaseFacts): boolean {
  switch (action) {
    case 'see':
      return managesCase(viewer, record) || isAgent(viewer, record);
    case 'manage':
      return managesCase(viewer, record);
    case 'record-outcome':
      return record.agentId !== null && record.agentId === viewer.personId;
  }
}
