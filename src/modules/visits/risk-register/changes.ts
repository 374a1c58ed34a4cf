import type { Kysely } from 'kysely';
import { type Actor, actorFor, appendAudit } from '../../../platform/audit/audit-trail.ts';
import type { Principal } from '../../../platform/auth/principal.ts';
import { londonDate } from '../../../platform/calendar/daylight.ts';
import { uuidv7 } from '../../../platform/db/ids.ts';
import type { Database } from '../../../platform/db/schema.ts';
import { Forbidden, InvalidInput, NotFound } from '../../../platform/errors.ts';
import { type ModuleDeps, personNamesById } from '../../organisation/service.ts';
import type { RiskMarkerAction, RiskMarkerKind } from '../tables.ts';
import {
  checkKind,
  checkMarker,
  checkNomination,
  checkReviewOn,
  checkWhatToDo,
  keysOf,
  orRefuse,
} from './check.ts';
import type { MarkerInput, NominationInput, ReviewInput } from './input.ts';
import * as repo from './repository.ts';
import { mayReview } from './rules.ts';

// Changes to the register, each in one transaction with its history line and its audit event.
// Audit events say what changed, never the reason, the name or the address: the trail is kept
// whole, while a marker's personal data goes when its retention period ends.

type Db = Kysely<Database>;

async function record(
  trx: Db,
  actor: Actor,
  change: { markerId: string; action: RiskMarkerAction; note?: string; after: Record<string, unknown> },
  at: Date,
) {
  await repo.insertEvent(
    trx,
    actor.councilId,
    { markerId: change.markerId, action: change.action, note: change.note ?? '', by: actor.personId },
    at,
  );
  await appendAudit(
    trx,
    actor,
    {
      action: `risk-marker.${change.action}`,
      recordType: 'risk-marker',
      recordId: change.markerId,
      after: change.after,
    },
    at,
  );
}

// The marker to change, locked; another council's, or none, is not found.
async function locked(trx: Db, councilId: string, id: string) {
  const marker = await repo.markerById(trx, councilId, id, true);
  if (!marker) throw new NotFound('No such marker');
  return marker;
}

const refuse = (message: string) => new InvalidInput([{ key: 'form', message }]);

// Added by someone who keeps the register: active at once.
export async function add(deps: ModuleDeps, principal: Principal, input: MarkerInput, requestId?: string) {
  const at = deps.clock.now();
  const text = checkMarker(input, londonDate(at));
  const id = uuidv7(at.getTime());
  await deps.db.transaction().execute(async (trx) => {
    const marker = { id, status: 'active' as const, text, keys: keysOf(text) };
    await repo.insertMarker(trx, principal.councilId, marker, { by: principal.personId, at, visitId: null });
    const after = { status: 'active', kind: text.kind, reviewOn: text.reviewOn };
    await record(trx, actorFor(principal, requestId), { markerId: id, action: 'added', after }, at);
  });
  return id;
}

export type Nomination = {
  address: string;
  personName: string;
  kind: string;
  reason: string;
  whatToDo?: string;
  nominatedBy: string;
  visitId?: string | null;
};

async function nominateAs(deps: ModuleDeps, trx: Db, actor: Actor, nomination: Nomination) {
  const at = deps.clock.now();
  const text = checkNomination({ whatToDo: '', ...nomination }, londonDate(at));
  const id = uuidv7(at.getTime());
  const { nominatedBy, visitId = null } = nomination;
  const marker = { id, status: 'proposed' as const, text, keys: keysOf(text) };
  await repo.insertMarker(trx, actor.councilId, marker, { by: nominatedBy, at, visitId });
  const after = { status: 'proposed', kind: text.kind, visitId };
  await record(trx, actor, { markerId: id, action: 'nominated', after }, at);
  return id;
}

// A nomination, inside the caller's transaction: proposed, for a team leader to review. A threat
// of violence on a visit leads to consideration for the list [000 personal safety].
export async function nominateIn(deps: ModuleDeps, trx: Db, councilId: string, nomination: Nomination) {
  const { nominatedBy } = nomination;
  const names = await personNamesById(trx, councilId, [nominatedBy]);
  const actor = { councilId, personId: nominatedBy, label: names.get(nominatedBy) ?? 'Unknown person' };
  return nominateAs(deps, trx, actor, nomination);
}

// Nominated by hand, by an officer in the field.
export function nominate(deps: ModuleDeps, principal: Principal, input: NominationInput, requestId?: string) {
  const nomination = { ...input, nominatedBy: principal.personId };
  return deps.db
    .transaction()
    .execute((trx) => nominateAs(deps, trx, actorFor(principal, requestId), nomination));
}

