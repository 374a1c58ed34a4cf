import type { Kysely } from 'kysely';
import { type Actor, actorFor } from '../../../platform/audit/audit-trail.ts';
import type { Principal } from '../../../platform/auth/principal.ts';
import { dayMonthYear } from '../../../platform/calendar/date-text.ts';
import { londonDate } from '../../../platform/calendar/daylight.ts';
import { addMonths } from '../../../platform/calendar/months.ts';
import type { Database } from '../../../platform/db/schema.ts';
import { type FieldError, InvalidInput } from '../../../platform/errors.ts';
import { emitWebhook } from '../../../platform/webhooks/emit.ts';
import { outcomeWords } from '../../letters/service.ts';
import {
  basisParts,
  ExtensionRefused,
  extensionDeadline,
  stageBasis,
  stageDeadlines,
} from '../deadline-rules.ts';
import * as core from '../repository.ts';
import type { ComplaintStatus } from '../status-rules.ts';
import {
  audit,
  type CaseworkContext,
  type Complaint,
  change,
  checkMove,
  currentStage,
  forTeam,
  recipientOf,
  refused,
  textErrors,
} from './context.ts';
import { responderRefusal } from './handler-rules.ts';
import * as repo from './repository.ts';
import { escalateWithinMonths, type Outcome, outcomes, remedyText, responseLetterKind } from './rules.ts';

// A stage's course: its deadline extended, its response, the escalation to stage 2, and closing.

export async function extend(
  ctx: CaseworkContext,
  principal: Principal,
  reference: string,
  input: { days: string; reason: string },
  requestId?: string,
) {
  const found = await forTeam(ctx, principal, reference);
  const { councilId } = principal;
  const policy = await ctx.organisation.policy(councilId);
  const calendar = await ctx.organisation.calendar(councilId);
  const errors: FieldError[] = [];
  const days = /^\d{1,3}$/.test(input.days) ? Number(input.days) : Number.NaN;
  errors.push(
    ...textErrors('reason', input.reason, 'Give the good reason for the extension (the Code)', 2000),
  );
  const actor = actorFor(principal, requestId);
  return change(ctx, councilId, found.id, async (trx, complaint, at) => {
    if (complaint.status !== 'stage-1' && complaint.status !== 'stage-2')
      throw refused('days', 'Only a stage awaiting its response can be extended');
    const { stage } = await currentStage(ctx, councilId, complaint, trx);
    const original = stage.respondBy ?? stage.acknowledgeBy;
    // The limit is on the whole extension: a second one is measured from the original date.
    let deadline: { due: string; basis: string } | null = null;
    try {
      deadline = extensionDeadline(calendar, policy, complaint.regime, complaint.stage, original, days);
    } catch (error) {
      if (!(error instanceof ExtensionRefused)) throw error;
      errors.push({ key: 'days', message: error.message });
    }
    if (errors.length || !deadline) throw new InvalidInput(errors);
    // The same extension again (a second click, or two people at once) changes nothing and writes
    // no second letter.
    if (stage.extendedTo === deadline.due)
      throw refused('days', `The response is already extended to ${dayMonthYear(deadline.due)}`);
    const previous = stage.extendedTo ?? original;
    await core.updateStage(trx, councilId, complaint.id, complaint.stage, {
      extendedTo: deadline.due,
      extensionReason: input.reason,
      extendedAt: at,
      deadlineBasis: stageBasis({ ...basisParts(stage.deadlineBasis), extension: deadline.basis }),
    });
    const after = { stage: complaint.stage, due: deadline.due, days, reason: input.reason };
    const before = { stage: complaint.stage, due: previous };
    await audit(trx, actor, at, { action: 'complaint.extended', complaintId: complaint.id, before, after });
    const values = {
      previousDate: dayMonthYear(previous),
      newDate: dayMonthYear(deadline.due),
      reason: input.reason,
    };
    return ctx.letters.write(trx, {
      councilId,
      kind: 'extension',
      complaintId: complaint.id,
      customerId: complaint.customerId,
      recipient: recipientOf(complaint),
      values,
      housing: complaint.housing,
      sentBy: actor,
      at,
    });
  });
}

function responseErrors(input: { outcome: string; findings: string }): FieldError[] {
  const errors: FieldError[] = [];
  if (!Object.hasOwn(outcomes, input.outcome)) errors.push({ key: 'outcome', message: 'Select the outcome' });
  errors.push(...textErrors('findings', input.findings, 'Enter what the investigation found', 20000));
  return errors;
}

// What the response letter says: the outcome, the findings, the remedies of this stage, and after
// stage 1 by when and where to escalate.
async function responseValues(
  trx: Kysely<Database>,
  councilId: string,
  complaint: Complaint,
  response: { outcome: Outcome; findings: string; today: string; progressUrl: string },
) {
  const remedyLines = (await repo.remedies(trx, councilId, complaint.id))
    .filter((r) => r.stage === complaint.stage)
    .map((r) => `- ${remedyText(r)}, by ${dayMonthYear(r.dueOn)}`);
  const values: Record<string, string> = {
    outcome: outcomeWords[response.outcome],
    findings: response.findings,
    remedies: remedyLines.length ? remedyLines.join('\n') : 'We do not need to do anything further.',
  };
  if (responseLetterKind(complaint.regime, complaint.stage) === 'stage-1-response') {
    values.escalateBy = dayMonthYear(addMonths(response.today, escalateWithinMonths));
    values.escalateHow = response.progressUrl;
  }
  return values;
}

