import type { Kysely } from 'kysely';
import type { Role } from '../../platform/auth/roles.ts';
import type { Database } from '../../platform/db/schema.ts';
import { calendarService } from './calendar/service.ts';
import { councilPagesService } from './council-pages/service.ts';
import {
  councilCreatedAt,
  findCouncil,
  findCouncilBySlug,
  listCouncilIds,
  listCouncils,
} from './councils/repository.ts';
import { digestService } from './digest/service.ts';
import { invitationsService } from './invitations/service.ts';
import { leaversService } from './leavers/service.ts';
import type { OrganisationDeps } from './module-deps.ts';
import { passwordsService } from './passwords/service.ts';
import * as repo from './people/repository.ts';
import { peopleService } from './people/service.ts';
import { policySettingsService } from './policy-settings/service.ts';
import { staffImportService } from './staff-import/service.ts';

// The organisation's public face: other modules reach people, roles, policy settings and the
// working calendar only through what this file exports.
export type { WorkingRules } from './calendar/working-rules.ts';
export { countsByPerson, type HeldWork } from './leavers/work.ts';
export type { ModuleDeps } from './module-deps.ts';
export type { PeopleFilter, Person } from './people/repository.ts';
export { canSeePrivateRecordsOf, headsService, seesWholeRegister, type Viewer } from './policy.ts';
export { policyDocuments } from './policy-settings/documents.ts';
export {
  defaultPolicy,
  type PolicySettings,
  readPolicy,
  readPolicySetting,
} from './policy-settings/settings.ts';
export { viewerOf } from './viewer.ts';

export type OrganisationService = ReturnType<typeof organisationService>;

export function organisationService(deps: OrganisationDeps) {
  const { db } = deps;
  return {
    ...peopleService(deps),
    ...digestService(deps),
    ...invitationsService(deps),
    ...passwordsService(deps),
    ...councilPagesService(deps),
    ...policySettingsService(deps),
    ...calendarService(deps),
    ...staffImportService(deps),
    ...leaversService(deps),
    councilBySlug: (slug: string) => findCouncilBySlug(db, slug),
    councilIds: () => listCouncilIds(db),
    councils: () => listCouncils(db),
    councilCreatedAt: (councilId: string) => councilCreatedAt(db, councilId),

    // For other modules: who a person is, who is above and below them, who holds a role.
    person: (councilId: string, id: string) => repo.findPerson(db, councilId, id),
    managerChain: (councilId: string, id: string) => repo.managerChain(db, councilId, id),
    reportIds: (councilId: string, id: string) => repo.reportIdsOf(db, councilId, id),
    peopleWithRole: (councilId: string, role: Role, serviceId?: string) =>
      repo.peopleWithRole(db, councilId, role, serviceId),
    // A council's name, its address on the public pages (slug) and its division. Inside a
    // transaction, pass it: on the embedded database a read through db waits for it.
    council: (councilId: string, executor: Kysely<Database> = db) => findCouncil(executor, councilId),
    // These people in full, active or not, in no order; those not in the council are left out.
    peopleWithIds: (councilId: string, ids: readonly string[]) => repo.peopleWithIds(db, councilId, ids),
    // Active people holding any of these roles, by name.
    peopleWithAnyRole: (councilId: string, roles: readonly string[]) =>
      repo.peopleWithAnyRole(db, councilId, roles),
    // Names, email addresses and mobile numbers of the people with these ids, in one query, by id.
    async peopleByIds(councilId: string, ids: readonly string[], executor: Kysely<Database> = db) {
      const people = await repo.peopleByIds(executor, councilId, ids);
      return new Map(people.map((person) => [person.id, person]));
    },
  };
}

// For other modules, read through `q`: their own transaction when they are in one. A council's
// name; people's names by id (a person named once is found, active or not); the first active
// holder of a role by name.
export async function councilName(q: Kysely<Database>, councilId: string): Promise<string> {
  return (await findCouncil(q, councilId)).name;
}

export async function personNamesById(
  q: Kysely<Database>,
  councilId: string,
  ids: readonly (string | null)[],
): Promise<ReadonlyMap<string, string>> {
  const people = await repo.peopleByIds(
    q,
    councilId,
    ids.filter((id): id is string => id !== null),
  );
  return new Map(people.map((person) => [person.id, person.name]));
}

export const firstHolderOf = (q: Kysely<Database>, councilId: string, role: Role) =>
  repo.firstHolderOf(q, councilId, role);

// A member of staff's record, and finding them, for a subject access request.
export {
  organisationSubjectAccess,
  personCandidates,
  personSubject,
} from './privacy/subject-access.ts';
