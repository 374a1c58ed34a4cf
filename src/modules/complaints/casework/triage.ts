import type { Kysely } from 'kysely';
import { type Actor, actorFor } from '../../../platform/audit/audit-trail.ts';
import type { Principal } from '../../../platform/auth/principal.ts';
import { dayMonthYear } from '../../../platform/calendar/date-text.ts';
import { londonDate } from '../../../platform/calendar/daylight.ts';
import type { WorkingCalendar } from '../../../platform/calendar/working-days.ts';
import type { Database } from '../../../platform/db/schema.ts';
import { InvalidInput } from '../../../platform/errors.ts';
import type { PolicySettings } from '../../organisation/service.ts';
import { basisParts, stageBasis, stageDeadlines } from '../deadline-rules.ts';
import * as repo from '../repository.ts';
import {
  isLate,
  isStatutoryRoute,
  isTriageDecision,
  redirectUrl,
  type StatutoryRoute,
  statutoryRoutes,
  type TriageDecision,
  type TriageInput,
  triageErrors,
  triageOutcomes,
} from '../triage-rules.ts';
import type { CaseworkContext, Complaint } from './context.ts';
import { audit, change, checkMove, currentStage, forTeam, recipientOf } from './context.ts';
import { summaryText } from './rules.ts';

type WorkingRules = { policy: PolicySettings; calendar: WorkingCalendar };

type Decided = {
  input: TriageInput;
  decision: TriageDecision;
  accepted: boolean;
  route: StatutoryRoute | null;
  change: repo.ComplaintChange;
};

// Accepting a complaint is its acknowledgement: the response is now due from today (the Code).
async function acknowledge(
  ctx: CaseworkContext,
  trx: Kysely<Database>,
  complaint: Complaint,
  { councilId, today, rules }: { councilId: string; today: string; rules: WorkingRules },
) {
  const { policy, calendar } = rules;
  const { stage } = await currentStage(ctx, councilId, complaint, trx);
  const deadlines = stageDeadlines(calendar, policy, complaint.regime, 1, stage.startedOn, today);
  // Only the response date is worked out again: the acknowledgement date, and so its line, stay
  // as they were worked out when the complaint was logged.
  const basis = { ...basisParts(stage.deadlineBasis), respond: deadlines.respondBy.basis };
  await repo.updateStage(trx, councilId, complaint.id, 1, {
    acknowledgedOn: today,
    respondBy: deadlines.respondBy.due,
    deadlineBasis: stageBasis(basis),
  });
  return deadlines.respondBy.due;
}

// The acknowledgement, or the refusal saying where to go instead.
function triageLetter(
  ctx: CaseworkContext,
  trx: Kysely<Database>,
  complaint: Complaint,
  decided: Decided,
  sent: { actor: Actor; at: Date; respondBy: string; policy: PolicySettings },
) {
  const { input, route } = decided;
  const instead = redirectUrl(decided.decision, route, sent.policy);
  return ctx.letters.write(trx, {
    councilId: sent.actor.councilId,
    kind: decided.accepted ? 'acknowledgement' : 'refusal',
    complaintId: complaint.id,
    customerId: complaint.customerId,
    recipient: recipientOf(complaint),
    values: decided.accepted
      ? { summary: summaryText(complaint.whatHappened), respondBy: dayMonthYear(sent.respondBy) }
      : {
          reason: input.reason,
          instead: instead
            ? `${route ? `${statutoryRoutes[route].name}: ` : ''}${instead}`
            : 'There is no other council process for this.',
        },
    housing: decided.change.housing ?? complaint.housing,
    sentBy: sent.actor,
    at: sent.at,
  });
}

function decide(principal: Principal, complaint: Complaint, input: TriageInput, late: boolean, at: Date) {
  if (!isTriageDecision(input.decision)) throw new Error('unreachable');
  const decision = input.decision;
  const accepted = triageOutcomes[decision].accepted;
  const route =
    decision === 'statutory-route' && isStatutoryRoute(input.statutoryRoute) ? input.statutoryRoute : null;
  const change: repo.ComplaintChange = {
    status: accepted ? 'stage-1' : 'not-accepted',
    housing: accepted ? input.housing === 'yes' : complaint.housing,
    triageDecision: decision,
    triageReason: input.reason,
    statutoryRoute: route,
    category: accepted ? input.category : null,
    lateAccepted: accepted && late,
    triagedBy: principal.personId,
    triagedAt: at,
    resolvedOn: accepted ? null : londonDate(at),
  };
  return { input, decision, accepted, route, change };
}

export async function triage(
  ctx: CaseworkContext,
  principal: Principal,
  reference: string,
  input: TriageInput,
  requestId?: string,
) {
  const found = await forTeam(ctx, principal, reference);
  const { councilId } = principal;
  const policy = await ctx.organisation.policy(councilId);
  const rules = { policy, calendar: await ctx.organisation.calendar(councilId) };
  const late = isLate(found.happenedOn, found.receivedOn, policy.lateComplaintMonths);
  const errors = triageErrors(input, late, policy.lateComplaintMonths);
  if (errors.length) throw new InvalidInput(errors);
  const actor = actorFor(principal, requestId);
  return change(ctx, councilId, found.id, async (trx, complaint, at) => {
    const decided = decide(principal, complaint, input, late, at);
    checkMove(complaint, decided.accepted ? 'stage-1' : 'not-accepted', 'complaints-team', 'decision');
    await repo.updateComplaint(trx, councilId, complaint.id, decided.change, at);
    const today = londonDate(at);
    const respondBy = decided.accepted
      ? await acknowledge(ctx, trx, complaint, { councilId, today, rules })
      : '';
    await audit(trx, actor, at, {
      action: 'complaint.triaged',

      complaintId: complaint.id,
      before: { status: complaint.status },
      // The decision as the complaint's columns name it; when is the event's own.
      after: { ...repo.complaintColumns(decided.change), triaged_at: undefined },
    });
    return triageLetter(ctx, trx, complaint, decided, { actor, at, respondBy, policy });
  });
}
