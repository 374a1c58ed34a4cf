import { can as holds } from '../../platform/auth/permissions.ts';
import type { Role } from '../../platform/auth/roles.ts';

// read: a complaint's page, its letters; work: assessing, the independent person's view, deciding,
// hearings and sanctions; report: recording an investigation's report.
export type ConductAction = 'read' | 'work' | 'report';

export type ConductViewer = { councilId: string; personId: string; roles: ReadonlySet<Role> };
export type ConductRecord = { councilId: string; investigatorId: string | null; state: string };

// Complaints about councillors are the monitoring officer's (003 standards minutes 18 and 21):
// they read and work every case of their council. An investigator they appoint reads the case
// and records its report while it is being investigated; nobody else sees it, and no one in
// another council.
export function can(viewer: ConductViewer, action: ConductAction, record: ConductRecord): boolean {
  if (viewer.councilId !== record.councilId) return false;
  if (holds(viewer.roles, 'conduct:work')) return true;
  const investigator = record.investigatorId !== null && record.investigatorId === viewer.personId;
  if (!investigator) return false;
  if (action === 'read') return true;
  return action === 'report' && record.state === 'investigation';
}
