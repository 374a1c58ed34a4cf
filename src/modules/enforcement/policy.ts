import type { Role } from '../../platform/auth/roles.ts';

// Who may do what with an enforcement case (DOMAIN.md §5; 004: work "allocated to them by the
// Arrears Team Manager"): team leaders and heads of service see every case of the council, create
// them, allocate them to agents and record the notice; an agent sees the cases allocated to them
// and records what happened at their visits.

export type EnforcementViewer = { personId: string; roles: ReadonlySet<Role> };
export type CaseFacts = { agentId: string | null };
export type CaseAction = 'see' | 'manage' | 'record-outcome';

export const managesEnforcement = (viewer: EnforcementViewer) =>
  viewer.roles.has('line-manager') || viewer.roles.has('head-of-service');
const isAgent = (viewer: EnforcementViewer, record: CaseFacts) =>
  record.agentId !== null && record.agentId === viewer.personId && viewer.roles.has('field-officer');

export function can(viewer: EnforcementViewer, action: CaseAction, record: CaseFacts): boolean {
  switch (action) {
    case 'see':
      return managesEnforcement(viewer) || isAgent(viewer, record);
    case 'manage':
      return managesEnforcement(viewer);
    case 'record-outcome':
      return record.agentId !== null && record.agentId === viewer.personId;
  }
}
