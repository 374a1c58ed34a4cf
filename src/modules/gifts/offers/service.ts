import { actorFor, appendAudit, recordAccess } from '../../platform/audit/audit-trail.ts';
import type { Principal } from '../../platform/auth/principal.ts';
import { londonDate } from '../../platform/calendar/daylight.ts';
import { draftStore } from '../../platform/db/drafts.ts';
import { uuidv7 } from '../../platform/db/ids.ts';
import { Forbidden, InvalidInput, NotFound } from '../../platform/errors.ts';
import { perCouncilCache } from '../../platform/short-cache.ts';
import type { CursorKey } from '../../platform/web/cursor.ts';
import type { ModuleDeps } from '../organisation/module-deps.ts';
import type { Person } from '../organisation/repository.ts';
import { seesWholeRegister, viewerOf } from '../organisation/viewer.ts';
import { approvalDecisionEmail, approvalRequestEmail } from './emails.ts';
import { type OfferInput, parseOfferInput } from './offer-input.ts';
import * as repo from './repository.ts';
import {
  type Approver,
  type GiftPolicy,
  giftVerdict,
  type OfferFacts,
  offerorKey,
  registerKeyFor,
  stateFor,
} from './rules.ts';
import { canSeeOffer, scopeFor } from './visibility.ts';

const drafts = draftStore('gift_draft');

export type GiftsDeps = ModuleDeps;

export type GiftsService = ReturnType<typeof giftsService>;

// The same day a year earlier; 29 February's is 28 February.
const yearBefore = (date: string) =>
  `${Number(date.slice(0, 4)) - 1}${date.slice(4).replace('-02-29', '-02-28')}`;
const seniorRoles = ['head-of-service', 'director', 'chief-executive'] as const;

