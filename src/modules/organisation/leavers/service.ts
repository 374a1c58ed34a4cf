import type { Kysely } from 'kysely';
import { type Actor, appendAudit } from '../../../platform/audit/audit-trail.ts';
import { revokeApiTokensOf } from '../../../platform/auth/api-tokens.ts';
import { can } from '../../../platform/auth/permissions.ts';
import type { Principal } from '../../../platform/auth/principal.ts';
import { roleNames } from '../../../platform/auth/roles.ts';
import { endSessionsOf } from '../../../platform/auth/sessions.ts';
import { londonDate } from '../../../platform/calendar/daylight.ts';
import type { Database } from '../../../platform/db/schema.ts';
import { InvalidInput, NotFound } from '../../../platform/errors.ts';
import type { Task } from '../../../platform/web/tasks.ts';
import type { OrganisationDeps } from '../module-deps.ts';
import { findPerson } from '../people/repository.ts';
import * as repo from './repository.ts';
import type { HeldWork } from './work.ts';

// Leavers and the open work they still hold in every module: nothing is left waiting on a person
// who has gone. HR see what each leaver holds and move each kind of it to someone who can do it,
// one audited transaction a move; the home page tells HR while any leaver holds work.

type Kinds = { list: readonly HeldWork[] };

async function heldByAll(
  q: Kysely<Database>,
  kinds: Kinds,
  councilId: string,
  ids: readonly string[],
  today: string,
) {
  const counts = await Promise.all(kinds.list.map((kind) => kind.held(q, councilId, ids, today)));
  const byPerson = new Map<string, Map<string, number>>();
  kinds.list.forEach((kind, at) => {
    for (const [person, count] of counts[at] ?? []) {
      if (count <= 0) continue;
      const mine = byPerson.get(person) ?? new Map<string, number>();
      byPerson.set(person, mine.set(kind.kind, count));
    }
  });
  return byPerson;
}

// The leavers who still hold work, by name, with how much of each kind.
async function leaversHoldingWork(deps: OrganisationDeps, kinds: Kinds, councilId: string) {
  const today = londonDate(deps.clock.now());
  const ids = await repo.leaverIds(deps.db, councilId);
  const held = await heldByAll(deps.db, kinds, councilId, ids, today);
  const leavers = await repo.leaversWithIds(deps.db, councilId, [...held.keys()]);
  return leavers.map((leaver) => {
    const mine = held.get(leaver.id) ?? new Map<string, number>();
    return {
      ...leaver,
      total: [...mine.values()].reduce((sum, n) => sum + n, 0),
      held: Object.fromEntries(mine),
    };
  });
}

// One leaver's work, kind by kind, with who may take each on; and the name of the person some of
// it was just moved to, found by their id in the council (never taken from the address).
async function leaverWork(
  deps: OrganisationDeps,
  kinds: Kinds,
  councilId: string,
  leaverId: string,
  movedTo: string | null,
) {
  const leaver = await repo.findLeaver(deps.db, councilId, leaverId);
  if (!leaver) throw new NotFound('No such leaver');
  const today = londonDate(deps.clock.now());
  const held = (await heldByAll(deps.db, kinds, councilId, [leaverId], today)).get(leaverId);
  const work = await Promise.all(
    kinds.list.map(async (kind) => ({
      kind: kind.kind,
      module: kind.module,
      title: kind.title,
      href: kind.href,
      needs: kind.roles.map((role) => roleNames[role]),
      count: held?.get(kind.kind) ?? 0,
      takers: (held?.get(kind.kind) ?? 0) > 0 ? await repo.takers(deps.db, councilId, kind.roles) : [],
    })),
  );
  const taker = movedTo ? await findPerson(deps.db, councilId, movedTo) : null;
  return { leaver, work, movedToName: taker?.name ?? null };
}

async function taker(deps: OrganisationDeps, councilId: string, kind: HeldWork, toId: string) {
  const to = await findPerson(deps.db, councilId, toId);
  const refuse = (message: string) => new InvalidInput([{ key: 'to', message }]);
  if (!to?.active) throw refuse('Choose a person who works for the council now');
  if (kind.roles.length && !kind.roles.some((role) => to.roles.includes(role)))
    throw refuse(
      `${to.name} cannot take this on: they must be ${kind.roles.map((role) => roleNames[role]).join(' or ')}`,
    );
  return to;
}

