import type { EnforcementDeps } from './context.ts';
import { recentImports } from './payments/repository.ts';

// Small reads the pages need: the council's agents to allocate to, and the latest payment files.
export function repoOf(deps: EnforcementDeps) {
  return {
    async agents(councilId: string) {
      const people = await deps.organisation.peopleWithRole(councilId, 'field-officer');
      return people.filter((person) => person.active).map((person) => ({ id: person.id, name: person.name }));
    },
    imports: (councilId: string) => recentImports(deps.db, councilId),
  };
}
