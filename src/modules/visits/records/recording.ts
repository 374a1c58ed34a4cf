// Recording a visit: its outcome, and each flag's follow-up made in the same transaction (a
// referral emailed through the outbox, a risk-register nomination, a recovery hold), with the
// audit event. A record is kept as first made: a second is refused.
import type { Kysely } from 'kysely';
import { actorFor, appendAudit } from '../../../platform/audit/audit-trail.ts';
import type { Principal } from '../../../platform/auth/principal.ts';
import { londonDate } from '../../../platform/calendar/daylight.ts';
import { uuidv7 } from '../../../platform/db/ids.ts';
import type { Database } from '../../../platform/db/schema.ts';
import { InvalidInput } from '../../../platform/errors.ts';
import type { EmailMessage } from '../../../platform/notify/mailer.ts';
import type { ModuleDeps } from '../../organisation/service.ts';
import type { VisitOutcome } from '../tables.ts';
import { recordPath, visitFor } from './access.ts';
import { askedToLeaveEmail, referralEmail } from './emails.ts';
import type { VisitComplaint, VisitRecordsPorts } from './ports.ts';
import * as repo from './repository.ts';
import {
  flags,
  type RecordInput,
  recipientOf,
  recordErrors,
  referralAddresses,
  unsentNote,
} from './rules.ts';

export type RecordsDeps = ModuleDeps & VisitRecordsPorts;

const alreadyRecorded = () =>
  new InvalidInput([
    { key: 'outcome', message: 'This visit’s outcome is already recorded: it cannot be recorded twice' },
  ]);

// Who the flags go to, and the officer's name for the emails.
async function recipients(deps: RecordsDeps, visit: repo.VisitFacts, managerChain: readonly string[]) {
  const { councilId } = visit;
  const [settings, officer, manager] = await Promise.all([
    deps.organisation.policy(councilId),
    deps.organisation.person(councilId, visit.officerId),
    managerChain[0] ? deps.organisation.person(councilId, managerChain[0]) : null,
  ]);
  return {
    addresses: referralAddresses(settings),
    lineManagerEmail: manager?.active ? manager.email : '',
    officerName: officer?.name ?? 'A field officer',
  };
}

// The complaint made during the visit, logged by the complaints module before the record's
// transaction (it has its own); the submission's id makes a retry find it instead of logging two.
async function logComplaint(
  deps: RecordsDeps,
  principal: Principal,
  visit: repo.VisitFacts,
  input: RecordInput,
  requestId: string,
): Promise<string> {
  const complaint = input.referrals.find((referral) => referral.kind === 'complaint');
  if (!complaint) return '';
  const receivedAt = deps.clock.now();
  const logged: VisitComplaint = {
    id: input.submission ?? uuidv7(receivedAt.getTime()),
    channel: 'in-person',
    receivedAt,
    customerId: visit.customerId,
    authority: null,
    facts: {
      forWhom: 'self',
      theirName: '',
      relationship: '',
      name: input.complainantName.trim(),
      email: '',
      phone: '',
      address: visit.address,
      preference: 'post',
      serviceId: null,
      whatHappened: `Made during a field visit to ${visit.address}: ${complaint.detail.trim()}`,
      happenedOn: londonDate(receivedAt),
      wantedOutcome: '',
      adjustments: '',
    },
  };
  return (await deps.logComplaint(principal, logged, requestId)).reference;
}

type Recipients = Awaited<ReturnType<typeof recipients>>;

// Each flag's referral, in the record's transaction: the row, the nomination for a threat, and the
// email to whoever it is passed to.
async function makeReferrals(
  deps: RecordsDeps,
  trx: Kysely<Database>,
  made: { visit: repo.VisitFacts; input: RecordInput; by: string; at: Date; complaintReference: string },
  to: Recipients,
  held: repo.RecoveryHold | null,
) {
  const { visit, at } = made;
  const emails: EmailMessage[] = [];
  const referrals = [];
  for (const { kind, detail } of made.input.referrals) {
    const sentTo = recipientOf(kind, to.addresses, to.lineManagerEmail);
    const complaintReference = kind === 'complaint' ? made.complaintReference : '';
    const referral = {
      id: uuidv7(at.getTime()),
      kind,
      detail: detail.trim(),
      sentTo,
      complaintReference,
      madeAt: at,
    };
    await repo.insertReferral(trx, visit, { ...referral, madeBy: made.by });
    referrals.push({ kind, sentTo, complaintReference });
    if (kind === 'violence') await nominate(deps, trx, visit, made.by, referral.detail);
    if (sentTo)
      emails.push(
        referralEmail(kind, sentTo, {
          visit,
          officerName: to.officerName,
          detail: referral.detail,
          complaintReference,
          recordUrl: flags[kind].to === 'line-manager' ? `${deps.baseUrl}${recordPath(visit)}` : null,
          held: kind === 'vulnerability' ? (held?.accountRef ?? null) : null,
        }),
      );
  }
  return { referrals, emails };
}