export function giftsService(deps: GiftsDeps) {
  const { db, clock, outbox, baseUrl, organisation } = deps;

  async function giftPolicy(councilId: string): Promise<GiftPolicy & { reviewMonths: number }> {
    const policy = await organisation.policy(councilId);
    return {
      thresholdPence: policy.giftRecordingThresholdPence,
      comparison: policy.giftThresholdComparison,
      tokenValueLimitPence: policy.tokenValueLimitPence,
      hospitalityNeedsApproval: policy.hospitalityNeedsApproval,
      reviewMonths: policy.giftReviewMonths,
    };
  }

  async function me(principal: Principal): Promise<Person> {
    const person = await organisation.person(principal.councilId, principal.personId);
    if (!person) throw new NotFound('No such person');
    return person;
  }

  const viewer = (principal: Principal) => viewerOf(organisation, principal);

  const offerorLabel = (input: { offerorOrganisation: string; offerorPerson: string }) =>
    input.offerorOrganisation || input.offerorPerson;

  async function verdictFor(councilId: string, recipientId: string, input: OfferInput, excludeId?: string) {
    const policy = await giftPolicy(councilId);
    const key = offerorKey(input.offerorOrganisation, input.offerorPerson);
    const history = await repo.offerHistory(db, councilId, {
      offerorKey: key,
      recipientId,
      from: yearBefore(input.offeredOn),
      to: input.offeredOn,
      excludeId,
    });
    const facts: OfferFacts = { ...input, offerorLabel: offerorLabel(input) };
    return { verdict: giftVerdict(facts, policy, history), key };
  }

  // The person who approves: for hospitality the head of the officer's service, for a legacy or
  // prize the line manager; anyone senior, or without a head of service, asks their line manager.
  async function approverOf(councilId: string, recipient: Person, by: Approver): Promise<Person> {
    const senior = seniorRoles.some((role) => recipient.roles.includes(role));
    if (by === 'head-of-service' && recipient.serviceId && !senior) {
      const heads = await organisation.peopleWithRole(councilId, 'head-of-service', recipient.serviceId);
      const head = heads.find((person) => person.id !== recipient.id);
      if (head) return head;
    }
    const manager = recipient.lineManagerId
      ? await organisation.person(councilId, recipient.lineManagerId)
      : null;
    if (manager?.active) return manager;
    const [monitoringOfficer] = await organisation.peopleWithRole(councilId, 'monitoring-officer');
    if (monitoringOfficer && monitoringOfficer.id !== recipient.id) return monitoringOfficer;
    throw new InvalidInput([
      {
        key: 'decision',
        message: 'There is nobody to approve this: ask your system administrator to set your line manager',
      },
    ]);
  }

  async function visibleOffer(principal: Principal, id: string) {
    const offer = await repo.findOffer(db, principal.councilId, id);
    if (!offer) throw new NotFound('No such entry in the register');
    const chain = await organisation.managerChain(principal.councilId, offer.recipientId);
    if (!canSeeOffer(await viewer(principal), offer, chain)) {
      throw new Forbidden('You cannot see this entry');
    }
    return offer;
  }

  // Whose entries a person may see; HR, the monitoring officer and audit see all without lookups.
  async function scopeOf(principal: Principal): Promise<repo.RegisterScope> {
    if (seesWholeRegister(principal.roles)) return { all: true };
    return scopeFor(
      await viewer(principal),
      await organisation.reportIds(principal.councilId, principal.personId),
    );
  }

  const link = (offer: { id: string }) => `${baseUrl}/gifts/${offer.id}`;

  return {
    giftPolicy,

    services: perCouncilCache((councilId) => organisation.services(councilId)),

    // An offer being recorded, kept between the question pages.
    async startDraft(principal: Principal): Promise<string> {
      const now = clock.now();
      const id = uuidv7(now.getTime());
      await drafts.write(
        db,
        { councilId: principal.councilId, personId: principal.personId, id, answers: {} },
        now,
      );
      return id;
    },

    async draft(principal: Principal, id: string): Promise<Record<string, string>> {
      const answers = await drafts.read(db, principal.councilId, principal.personId, id);
      if (!answers)
        throw new NotFound('This offer has already been submitted, or was started more than a week ago');
      return answers;
    },

    saveDraft: (principal: Principal, id: string, answers: Record<string, string>) =>
      drafts.write(
        db,
        { councilId: principal.councilId, personId: principal.personId, id, answers: answers },
        clock.now(),
      ),

    removeAbandonedDrafts: () => drafts.removeAbandoned(db, clock.now()),

    // The verdict the check-your-answers page shows before the officer submits.
    async preview(principal: Principal, value: unknown) {
      const input = parseOfferInput(value, londonDate(clock.now()));
      const { verdict: withHistory } = await verdictFor(principal.councilId, principal.personId, input);
      const recipient = await me(principal);
      const approver = withHistory.approval
        ? await approverOf(principal.councilId, recipient, withHistory.approval.by)
        : null;
      return { input, verdict: withHistory, approverName: approver?.name ?? null };
    },

    // Records an offer made to the signed-in officer. Accepting what must be declined is refused.
    async record(
      principal: Principal,
      value: unknown,
      requestId?: string,
      draftId?: string,
    ): Promise<repo.GiftOffer> {
      const now = clock.now();
      const input = parseOfferInput(value, londonDate(now));
      const { verdict, key } = await verdictFor(principal.councilId, principal.personId, input);
      const state = stateFor(verdict, input.decision);
      if (state === null) {
        throw new InvalidInput([
          {
            key: 'decision',
            message: `You cannot accept this. ${verdict.mustDecline[0]?.text ?? ''} Record it as declined.`,
          },
        ]);
      }
      const recipient = await me(principal);
      const approver =
        state === 'awaiting-approval' && verdict.approval
          ? await approverOf(principal.councilId, recipient, verdict.approval.by)
          : null;
      const id = uuidv7(now.getTime());
      const senior = seniorRoles.some((role) => recipient.roles.includes(role));
      const offer = await db.transaction().execute(async (trx) => {
        const created: repo.GiftOffer = {
          id,
          reference: await repo.nextReference(trx, principal.councilId, Number(input.offeredOn.slice(0, 4))),
          recipientId: recipient.id,
          recipientName: recipient.name,
          jobTitle: recipient.jobTitle,
          serviceId: recipient.serviceId,
          serviceName: recipient.serviceName ?? '',
          senior,
          registerKey: registerKeyFor({
            serviceId: recipient.serviceId,
            lineManagerId: recipient.lineManagerId,
            senior,
            chiefExecutive: recipient.roles.includes('chief-executive'),
          }),
          kind: input.kind,
          nature: input.nature,
          description: input.description,
          offerorPerson: input.offerorPerson,
          offerorOrganisation: input.offerorOrganisation,
          offerorKey: key,
          relationship: input.relationship,
          valuePence: input.valuePence,
          offeredOn: input.offeredOn,
          state,
          reason: input.reason,
          outcome: input.outcome,
          verdict,
          approverId: approver?.id ?? null,
          approvalDecision: null,
          approvalComment: '',
          approvalDecidedByName: null,
          approvalDecidedAt: null,
          version: 1,
          recordedBy: principal.personId,
          recordedAt: now,
          updatedAt: now,
        };
        await repo.insertOffer(trx, principal.councilId, created, {
          reason: 'Recorded',
          byId: principal.personId,
          byName: principal.name,
          at: now,
        });
        if (draftId) await drafts.remove(trx, principal.councilId, draftId);
        await appendAudit(
          trx,
          actorFor(principal, requestId),
          { action: 'gift.recorded', recordType: 'gift', recordId: id, after: repo.entryOf(created) },
          now,
        );
        if (approver)
          await outbox.enqueue(
            trx,
            principal.councilId,
            approvalRequestEmail(approver, created, `${baseUrl}/gifts/approvals/${id}`),
          );
        return created;
      });
      return offer;
    },

    // Someone else's entry is personal data: who looked at it is audited (DOMAIN.md "Records").
    async view(principal: Principal, id: string, requestId?: string) {
      const offer = await visibleOffer(principal, id);
      if (offer.recipientId !== principal.personId) {
        await recordAccess(
          db,
          actorFor(principal, requestId),
          { action: 'gift.viewed', recordType: 'gift', recordId: id },
          clock.now(),
        );
      }
      const [versions, queries] = await Promise.all([
        repo.offerVersions(db, principal.councilId, id),
        repo.queriesOf(db, principal.councilId, [id]),
      ]);
      return { offer, versions, queries };
    },

    // The officer corrects their entry; the change is a new version, shown to reviewers as an
    // amendment if the period was already signed off.
    async amend(principal: Principal, id: string, value: unknown, requestId?: string) {
      const offer = await visibleOffer(principal, id);
      if (offer.recipientId !== principal.personId)
        throw new Forbidden('Only the officer it was offered to can amend an entry');
      const body = (value ?? {}) as Record<string, unknown>;
      const changeReason = typeof body.changeReason === 'string' ? body.changeReason.trim() : '';
      const input = parseOfferInput(
        {
          ...offer,
          decision: offer.state === 'declined' ? 'declined' : 'accepted',
          description: body.description,
          valuePence: body.valuePence,
          reason: body.reason,
          outcome: body.outcome,
        },
        londonDate(clock.now()),
      );
      const errors = [];
      if (!changeReason) errors.push({ key: 'changeReason', message: 'Say why you are amending the entry' });
      else if (changeReason.length > 500)
        errors.push({
          key: 'changeReason',
          message: 'Reason for the amendment must be 500 characters or fewer',
        });
      const { verdict } = await verdictFor(principal.councilId, offer.recipientId, input, id);
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
      const now = clock.now();
      const amended: repo.GiftOffer = {
        ...offer,
        description: input.description,
        valuePence: input.valuePence,
        reason: input.reason,
        outcome: input.outcome,
        verdict,
        version: offer.version + 1,
        updatedAt: now,
      };
      await db.transaction().execute(async (trx) => {
        const saved = await repo.saveOffer(trx, principal.councilId, amended, {
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
            before: repo.entryOf(offer),
            after: { ...repo.entryOf(amended), changeReason },
          },
          now,
        );
      });
      return amended;
    },

    approvals: (principal: Principal) => repo.awaitingApprovalBy(db, principal.councilId, principal.personId),

    approvalsWaiting: (principal: Principal) =>
      repo.awaitingApprovalCount(db, principal.councilId, principal.personId),

    // The approver's decision; only the person asked may make it, and only once.
    async decide(principal: Principal, id: string, value: unknown, requestId?: string) {
      const offer = await repo.findOffer(db, principal.councilId, id);
      if (!offer) throw new NotFound('No such entry in the register');
      if (offer.approverId !== principal.personId) throw new Forbidden('This approval is not yours to give');
      if (offer.state !== 'awaiting-approval') {
        throw new InvalidInput([{ key: 'decision', message: 'This offer has already been decided' }]);
      }
      const body = (value ?? {}) as Record<string, unknown>;
      const decision = body.decision;
      const comment = typeof body.comment === 'string' ? body.comment.trim() : '';
      const errors = [];
      if (decision !== 'approved' && decision !== 'refused') {
        errors.push({ key: 'decision', message: 'Select whether you approve it' });
      }
      if (decision === 'refused' && !comment)
        errors.push({ key: 'comment', message: 'Say why you refuse it' });
      if (comment.length > 1000)
        errors.push({ key: 'comment', message: 'Comment must be 1000 characters or fewer' });
      if (errors.length) throw new InvalidInput(errors);
      const now = clock.now();
      const decided: repo.GiftOffer = {
        ...offer,
        state: decision === 'approved' ? 'accepted' : 'declined',
        approvalDecision: decision as 'approved' | 'refused',
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
        if (!saved)
          throw new InvalidInput([{ key: 'decision', message: 'This offer has already been decided' }]);
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
            approvalDecisionEmail(recipient, decided, link(decided)),
          );
      });
      return decided;
    },

    async register(
      principal: Principal,
      filter: repo.RegisterFilter,
      page: { sort: repo.RegisterSort; limit: number; after?: CursorKey | undefined },
    ) {
      return repo.listOffers(db, principal.councilId, await scopeOf(principal), filter, page);
    },

    // The register as CSV rows, read a batch at a time so that memory stays flat however long it is.
    async *registerRows(principal: Principal, filter: repo.RegisterFilter, sort: repo.RegisterSort) {
      const scope = await scopeOf(principal);
      await db.transaction().execute(async (trx) => {
        await appendAudit(
          trx,
          actorFor(principal),
          { action: 'gift.register-exported', recordType: 'gift', after: { filter, sort } },
          clock.now(),
        );
      });
      let after: CursorKey | undefined;
      do {
        const batch = await repo.exportOffers(db, principal.councilId, scope, filter, {
          sort,
          limit: 2000,
          after,
        });
        yield batch.offers;
        after = batch.next ?? undefined;
      } while (after);
    },
  };
}
