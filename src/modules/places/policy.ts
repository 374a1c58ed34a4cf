import type { Role } from '../../platform/auth/roles.ts';

// Who may do what with a council's gazetteer: it is the council's own (no one reads another's);
// importing changes where every visit is placed, so it is kept to those who manage the gazetteer
// (system administrators, and line managers, who plan their team's days: DOMAIN.md §5 Planning).
// Anyone signed in may look addresses up in their own council's.

export type PlacesViewer = { councilId: string; roles: ReadonlySet<Role> };
export type PlacesAction = 'import' | 'look-up';

const importers: readonly Role[] = ['system-administrator', 'line-manager'];

export function can(viewer: PlacesViewer, action: PlacesAction, gazetteer: { councilId: string }): boolean {
  if (viewer.councilId !== gazetteer.councilId) return false;
  return action === 'look-up' || importers.some((role) => viewer.roles.has(role));
}