export async function recordVisit(
  deps: RecordsDeps,
  principal: Principal,
  ids: { planId: string; visitId: string },
  input: RecordInput,
  requestId: string,
): Promise<void> {
  const { visit, managerChain } = await visitFor(deps, principal, ids);
  // Only a visit that took place is recorded: not one dropped from the plan, nor one to come.
  if (visit.dropped)
    throw new InvalidInput([
      { key: 'outcome', message: 'This visit was dropped from the plan: there is nothing to record' },
    ]);
  if (visit.plannedStart > deps.clock.now())
    throw new InvalidInput([{ key: 'outcome', message: 'Record the visit once it has started' }]);
  const errors = recordErrors(input);
  if (errors.length) throw new InvalidInput(errors);
  if (await repo.recordOf(deps.db, visit.councilId, visit.visitId)) throw alreadyRecorded();
  const to = await recipients(deps, visit, managerChain);
  const complaintReference = await logComplaint(deps, principal, visit, input, requestId);
  await deps.db.transaction().execute(async (trx) => {
    const now = deps.clock.now();
    const record = {
      outcome: input.outcome as VisitOutcome,
      reason: input.reason.trim(),
      notes: input.notes.trim(),
      recordedBy: principal.personId,
      recordedAt: now,
    };
    if (!(await repo.insertRecord(trx, visit, record))) throw alreadyRecorded();
    const held = await holdIfVulnerable(trx, visit, input, principal.personId, now);
    const made = { visit, input, by: principal.personId, at: now, complaintReference };
    const { referrals, emails } = await makeReferrals(deps, trx, made, to, held);
    // 000: asked to leave, the officer reports the events leading up to it to their line manager.
    if (record.outcome === 'asked-to-leave' && to.lineManagerEmail)
      emails.push(
        askedToLeaveEmail(to.lineManagerEmail, {
          visit,
          officerName: to.officerName,
          reason: record.reason,
          recordUrl: `${deps.baseUrl}${recordPath(visit)}`,
        }),
      );
    await appendAudit(
      trx,
      actorFor(principal, requestId),
      {
        action: 'visit.recorded',
        recordType: 'planned_visit',
        recordId: visit.visitId,
        after: { outcome: record.outcome, referrals, recoveryHold: held?.id ?? null },
      },
      now,
    );
    await deps.outbox.enqueue(trx, visit.councilId, ...emails);
  });
}

// Vulnerability identified: recovery action on the visit's account is suspended [004].
function holdIfVulnerable(
  trx: Kysely<Database>,
  visit: repo.VisitFacts,
  input: RecordInput,
  by: string,
  at: Date,
) {
  const vulnerability = input.referrals.find((referral) => referral.kind === 'vulnerability');
  if (!vulnerability || !visit.accountRef) return Promise.resolve(null);
  return repo.placeHold(trx, visit.councilId, {
    id: uuidv7(at.getTime()),
    accountRef: visit.accountRef,
    visitId: visit.visitId,
    reason: vulnerability.detail.trim(),
    heldFrom: at,
    heldBy: by,
    liftedAt: null,
    liftedBy: null,
    liftReason: '',
  });
}

// A threat of violence: the person and address nominated for the risk register.
function nominate(
  deps: RecordsDeps,
  trx: Kysely<Database>,
  visit: repo.VisitFacts,
  by: string,
  reason: string,
) {
  return deps.nominateRisk(trx, visit.councilId, {
    address: visit.address,
    personName: visit.accountHolder,
    kind: 'violent',
    reason,
    nominatedBy: by,
    visitId: visit.visitId,
  });
}

export type ShownReferral = repo.Referral & { name: string; note: string | null };

// A visit's record as its page shows it: the outcome, what it was passed on as (and what could not
// be sent), and the recovery holds it placed.
export async function visitRecord(
  deps: ModuleDeps,
  principal: Principal,
  ids: { planId: string; visitId: string },
) {
  const { visit } = await visitFor(deps, principal, ids);
  const { councilId, visitId } = visit;
  const [record, referrals, holds] = await Promise.all([
    repo.recordOf(deps.db, councilId, visitId),
    repo.referralsOf(deps.db, councilId, visitId),
    repo.holdsPlacedAt(deps.db, councilId, visitId),
  ]);
  const shown: ShownReferral[] = referrals.map((referral) => ({
    ...referral,
    name: flags[referral.kind].name,
    note: referral.sentTo ? null : unsentNote(referral.kind),
  }));
  return { visit, record, referrals: shown, holds };
}
