import type { ModuleDeps } from '../organisation/service.ts';
import type { Plan, Visit } from './repository.ts';

// What the visits module's services are built from: what every module has, and the checks made
// before every visit (checks/), which read the other modules' registers.
export type VisitsDeps = ModuleDeps & { checks: VisitChecks };

export type VisitChecks = {
  // For each visit not dropped, what must happen before it may start (empty when it may).
  blockersOf(plan: Plan, visits: readonly Visit[]): Promise<ReadonlyMap<string, readonly string[]>>;
};
