import type { Kysely } from 'kysely';
import { actorFor, recordAccess } from '../../../platform/audit/audit-trail.ts';
import type { Principal } from '../../../platform/auth/principal.ts';
import { londonDate } from '../../../platform/calendar/daylight.ts';
import type { Database } from '../../../platform/db/schema.ts';
import { NotFound } from '../../../platform/errors.ts';
import { nameKey } from '../../interests/service.ts';
import { type ModuleDeps, personNamesById } from '../../organisation/service.ts';
import type { RiskMarkerKind } from '../tables.ts';
import type { ListFilter } from './input.ts';
import * as repo from './repository.ts';
import { postcodeKey, riskKinds, sameAddress, samePerson, surnameOf } from './rules.ts';

// Reading the register: lists for those who keep it, one marker with its history (each look
// recorded in the audit trail), and the cautions a visit is checked against.

export type MarkerWithNames = repo.Marker & { kindName: string; nominatedByName: string };

async function withNames(db: Kysely<Database>, councilId: string, markers: repo.Marker[]) {
  const names = await personNamesById(
    db,
    councilId,
    markers.map((marker) => marker.nominatedBy),
  );
  return markers.map(
    (marker): MarkerWithNames => ({
      ...marker,
      kindName: riskKinds[marker.kind].name,
      nominatedByName: names.get(marker.nominatedBy) ?? '',
    }),
  );
}

export async function list(deps: ModuleDeps, councilId: string, filter: ListFilter) {
  const today = londonDate(deps.clock.now());
  const markers = await repo.listMarkers(deps.db, councilId, {
    status: filter.status === 'all' ? null : filter.status,
    dueBy: filter.due === 'yes' ? today : null,
    search: filter.q,
    postcodeKey: postcodeKey(filter.q),
  });
  return withNames(deps.db, councilId, markers);
}

// Nominations waiting for a team leader, oldest first.
export async function nominations(deps: ModuleDeps, councilId: string) {
  const markers = await repo.listMarkers(deps.db, councilId, {
    status: 'proposed',
    dueBy: null,
    search: '',
    postcodeKey: null,
  });
  const oldestFirst = markers.sort((a, b) => a.nominatedAt.getTime() - b.nominatedAt.getTime());
  return withNames(deps.db, councilId, oldestFirst);
}

// Active markers whose review date has come.
export async function dueForReview(deps: ModuleDeps, councilId: string) {
  return list(deps, councilId, { status: 'active', due: 'yes', q: '' });
}

// One marker with its history, for someone who keeps the register; the look is audited.
export async function marker(deps: ModuleDeps, principal: Principal, id: string, requestId?: string) {
  const found = await repo.markerById(deps.db, principal.councilId, id);
  if (!found) throw new NotFound('No such marker');
  const events = await repo.history(deps.db, principal.councilId, id);
  const names = await personNamesById(deps.db, principal.councilId, [
    found.nominatedBy,
    ...events.map((event) => event.byId),
  ]);
  await recordAccess(
    deps.db,
    actorFor(principal, requestId),
    { action: 'risk-marker.viewed', recordType: 'risk-marker', recordId: id },
    deps.clock.now(),
  );
  return {
    marker: {
      ...found,
      kindName: riskKinds[found.kind].name,
      nominatedByName: names.get(found.nominatedBy) ?? '',
    },
    history: events.map((event) => ({
      ...event,
      byName: event.byId ? (names.get(event.byId) ?? '') : 'Retention job',
    })),
  };
}

export type Caution = {
  markerId: string;
  kind: RiskMarkerKind;
  kindName: string;
  whatToDo: string;
  matchedOn: 'address' | 'name';
};

// The active markers that flag a visit's address or the person visited, for the checks before a
// visit [000, 004]. A system read: no history, nothing recorded. Inside a transaction, pass it.
export async function cautionsAt(
  deps: ModuleDeps,
  councilId: string,
  visit: { address?: string; personName?: string },
  executor: Kysely<Database> = deps.db,
): Promise<Caution[]> {
  const address = visit.address ?? '';
  const key = nameKey(visit.personName ?? '');
  const candidates = await repo.activeCandidates(executor, councilId, {
    postcodeKey: postcodeKey(address),
    surnameKey: surnameOf(key) || null,
  });
  const cautions: Caution[] = [];
  for (const candidate of candidates) {
    const matchedOn =
      candidate.address !== '' && sameAddress(candidate.address, address)
        ? 'address'
        : samePerson(nameKey(candidate.personName), key)
          ? 'name'
          : null;
    if (!matchedOn) continue;
    const { id: markerId, kind, whatToDo } = candidate;
    cautions.push({ markerId, kind, kindName: riskKinds[kind].name, whatToDo, matchedOn });
  }
  return cautions;
}
