// Who may see and change a proposed day [004: the team leader allocates the work and plans the
// route]: the person who planned it, or a line manager of every officer in it.

export type Viewer = { personId: string; reportIds: ReadonlySet<string> };
export type ProposalFacts = { createdBy: string; officerIds: readonly string[] };
export type Action = 'read' | 'change';

export function can(viewer: Viewer, _action: Action, proposal: ProposalFacts): boolean {
  if (viewer.personId === proposal.createdBy) return true;
  return proposal.officerIds.length > 0 && proposal.officerIds.every((id) => viewer.reportIds.has(id));
}
