import { actorFor, appendAudit, recordViewOf } from '../../../platform/audit/audit-trail.ts';
import type { Principal } from '../../../platform/auth/principal.ts';
import { londonDate } from '../../../platform/calendar/daylight.ts';
import { type FieldError, Forbidden, InvalidInput, NotFound, parseInput } from '../../../platform/errors.ts';
import { type ModuleDeps, viewerOf } from '../../organisation/service.ts';
import { entryOf, type GiftOffer } from '../offer.ts';
import { can } from '../policy.ts';
import { queriesOf } from '../reviews/repository.ts';
import { approvalDecisionEmail } from './emails.ts';
import { amendBody, changeReasonInput, decisionInput, parseOfferInput } from './input.ts';
import * as recording from './recording.ts';
import * as repo from './repository.ts';

// An entry the asker may see, or why not.
export async function visibleOffer({ db, organisation }: ModuleDeps, principal: Principal, id: string) {
  const offer = await repo.findOffer(db, principal.councilId, id);
  if (!offer) throw new NotFound('No such entry in the register');
  const recipientManagerChain = await organisation.managerChain(principal.councilId, offer.recipientId);
  if (!can(viewerOf(principal), 'see-offer', { ...offer, recipientManagerChain }))
    throw new Forbidden('You cannot see this entry');
  return offer;
}

// Someone else's entry is personal data: who looked at it is audited (DOMAIN.md "Records").
async function view(deps: ModuleDeps, principal: Principal, id: string, requestId?: string) {
  const { db, clock } = deps;
  const offer = await visibleOffer(deps, principal, id);
  await recordViewOf(
    db,
    offer.recipientId,
    actorFor(principal, requestId),
    { action: 'gift.viewed', recordType: 'gift', recordId: id },
    clock.now(),
  );
  const [versions, queries] = await Promise.all([
    repo.offerVersions(db, principal.councilId, id),
    queriesOf(db, principal.councilId, [id]),
  ]);
  return { offer, versions, queries };
}

// The corrected entry, checked: what may change (description, value, reason, what happened to
// it), why it changed, and that the change leaves what the register asks of the offer as it was;
// an offer that would now need approval or declining is recorded again as a new offer.
async function checkedAmendment(deps: ModuleDeps, councilId: string, offer: GiftOffer, value: unknown) {
  const body = amendBody.parse(value);
  const input = parseOfferInput(
    {
      ...offer,
      decision: offer.state === 'declined' ? 'declined' : 'accepted',
      description: body.description,
      valuePence: body.valuePence,
      reason: body.reason,
      outcome: body.outcome,
    },
    londonDate(deps.clock.now()),
  );
  const errors: FieldError[] = [];
  const changeReason = changeReasonInput.safeParse(body.changeReason);
  if (!changeReason.success)
    errors.push({ key: 'changeReason', message: changeReason.error.issues[0]?.message ?? '' });
  const { verdict } = await recording.verdictFor(deps, councilId, offer.recipientId, input, offer.id);
  if (
    offer.state !== 'declined' &&
    verdict.outcome !== offer.verdict.outcome &&
    verdict.outcome !== 'record' &&
    verdict.outcome !== 'no-entry-needed'
  ) {
    errors.push({
      key: 'valuePence',
      message:
        'At this value the offer would need approval or have to be declined: record it again as a new offer instead',
    });
  }
  if (errors.length) throw new InvalidInput(errors);
  return { input, verdict, changeReason: changeReason.data ?? '' };
}

// The officer corrects their entry; the change is a new version, shown to reviewers as an
// amendment if the period was already signed off.
async function amend(deps: ModuleDeps, principal: Principal, id: string, value: unknown, requestId?: string) {
  const offer = await visibleOffer(deps, principal, id);
  if (!can(viewerOf(principal), 'amend-offer', offer))
    throw new Forbidden('Only the officer it was offered to can amend an entry');
  const { input, verdict, changeReason } = await checkedAmendment(deps, principal.councilId, offer, value);
  const now = deps.clock.now();
  const changed: GiftOffer = {
    ...offer,
    description: input.description,
    valuePence: input.valuePence,
    reason: input.reason,
    outcome: input.outcome,
    verdict,
    version: offer.version + 1,
    updatedAt: now,
  };
  await deps.db.transaction().execute(async (trx) => {
    const saved = await repo.saveOffer(trx, principal.councilId, changed, {
      reason: changeReason,
      byId: principal.personId,
      byName: principal.name,
      at: now,
    });
    if (!saved)
      throw new InvalidInput([
        { key: 'form', message: 'Someone else changed this entry first: check it and try again' },
      ]);
    await appendAudit(
      trx,
      actorFor(principal, requestId),
      {
        action: 'gift.amended',
        recordType: 'gift',
        recordId: id,
        before: entryOf(offer),
        after: { ...entryOf(changed), changeReason },
      },
      now,
    );
  });
  return changed;
}

