import { type Actor, appendAudit } from '../../../platform/audit/audit-trail.ts';
import { revokeApiTokensOf } from '../../../platform/auth/api-tokens.ts';
import type { Principal } from '../../../platform/auth/principal.ts';
import { endSessionsOf } from '../../../platform/auth/sessions.ts';
import { uuidv7 } from '../../../platform/db/ids.ts';
import { type FieldError, Forbidden, InvalidInput, NotFound } from '../../../platform/errors.ts';
import type { OrganisationDeps } from '../module-deps.ts';
import { can } from '../policy.ts';
import { type PersonInput, parsePersonInput } from './input.ts';
import * as repo from './repository.ts';

type Page = Parameters<typeof repo.listPeople>[3];

// The email must be free, the service and the line manager must exist, and no one may be managed
// by themselves or by someone below them.
async function checkReferences(
  { db }: OrganisationDeps,
  councilId: string,
  input: PersonInput,
  personId?: string,
) {
  const errors: FieldError[] = [];
  if (await repo.emailInUse(db, input.email, personId)) {
    errors.push({ key: 'email', message: 'A person with this email address already has an account' });
  }
  if (input.serviceId && !(await repo.serviceExists(db, councilId, input.serviceId))) {
    errors.push({ key: 'serviceId', message: 'Select a service from the list' });
  }
  if (input.lineManagerId) {
    const manager = await repo.findPerson(db, councilId, input.lineManagerId);
    if (!manager?.active)
      errors.push({ key: 'lineManagerId', message: 'Select a line manager from the list' });
    else if (
      personId &&
      (manager.id === personId || (await repo.managerChain(db, councilId, manager.id)).includes(personId))
    ) {
      errors.push({
        key: 'lineManagerId',
        message: 'A person cannot be managed by themselves or by someone they manage',
      });
    }
  }
  if (errors.length) throw new InvalidInput(errors);
}

export async function existingPerson({ db }: OrganisationDeps, councilId: string, id: string) {
  const person = await repo.findPerson(db, councilId, id);
  if (!person) throw new NotFound('No such person');
  return person;
}

// A person's record: for people administrators, HR, the person and their management chain.
export async function viewPerson(deps: OrganisationDeps, viewer: Principal, id: string) {
  const person = await existingPerson(deps, viewer.councilId, id);
  const managerChain = await repo.managerChain(deps.db, viewer.councilId, id);
  if (!can(viewer, 'view-person', { personId: id, managerChain }))
    throw new Forbidden('You cannot see this person’s record');
  return person;
}

export async function createPerson(deps: OrganisationDeps, actor: Actor, value: unknown): Promise<string> {
  const input = parsePersonInput(value);
  await checkReferences(deps, actor.councilId, input);
  const now = deps.clock.now();
  const id = uuidv7(now.getTime());
  await deps.db.transaction().execute(async (trx) => {
    await repo.insertPerson(trx, actor.councilId, id, input, now);
    await appendAudit(
      trx,
      actor,
      { action: 'person.created', recordType: 'person', recordId: id, after: input },
      now,
    );
  });
  return id;
}

export async function updatePerson(deps: OrganisationDeps, actor: Actor, id: string, value: unknown) {
  const input = parsePersonInput(value);
  const before = await existingPerson(deps, actor.councilId, id);
  await checkReferences(deps, actor.councilId, input, id);
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    await repo.updatePerson(trx, actor.councilId, id, input);
    const { id: _id, serviceName: _s, lineManagerName: _m, hasPassword: _h, active: _a, ...was } = before;
    await appendAudit(
      trx,
      actor,
      { action: 'person.updated', recordType: 'person', recordId: id, before: was, after: input },
      now,
    );
  });
}

// A leaver keeps their records; they can no longer sign in or use their API tokens.
export async function setActive(deps: OrganisationDeps, actor: Actor, id: string, active: boolean) {
  const person = await existingPerson(deps, actor.councilId, id);
  if (person.active === active) return;
  if (!active && id === actor.personId)
    throw new InvalidInput([{ key: 'form', message: 'You cannot deactivate yourself' }]);
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    await repo.setActive(trx, actor.councilId, id, active, now);
    if (!active) {
      await endSessionsOf(trx, actor.councilId, id);
      await revokeApiTokensOf(trx, actor.councilId, id, now);
    }
    await appendAudit(
      trx,
      actor,
      {
        action: active ? 'person.reactivated' : 'person.deactivated',
        recordType: 'person',
        recordId: id,
        before: { active: !active },
        after: { active },
      },
      now,
    );
  });
}

export function peopleService(deps: OrganisationDeps) {
  const { db } = deps;
  return {
    services: (councilId: string) => repo.listServices(db, councilId),
    // Everyone who has ever been in the council, by name: for choosing a person in a filter.
    personNames: (councilId: string) => repo.personNames(db, councilId),
    listPeople: (councilId: string, filter: repo.PeopleFilter, page: Page) =>
      repo.listPeople(db, councilId, filter, page),
    viewPerson: (viewer: Principal, id: string) => viewPerson(deps, viewer, id),
    createPerson: (actor: Actor, value: unknown) => createPerson(deps, actor, value),
    updatePerson: (actor: Actor, id: string, value: unknown) => updatePerson(deps, actor, id, value),
    setActive: (actor: Actor, id: string, active: boolean) => setActive(deps, actor, id, active),
    team: (viewer: Principal) => repo.reportsOf(db, viewer.councilId, viewer.personId),
  };
}