function checkAcceptance(input: ReviewInput, today: string) {
  const problems: { key: string; message: string }[] = [];
  const kind: RiskMarkerKind = checkKind(problems, input.kind);
  const whatToDo = checkWhatToDo(problems, input.whatToDo);
  const reviewOn = checkReviewOn(problems, input.reviewOn, today);
  orRefuse(problems);
  return { kind, whatToDo, reviewOn };
}

function checkRejection(input: ReviewInput) {
  if (input.rejectReason === '')
    throw new InvalidInput([{ key: 'rejectReason', message: 'Enter why the nomination is rejected' }]);
  if (input.rejectReason.length > 2000)
    throw new InvalidInput([{ key: 'rejectReason', message: 'The reason must be 2000 characters or fewer' }]);
  return input.rejectReason;
}

// A nomination accepted (active, with what officers must do) or rejected (with why), by someone
// who keeps the register and did not nominate it.
export async function review(
  deps: ModuleDeps,
  principal: Principal,
  id: string,
  input: ReviewInput,
  requestId?: string,
) {
  const at = deps.clock.now();
  if (input.decision !== 'accept' && input.decision !== 'reject')
    throw new InvalidInput([
      { key: 'decision', message: 'Select whether to accept or reject the nomination' },
    ]);
  const actor = actorFor(principal, requestId);
  await deps.db.transaction().execute(async (trx) => {
    const marker = await locked(trx, principal.councilId, id);
    if (marker.status !== 'proposed') throw refuse('This nomination has already been reviewed');
    if (!mayReview(marker.nominatedBy, principal.personId))
      throw new Forbidden('You nominated this marker: someone else who keeps the register reviews it');
    if (input.decision === 'reject') {
      const why = checkRejection(input);
      await repo.setStatus(trx, principal.councilId, id, { status: 'rejected', endReason: why }, at);
      await record(
        trx,
        actor,
        { markerId: id, action: 'rejected', note: why, after: { status: 'rejected' } },
        at,
      );
      return;
    }
    const accepted = { ...marker, ...checkAcceptance(input, londonDate(at)) };
    await repo.updateText(trx, principal.councilId, id, accepted, keysOf(accepted), at);
    await repo.setStatus(trx, principal.councilId, id, { status: 'active' }, at);
    const after = { status: 'active', kind: accepted.kind, reviewOn: accepted.reviewOn };
    await record(trx, actor, { markerId: id, action: 'accepted', after }, at);
  });
}

const editable = {
  kind: 'kind',
  address: 'address',
  personName: 'name',
  reason: 'reason',
  whatToDo: 'what to do',
  reviewOn: 'review date',
} as const;

// A marker still in force (active, or awaiting review) changed; the history says which parts.
export async function edit(
  deps: ModuleDeps,
  principal: Principal,
  id: string,
  input: MarkerInput,
  requestId?: string,
) {
  const at = deps.clock.now();
  const text = checkMarker(input, londonDate(at));
  await deps.db.transaction().execute(async (trx) => {
    const marker = await locked(trx, principal.councilId, id);
    if (marker.status !== 'active' && marker.status !== 'proposed')
      throw refuse(`This marker was ${marker.status}: it can no longer be changed`);
    const changed = (Object.keys(editable) as (keyof typeof editable)[]).filter(
      (field) => marker[field] !== text[field],
    );
    if (changed.length === 0) return;
    await repo.updateText(trx, principal.councilId, id, text, keysOf(text), at);
    const note = `Changed the ${changed.map((field) => editable[field]).join(', ')}`;
    const after = { changed, kind: text.kind, reviewOn: text.reviewOn };
    await record(trx, actorFor(principal, requestId), { markerId: id, action: 'edited', note, after }, at);
  });
}

// An active marker taken off the register, with why.
export async function remove(
  deps: ModuleDeps,
  principal: Principal,
  id: string,
  reason: string,
  requestId?: string,
) {
  const at = deps.clock.now();
  if (reason === '') throw new InvalidInput([{ key: 'reason', message: 'Enter why the marker is removed' }]);
  if (reason.length > 2000)
    throw new InvalidInput([{ key: 'reason', message: 'The reason must be 2000 characters or fewer' }]);
  await deps.db.transaction().execute(async (trx) => {
    const marker = await locked(trx, principal.councilId, id);
    if (marker.status !== 'active') throw refuse('Only an active marker can be removed');
    await repo.setStatus(trx, principal.councilId, id, { status: 'removed', endReason: reason }, at);
    const after = { status: 'removed' };
    await record(
      trx,
      actorFor(principal, requestId),
      { markerId: id, action: 'removed', note: reason, after },
      at,
    );
  });
}