// The approver's decision; only the person asked may make it, and only once.
async function decide(
  deps: ModuleDeps,
  principal: Principal,
  id: string,
  value: unknown,
  requestId?: string,
) {
  const { db, clock, outbox, baseUrl, organisation } = deps;
  const offer = await repo.findOffer(db, principal.councilId, id);
  if (!offer) throw new NotFound('No such entry in the register');
  if (!can(viewerOf(principal), 'decide-approval', offer))
    throw new Forbidden('This approval is not yours to give');
  if (offer.state !== 'awaiting-approval') {
    throw new InvalidInput([{ key: 'decision', message: 'This offer has already been decided' }]);
  }
  const { decision, comment } = parseInput(decisionInput, value);
  if (decision === 'refused' && !comment)
    throw new InvalidInput([{ key: 'comment', message: 'Say why you refuse it' }]);
  const now = clock.now();
  const decided: GiftOffer = {
    ...offer,
    state: decision === 'approved' ? 'accepted' : 'declined',
    approvalDecision: decision,
    approvalComment: comment,
    approvalDecidedByName: principal.name,
    approvalDecidedAt: now,
    version: offer.version + 1,
    updatedAt: now,
  };
  const recipient = await organisation.person(principal.councilId, offer.recipientId);
  await db.transaction().execute(async (trx) => {
    const saved = await repo.saveOffer(trx, principal.councilId, decided, {
      reason: decision === 'approved' ? 'Approved' : 'Approval refused',
      byId: principal.personId,
      byName: principal.name,
      at: now,
    });
    if (!saved) throw new InvalidInput([{ key: 'decision', message: 'This offer has already been decided' }]);
    await appendAudit(
      trx,
      actorFor(principal, requestId),
      {
        action: decision === 'approved' ? 'gift.approved' : 'gift.refused',
        recordType: 'gift',
        recordId: id,
        before: { state: offer.state },
        after: { state: decided.state, comment },
      },
      now,
    );
    if (recipient)
      await outbox.enqueue(
        trx,
        principal.councilId,
        approvalDecisionEmail(recipient, decided, `${baseUrl}/gifts/${decided.id}`),
      );
  });
  return decided;
}

export type GiftOffers = ReturnType<typeof giftOffers>;

// Recording offers, reading and correcting entries, and approving the offers that need it.
export function giftOffers(deps: ModuleDeps) {
  const { db, clock } = deps;
  return {
    giftPolicy: (councilId: string) => recording.giftPolicy(deps, councilId),
    startDraft: (principal: Principal) => recording.startDraft(deps, principal),
    draft: (principal: Principal, id: string) => recording.draft(deps, principal, id),
    saveDraft: (principal: Principal, id: string, answers: Record<string, string>) =>
      recording.drafts.write(
        db,
        { councilId: principal.councilId, personId: principal.personId, id, answers },
        clock.now(),
      ),
    removeAbandonedDrafts: () => recording.drafts.removeAbandoned(db, clock.now()),
    preview: (principal: Principal, value: unknown) => recording.preview(deps, principal, value),
    record: (principal: Principal, value: unknown, requestId?: string, draftId?: string) =>
      recording.record(deps, principal, value, { requestId, draftId }),
    view: (principal: Principal, id: string, requestId?: string) => view(deps, principal, id, requestId),
    amend: (principal: Principal, id: string, value: unknown, requestId?: string) =>
      amend(deps, principal, id, value, requestId),
    approvals: (principal: Principal) => repo.awaitingApprovalBy(db, principal.councilId, principal.personId),
    approvalsWaiting: (principal: Principal) =>
      repo.awaitingApprovalCount(db, principal.councilId, principal.personId),
    decide: (principal: Principal, id: string, value: unknown, requestId?: string) =>
      decide(deps, principal, id, value, requestId),
  };
}
