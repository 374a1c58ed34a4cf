import type { Kysely } from 'kysely';
import { actorFor, recordAccess } from '../../../platform/audit/audit-trail.ts';
import type { Principal } from '../../../platform/auth/principal.ts';
import { londonDate } from '../../../platform/calendar/daylight.ts';
import type { Database } from '../../../platform/db/schema.ts';
import { NotFound } from '../../../platform/errors.ts';
import { can } from '../policy.ts';
import * as core from '../repository.ts';
import { statusNames } from '../status-rules.ts';
import { audit, type CaseworkContext, type Complaint, checkMove, forTeam, refused } from './context.ts';
import * as repo from './duplicate-repository.ts';
import {
  duplicateWindow,
  isPossibleDuplicate,
  pairOf,
  similarityThreshold,
  textSimilarity,
} from './duplicate-rules.ts';

// Possible duplicates at triage (duplicate-rules.ts): the complaints a complaint may repeat, and
// the officer's decision on each, to merge it into the other or to keep both.

type Viewer = Pick<Principal, 'councilId' | 'councilRulesVersion' | 'personId' | 'roles'>;

const notFound = 'No such possible duplicate';

// A complaint's text, cut at a word for a list.
export function snippet(text: string, length = 200): string {
  if (text.length <= length) return text;
  return `${text.slice(0, text.lastIndexOf(' ', length) > 0 ? text.lastIndexOf(' ', length) : length)}…`;
}

// The possible duplicates of a complaint awaiting triage, for those who may work both. The
// complaint is the one the triage page has read (casework's view, which the viewer may see).
export async function possibleDuplicates(
  ctx: CaseworkContext,
  principal: Viewer,
  complaint: Pick<
    Complaint,
    'id' | 'customerId' | 'serviceId' | 'receivedOn' | 'status' | 'whatHappened' | 'anonymisedAt'
  >,
) {
  if (complaint.status !== 'awaiting-triage') return [];
  const { policy } = await ctx.organisation.policyAndCalendar(
    principal.councilId,
    principal.councilRulesVersion,
  );
  const windowDays = policy.duplicateComplaintWindowDays;
  const facts = { ...complaint, anonymised: complaint.anonymisedAt !== null };
  const found = await repo.candidates(
    ctx.db,
    principal.councilId,
    complaint,
    duplicateWindow(complaint.receivedOn, windowDays),
  );
  return found
    .filter(
      (other) =>
        isPossibleDuplicate(facts, other, { windowDays, keptApart: false }) &&
        can(principal, 'link-duplicate', { anonymised: facts.anonymised, otherAnonymised: other.anonymised }),
    )
    .map((other) => ({
      reference: other.reference,
      receivedOn: other.receivedOn,
      statusName: statusNames[other.status],
      serviceName: other.serviceName,
      whatHappened: snippet(other.whatHappened),
    }));
}

// The complaint being triaged and the one it may repeat, if the viewer may link them: the same
// person's, neither merged nor anonymised. Anything else is no possible duplicate (404).
async function pairFor(ctx: CaseworkContext, principal: Viewer, reference: string, otherReference: string) {
  const complaint = await forTeam(ctx, principal, reference);
  const other = await forTeam(ctx, principal, otherReference).catch((error: unknown) => {
    if (error instanceof NotFound) throw new NotFound(notFound);
    throw error;
  });
  const linkable =
    complaint.status === 'awaiting-triage' &&
    other.id !== complaint.id &&
    other.customerId === complaint.customerId &&
    other.status !== 'merged' &&
    can(principal, 'link-duplicate', {
      anonymised: complaint.anonymisedAt !== null,
      otherAnonymised: other.anonymisedAt !== null,
    });
  if (!linkable) throw new NotFound(notFound);
  return { complaint, other };
}

// Both complaints side by side, for the officer to decide; with how alike their words are. The
// view of the other complaint is audited (the page's own complaint is, by casework's view).
export async function duplicatePair(
  ctx: CaseworkContext,
  principal: Principal,
  reference: string,
  otherReference: string,
  requestId?: string,
) {
  const { complaint, other } = await pairFor(ctx, principal, reference, otherReference);
  await recordAccess(
    ctx.db,
    actorFor(principal, requestId),
    { action: 'complaint.viewed', recordType: 'complaint', recordId: other.id },
    ctx.clock.now(),
  );
  const similarity = textSimilarity(complaint.whatHappened, other.whatHappened);
  return {
    complaint,
    other: { ...other, statusName: statusNames[other.status] },
    similarPercent: Math.round(similarity * 100),
    similar: similarity >= similarityThreshold,
  };
}

// Both locked, in the order of their ids so that two officers merging the pair either way round
// cannot deadlock, and read again inside the transaction.
async function lockPair(trx: Kysely<Database>, councilId: string, ids: [string, string]) {
  const [first, second] = [...ids].sort();
  const a = await core.complaintById(trx, councilId, first as string, true);
  const b = await core.complaintById(trx, councilId, second as string, true);
  const byId = new Map([a, b].flatMap((row) => (row ? [[row.id, row] as const] : [])));
  const complaint = byId.get(ids[0]);
  const other = byId.get(ids[1]);
  if (!complaint || !other) throw new NotFound(notFound);
  return { complaint, other };
}

// Merge: the complaint being triaged is closed as a duplicate of the other, which goes on. It is
// kept, named on the other's case with its contact details and files, and counted once in reports.
export async function mergeDuplicate(
  ctx: CaseworkContext,
  principal: Principal,
  reference: string,
  otherReference: string,
  requestId?: string,
) {
  const pair = await pairFor(ctx, principal, reference, otherReference);
  const actor = actorFor(principal, requestId);
  const { councilId } = principal;
  const at = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    const { complaint, other } = await lockPair(trx, councilId, [pair.complaint.id, pair.other.id]);
    if (other.status === 'merged' || other.anonymisedAt)
      throw refused(
        'decision',
        `${other.reference} has been merged into another complaint: merge into that one`,
      );
    checkMove(complaint, 'merged', 'complaints-team', 'decision');
    const moved = await repo.merge(trx, councilId, {
      id: complaint.id,
      intoId: other.id,
      on: londonDate(at),
      at,
    });
    await audit(trx, actor, at, {
      action: 'complaint.merged',
      complaintId: complaint.id,
      before: { status: complaint.status },
      after: { status: 'merged', duplicate_of: other.id, duplicateOf: other.reference },
    });
    await audit(trx, actor, at, {
      action: 'complaint.duplicate-merged-in',
      complaintId: other.id,
      after: { duplicate: complaint.id, reference: complaint.reference, alsoMoved: moved },
    });
  });
}

// Keep both: the two are different complaints, and the pair is not flagged again.
export async function keepBoth(
  ctx: CaseworkContext,
  principal: Principal,
  reference: string,
  otherReference: string,
  requestId?: string,
) {
  const { complaint, other } = await pairFor(ctx, principal, reference, otherReference);
  const at = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    const by = { personId: principal.personId, at };
    if (!(await repo.keepApart(trx, principal.councilId, pairOf(complaint.id, other.id), by))) return;
    await audit(trx, actorFor(principal, requestId), at, {
      action: 'complaint.duplicate-kept-apart',
      complaintId: complaint.id,
      after: { other: other.id, otherReference: other.reference },
    });
  });
}

// For a case page: the reference of the complaint it was merged into, if it was.
export async function survivorReference(ctx: CaseworkContext, councilId: string, complaint: Complaint) {
  if (!complaint.duplicateOf) return null;
  return (await core.complaintById(ctx.db, councilId, complaint.duplicateOf))?.reference ?? null;
}
