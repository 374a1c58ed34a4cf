import type { Role } from '../../platform/auth/roles.ts';
import { calendarService } from './calendar/service.ts';
import { councilCreatedAt, findCouncilBySlug, listCouncilIds } from './councils/repository.ts';
import { invitationsService } from './invitations/service.ts';
import type { OrganisationDeps } from './module-deps.ts';
import * as repo from './people/repository.ts';
import { peopleService } from './people/service.ts';
import { policySettingsService } from './policy-settings/service.ts';

// The organisation's public face: other modules reach people, roles, policy settings and the
// working calendar only through what this file exports.
export type { WorkingRules } from './calendar/working-rules.ts';
export type { ModuleDeps } from './module-deps.ts';
export type { PeopleFilter, Person } from './people/repository.ts';
export { canSeePrivateRecordsOf, headsService, seesWholeRegister, type Viewer } from './policy.ts';
export { defaultPolicy, type PolicySettings, readPolicy } from './policy-settings/settings.ts';
export { viewerOf } from './viewer.ts';

export type OrganisationService = ReturnType<typeof organisationService>;

export function organisationService(deps: OrganisationDeps) {
  const { db } = deps;
  return {
    ...peopleService(deps),
    ...invitationsService(deps),
    ...policySettingsService(deps),
    ...calendarService(deps),
    councilBySlug: (slug: string) => findCouncilBySlug(db, slug),
    councilIds: () => listCouncilIds(db),
    councilCreatedAt: (councilId: string) => councilCreatedAt(db, councilId),

    // For other modules: who a person is, who is above and below them, who holds a role.
    person: (councilId: string, id: string) => repo.findPerson(db, councilId, id),
    managerChain: (councilId: string, id: string) => repo.managerChain(db, councilId, id),
    reportIds: (councilId: string, id: string) => repo.reportIdsOf(db, councilId, id),
    peopleWithRole: (councilId: string, role: Role, serviceId?: string) =>
      repo.peopleWithRole(db, councilId, role, serviceId),
  };
}
