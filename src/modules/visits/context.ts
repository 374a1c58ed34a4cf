import type { ModuleDeps, OrganisationService } from '../organisation/service.ts';
import type { Plan, Visit } from './repository.ts';

// What the visits module's services are built from: what every module has, people's contact
// details, and the checks made before every visit (checks/), which read the other modules' registers.
export type VisitsDeps = ModuleDeps & {
  organisation: ModuleDeps['organisation'] & Pick<OrganisationService, 'peopleByIds'>;
  checks: VisitChecks;
};

export type VisitChecks = {
  // For each visit not dropped, what must happen before it may start (empty when it may).
  blockersOf(plan: Plan, visits: readonly Visit[]): Promise<ReadonlyMap<string, readonly string[]>>;
  // The risk register's cautions at an address or for a person, by kind, for the alerts.
  cautionsAt(
    councilId: string,
    party: { address: string; personName: string },
  ): Promise<{ kindName: string }[]>;
};
