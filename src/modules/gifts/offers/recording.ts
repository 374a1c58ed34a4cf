import { actorFor, appendAudit } from '../../../platform/audit/audit-trail.ts';
import type { Principal } from '../../../platform/auth/principal.ts';
import { londonDate } from '../../../platform/calendar/daylight.ts';
import { draftStore } from '../../../platform/db/drafts.ts';
import { uuidv7 } from '../../../platform/db/ids.ts';
import { InvalidInput, NotFound } from '../../../platform/errors.ts';
import type { ModuleDeps, Person } from '../../organisation/service.ts';
import { entryOf, type GiftOffer } from '../offer.ts';
import {
  type Approver,
  eventDateError,
  type GiftPolicy,
  giftVerdict,
  type OfferFacts,
  offerorKey,
  registerKeyFor,
  stateFor,
  type Verdict,
} from '../rules.ts';
import { approvalRequestEmail } from './emails.ts';
import { type OfferInput, parseOfferInput } from './input.ts';
import * as repo from './repository.ts';

// Recording an offer: the question pages keep a draft, the check page shows the register's
// verdict, and submitting records the entry and asks for approval where it is needed.

export const drafts = draftStore('gift_draft');

// The same day a year earlier; 29 February's is 28 February.
const yearBefore = (date: string) =>
  `${Number(date.slice(0, 4)) - 1}${date.slice(4).replace('-02-29', '-02-28')}`;
const seniorRoles = ['head-of-service', 'director', 'chief-executive'] as const;
const isSenior = (person: Person) => seniorRoles.some((role) => person.roles.includes(role));

export async function giftPolicy(
  { organisation }: ModuleDeps,
  councilId: string,
): Promise<GiftPolicy & { reviewMonths: number }> {
  const policy = await organisation.policy(councilId);
  return {
    thresholdPence: policy.giftRecordingThresholdPence,
    comparison: policy.giftThresholdComparison,
    tokenValueLimitPence: policy.tokenValueLimitPence,
    hospitalityNeedsApproval: policy.hospitalityNeedsApproval,
    reviewMonths: policy.giftReviewMonths,
  };
}

async function me({ organisation }: ModuleDeps, principal: Principal): Promise<Person> {
  const person = await organisation.person(principal.councilId, principal.personId);
  if (!person) throw new NotFound('No such person');
  return person;
}

// The register's verdict on an offer, given the offeror's offers in the 12 months before it.
export async function verdictFor(
  deps: ModuleDeps,
  councilId: string,
  recipientId: string,
  input: OfferInput,
  excludeId?: string,
) {
  const policy = await giftPolicy(deps, councilId);
  const key = offerorKey(input.offerorOrganisation, input.offerorPerson);
  const history = await repo.offerHistory(deps.db, councilId, {
    offerorKey: key,
    recipientId,
    from: yearBefore(input.offeredOn),
    to: input.offeredOn,
    excludeId,
  });
  const facts: OfferFacts = { ...input, offerorLabel: input.offerorOrganisation || input.offerorPerson };
  return { verdict: giftVerdict(facts, policy, history), key };
}

// The person who approves: for hospitality the head of the officer's service, for a legacy or
// prize the line manager; anyone senior, or without a head of service, asks their line manager.
async function approverOf({ organisation }: ModuleDeps, councilId: string, recipient: Person, by: Approver) {
  if (by === 'head-of-service' && recipient.serviceId && !isSenior(recipient)) {
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

// An offer being recorded, kept between the question pages.
export async function startDraft({ db, clock }: ModuleDeps, principal: Principal): Promise<string> {
  const now = clock.now();
  const id = uuidv7(now.getTime());
  await drafts.write(
    db,
    { councilId: principal.councilId, personId: principal.personId, id, answers: {} },
    now,
  );
  return id;
}

export async function draft({ db }: ModuleDeps, principal: Principal, id: string) {
  const answers = await drafts.read(db, principal.councilId, principal.personId, id);
  if (!answers)
    throw new NotFound('This offer has already been submitted, or was started more than a week ago');
  return answers;
}

// The verdict the check-your-answers page shows before the officer submits, and what is wrong
// with the date of the event if approval cannot be asked for as it is.
export async function preview(deps: ModuleDeps, principal: Principal, value: unknown) {
  const today = londonDate(deps.clock.now());
  const input = parseOfferInput(value, today);
  const { verdict } = await verdictFor(deps, principal.councilId, principal.personId, input);
  const recipient = await me(deps, principal);
  const approver = verdict.approval
    ? await approverOf(deps, principal.councilId, recipient, verdict.approval.by)
    : null;
  const eventProblem = eventDateError(input, stateFor(verdict, input.decision), today);
  return { input, verdict, approverName: approver?.name ?? null, eventProblem };
}

// The entry as first recorded, with what the register knows of its officer.
function newOffer(
  recorded: { id: string; reference: string; principal: Principal; at: Date },
  recipient: Person,
  input: OfferInput & { offerorKey: string; verdict: Verdict; state: GiftOffer['state'] },
  approverId: string | null,
): GiftOffer {
  const senior = isSenior(recipient);
  const { decision: _decision, ...offer } = input;
  return {
    ...offer,
    id: recorded.id,
    reference: recorded.reference,
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
    approverId,
    approvalDecision: null,
    approvalComment: '',
    approvalDecidedByName: null,
    approvalDecidedAt: null,
    version: 1,
    recordedBy: recorded.principal.personId,
    recordedAt: recorded.at,
    updatedAt: recorded.at,
  };
}

// Records an offer made to the signed-in officer. Accepting what must be declined is refused.
export async function record(
  deps: ModuleDeps,
  principal: Principal,
  value: unknown,
  options: { requestId?: string | undefined; draftId?: string | undefined } = {},
): Promise<GiftOffer> {
  const { db, clock, outbox, baseUrl } = deps;
  const now = clock.now();
  const input = parseOfferInput(value, londonDate(now));
  const { verdict, key } = await verdictFor(deps, principal.councilId, principal.personId, input);
  const state = stateFor(verdict, input.decision);
  if (state === null) {
    throw new InvalidInput([
      {
        key: 'decision',
        message: `You cannot accept this. ${verdict.mustDecline[0]?.text ?? ''} Record it as declined.`,
      },
    ]);
  }
  const eventProblem = eventDateError(input, state, londonDate(now));
  if (eventProblem) throw new InvalidInput([{ key: 'eventOn', message: eventProblem }]);
  const recipient = await me(deps, principal);
  const approver =
    state === 'awaiting-approval' && verdict.approval
      ? await approverOf(deps, principal.councilId, recipient, verdict.approval.by)
      : null;
  const id = uuidv7(now.getTime());
  return db.transaction().execute(async (trx) => {
    const reference = await repo.nextReference(trx, principal.councilId, Number(input.offeredOn.slice(0, 4)));
    const created = newOffer(
      { id, reference, principal, at: now },
      recipient,
      { ...input, offerorKey: key, verdict, state },
      approver?.id ?? null,
    );
    await repo.insertOffer(trx, principal.councilId, created, {
      reason: 'Recorded',
      byId: principal.personId,
      byName: principal.name,
      at: now,
    });
    if (options.draftId) await drafts.remove(trx, principal.councilId, options.draftId);
    await appendAudit(
      trx,
      actorFor(principal, options.requestId),
      { action: 'gift.recorded', recordType: 'gift', recordId: id, after: entryOf(created) },
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
}