export async function respond(
  ctx: CaseworkContext,
  principal: Principal,
  reference: string,
  input: { outcome: string; findings: string },
  requestId?: string,
) {
  const found = await forTeam(ctx, principal, reference);
  const errors = responseErrors(input);
  if (errors.length) throw new InvalidInput(errors);
  const outcome = input.outcome as Outcome;
  const { councilId } = principal;
  const actor = actorFor(principal, requestId);
  const { slug } = await ctx.organisation.council(councilId);
  const progressUrl = `${ctx.baseUrl}/public/${slug}/complaints/progress`;
  return change(ctx, councilId, found.id, async (trx, complaint, at) => {
    const to: ComplaintStatus = complaint.stage === 1 ? 'stage-1-responded' : 'stage-2-responded';
    checkMove(complaint, to, 'complaints-team', 'outcome');
    const { firstHandlerId } = await currentStage(ctx, councilId, complaint, trx);
    const refusal = responderRefusal(principal.personId, complaint.stage, firstHandlerId);
    if (refusal) throw refused('outcome', refusal);
    const today = londonDate(at);
    const { findings } = input;
    await core.updateStage(trx, councilId, complaint.id, complaint.stage, {
      respondedOn: today,
      outcome,
      findings,
    });
    await core.updateComplaint(trx, councilId, complaint.id, { status: to, resolvedOn: today }, at);
    await audit(trx, actor, at, {
      action: 'complaint.responded',

      complaintId: complaint.id,
      before: { status: complaint.status },
      after: { status: to, stage: complaint.stage, outcome },
    });
    return ctx.letters.write(trx, {
      councilId,
      kind: responseLetterKind(complaint.regime, complaint.stage),
      complaintId: complaint.id,
      customerId: complaint.customerId,
      recipient: recipientOf(complaint),
      values: await responseValues(trx, councilId, complaint, { outcome, findings, today, progressUrl }),
      housing: complaint.housing,
      sentBy: actor,
      at,
    });
  });
}

// To stage 2: by a member of staff (an escalation received by phone or letter) or, with `by`
// null, by the complainant online; no reason is needed (the Code).
export async function escalate(
  ctx: CaseworkContext,
  councilId: string,
  complaintId: string,
  by: Actor | null,
  reason: string,
) {
  const policy = await ctx.organisation.policy(councilId);
  const calendar = await ctx.organisation.calendar(councilId);
  // Not their name: the audit trail outlives the anonymising of complainants' personal data.
  const actor: Actor = by ?? { councilId, personId: null, label: 'Complainant (progress page)' };
  return change(ctx, councilId, complaintId, async (trx, complaint, at) => {
    checkMove(complaint, 'stage-2', by ? 'complaints-team' : 'complainant', 'reason');
    const today = londonDate(at);
    // The escalation acknowledgement letter is sent now, so stage 2 is acknowledged today.
    const deadlines = stageDeadlines(calendar, policy, complaint.regime, 2, today, today);
    const respondBy = deadlines.respondBy.due;
    await core.insertStage(trx, councilId, complaint.id, {
      stage: 2,
      startedOn: today,
      acknowledgeBy: deadlines.acknowledgeBy.due,
      acknowledgedOn: today,
      respondBy,
      deadlineBasis: `${deadlines.acknowledgeBy.basis}\n${deadlines.respondBy.basis}`,
      escalationReason: reason.slice(0, 5000),
    });
    await core.updateComplaint(
      trx,
      councilId,
      complaint.id,
      { status: 'stage-2', stage: 2, resolvedOn: null },
      at,
    );
    const after = { status: 'stage-2', reasonGiven: reason !== '', respondBy };
    const before = { status: complaint.status };
    await audit(trx, actor, at, { action: 'complaint.escalated', complaintId: complaint.id, before, after });
    return ctx.letters.write(trx, {
      councilId,
      kind: 'escalation-acknowledgement',
      complaintId: complaint.id,
      customerId: complaint.customerId,
      recipient: recipientOf(complaint),
      values: {
        respondBy: dayMonthYear(respondBy),
        handler: 'a complaints officer who did not handle stage 1',
      },
      housing: complaint.housing,
      sentBy: by,
      at,
    });
  });
}

// Staff record an escalation received by phone or letter.
export async function recordEscalation(
  ctx: CaseworkContext,
  principal: Principal,
  reference: string,
  reason: string,
  requestId?: string,
) {
  const complaint = await forTeam(ctx, principal, reference);
  if (reason.length > 5000) throw refused('reason', 'The reason must be 5,000 characters or fewer');
  return escalate(ctx, principal.councilId, complaint.id, actorFor(principal, requestId), reason);
}

export async function close(
  ctx: CaseworkContext,
  principal: Principal,
  reference: string,
  requestId?: string,
) {
  const found = await forTeam(ctx, principal, reference);
  const actor = actorFor(principal, requestId);
  await change(ctx, principal.councilId, found.id, async (trx, complaint, at) => {
    checkMove(complaint, 'closed', 'complaints-team');
    await core.updateComplaint(
      trx,
      principal.councilId,
      complaint.id,
      { status: 'closed', closedAt: at },
      at,
    );
    await audit(trx, actor, at, {
      action: 'complaint.closed',

      complaintId: complaint.id,
      before: { status: complaint.status },
      after: { status: 'closed' },
    });
    const closed = { complaintId: complaint.id, reference: complaint.reference, stage: complaint.stage };
    await emitWebhook(trx, principal.councilId, { type: 'complaint.closed', data: closed }, at);
  });
}