// Moves all of one kind of a leaver's work to another person, in one audited transaction.
async function moveWork(
  deps: OrganisationDeps,
  kinds: Kinds,
  actor: Actor,
  leaverId: string,
  kindCode: string,
  toId: string,
) {
  const kind = kinds.list.find((one) => one.kind === kindCode);
  if (!kind) throw new NotFound('No such kind of work');
  const leaver = await repo.findLeaver(deps.db, actor.councilId, leaverId);
  if (!leaver) throw new NotFound('No such leaver');
  const to = await taker(deps, actor.councilId, kind, toId);
  const now = deps.clock.now();
  const today = londonDate(now);
  return deps.db.transaction().execute(async (trx) => {
    const moved = await kind.move(trx, actor.councilId, leaverId, { id: to.id, name: to.name }, today);
    // Nothing moved: it went at the same moment, or all that is left the rules keep from them.
    if (moved.length === 0)
      throw new InvalidInput([
        {
          key: 'to',
          message: `None of this work could go to ${to.name}: it has been moved already, or what is left is theirs to be kept from`,
        },
      ]);
    await appendAudit(
      trx,
      actor,
      {
        action: 'person.work-moved',
        recordType: 'person',
        recordId: leaverId,
        after: {
          kind: kind.kind,
          title: kind.title,
          to: to.id,
          toName: to.name,
          moved: moved.length,
          records: moved,
        },
      },
      now,
    );
    const left = (await kind.held(trx, actor.councilId, [leaverId], today)).get(leaverId) ?? 0;
    return { moved: moved.length, left, to: to.id };
  });
}

// HR make a person a leaver by hand: from their leaving date, which has come, they cannot sign in.
async function markLeaver(deps: OrganisationDeps, actor: Actor, personId: string, leavingDate: string) {
  const person = await findPerson(deps.db, actor.councilId, personId);
  if (!person) throw new NotFound('No such person');
  const now = deps.clock.now();
  const refuse = (key: string, message: string) => new InvalidInput([{ key, message }]);
  if (!person.active) throw refuse('form', `${person.name} is already a leaver`);
  if (personId === actor.personId) throw refuse('form', 'You cannot make yourself a leaver');
  if (leavingDate > londonDate(now))
    throw refuse('leavingDate', 'The leaving date must be today or in the past');
  await deps.db.transaction().execute(async (trx) => {
    if (!(await repo.markLeaver(trx, actor.councilId, personId, leavingDate, now)))
      throw refuse('form', `${person.name} is already a leaver`);
    await endSessionsOf(trx, actor.councilId, personId);
    await revokeApiTokensOf(trx, actor.councilId, personId, now);
    await appendAudit(
      trx,
      actor,
      {
        action: 'person.left',
        recordType: 'person',
        recordId: personId,
        before: { active: true },
        after: { active: false, leavingDate },
      },
      now,
    );
  });
}

async function leaverTasks(deps: OrganisationDeps, kinds: Kinds, principal: Principal): Promise<Task[]> {
  if (!can(principal.roles, 'people:leavers') || kinds.list.length === 0) return [];
  const leavers = await leaversHoldingWork(deps, kinds, principal.councilId);
  const today = londonDate(deps.clock.now());
  return [
    {
      module: 'organisation',
      title: 'Leavers still holding work',
      count: leavers.length,
      due: today,
      href: '/people/leavers',
      urgency: 'today',
    },
  ];
}

export function leaversService(deps: OrganisationDeps) {
  const kinds: Kinds = { list: [] };
  return {
    // The work each module gives to named people (app.ts hands it in at start).
    knowLeaversWorkIn: (given: readonly HeldWork[]) => {
      kinds.list = given;
    },
    leaversHoldingWork: (councilId: string) => leaversHoldingWork(deps, kinds, councilId),
    leaverWork: (councilId: string, leaverId: string, movedTo: string | null = null) =>
      leaverWork(deps, kinds, councilId, leaverId, movedTo),
    moveLeaverWork: (actor: Actor, leaverId: string, kind: string, toId: string) =>
      moveWork(deps, kinds, actor, leaverId, kind, toId),
    markLeaver: (actor: Actor, personId: string, leavingDate: string) =>
      markLeaver(deps, actor, personId, leavingDate),
    leaverTasksFor: (principal: Principal) => leaverTasks(deps, kinds, principal),
  };
}
