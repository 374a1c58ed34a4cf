import { actorFor, recordAccess } from '../../../platform/audit/audit-trail.ts';
import type { Principal } from '../../../platform/auth/principal.ts';
import { maxExtensionDays } from '../deadline-rules.ts';
import { caseAccess } from '../policy.ts';
import * as core from '../repository.ts';
import { housingByDefault, isLate } from '../triage-rules.ts';
import { type CaseworkContext, type Complaint, currentStage, forTeam, stageOf } from './context.ts';
import { survivorReference } from './duplicates.ts';
import * as repo from './repository.ts';

// What the case's pages show: the case header, and the whole case for the complaints team.

function summaryFrom(complaint: Complaint, stage: core.Stage) {
  return {
    id: complaint.id,
    reference: complaint.reference,
    customerId: complaint.customerId,
    customerName: complaint.customerName,
    serviceId: complaint.serviceId,
    serviceName: complaint.serviceName,
    status: complaint.status,
    regime: complaint.regime,
    stage: complaint.stage,
    housing: complaint.housing,
    receivedOn: complaint.receivedOn,
    handlerName: stage.handlerName,
    due: stage.respondedOn ? null : (stage.extendedTo ?? stage.respondBy),
  };
}

async function summaryOf(ctx: CaseworkContext, councilId: string, complaint: Complaint) {
  const { stage } = await currentStage(ctx, councilId, complaint);
  return summaryFrom(complaint, stage);
}

// The case header for other parts' pages; NotFound for anyone but the team.
export async function caseSummary(
  ctx: CaseworkContext,
  councilId: string,
  reference: string,
  viewer: { personId: string; roles: Principal['roles'] },
) {
  const complaint = await forTeam(ctx, { ...viewer, councilId }, reference);
  return summaryOf(ctx, councilId, complaint);
}

// Where a signed-in person may go for a complaint: the whole case, or their account request.
export async function accessTo(ctx: CaseworkContext, principal: Principal, reference: string) {
  const complaint = await core.complaintByReference(ctx.db, principal.councilId, reference);
  if (!complaint || complaint.anonymisedAt) return { access: 'none' as const };
  const { councilId, personId } = principal;
  const requestId = await repo.isAskedForAccount(ctx.db, councilId, complaint.id, personId);
  return { access: caseAccess(principal.roles, requestId !== null), requestId };
}

// The remedies' owners and the improvements' recorders by name, and who decided the triage.
async function withNames(
  ctx: CaseworkContext,
  councilId: string,
  complaint: Complaint,
  { remedies, improvements }: Pick<repo.CaseRecords, 'remedies' | 'improvements'>,
) {
  const ids = [...remedies.map((r) => r.ownerId), ...improvements.map((i) => i.recordedBy)];
  const people = await ctx.organisation.peopleByIds(
    councilId,
    complaint.triagedBy ? [...ids, complaint.triagedBy] : ids,
  );
  const nameOf = (id: string | null) => (id ? (people.get(id)?.name ?? null) : null);
  return {
    complaint: { ...complaint, triagedByName: nameOf(complaint.triagedBy) },
    remedies: remedies.map((remedy) => ({ ...remedy, ownerName: nameOf(remedy.ownerId) ?? '' })),
    improvements: improvements.map((item) => ({ ...item, recordedByName: nameOf(item.recordedBy) ?? '' })),
  };
}

// Everything about a case, for the complaints team; the view is audited.
export async function view(
  ctx: CaseworkContext,
  principal: Principal,
  reference: string,
  requestId?: string,
) {
  const found = await forTeam(ctx, principal, reference);
  const { councilId } = principal;
  const { policy, calendar } = await ctx.organisation.policyAndCalendar(
    councilId,
    principal.councilRulesVersion,
  );
  // Its own files come with those of the duplicates merged into it, each listed with its complaint.
  const [records, mergedInto, warning] = await Promise.all([
    repo.caseRecords(ctx.db, councilId, found.id),
    survivorReference(ctx, councilId, found),
    ctx.customers.contactWarning(councilId, found.customerId, found.serviceId),
  ]);
  const { stages, accounts, documents } = records;
  const named = await withNames(ctx, councilId, found, records);
  const { complaint, remedies, improvements } = named;
  await recordAccess(
    ctx.db,
    actorFor(principal, requestId),
    { action: 'complaint.viewed', recordType: 'complaint', recordId: complaint.id },
    ctx.clock.now(),
  );
  return {
    complaint,
    summary: summaryFrom(complaint, stageOf(complaint, stages)),
    stages,
    accounts,
    remedies,
    improvements,
    documents: documents.filter((document) => document.complaintId === found.id),
    mergedInto,
    duplicates: records.merged.map((duplicate) => ({
      ...duplicate,
      documents: documents.filter((document) => document.complaintId === duplicate.id),
    })),
    warning,
    calendar,
    atRiskDays: policy.complaintReminderWorkingDays,
    late: isLate(complaint.happenedOn, complaint.receivedOn, policy.lateComplaintMonths),
    lateMonths: policy.lateComplaintMonths,
    housingDefault: complaint.housing || housingByDefault(complaint.serviceName),
    maxExtensionDays:
      complaint.stage === 1 || complaint.regime === 'complaint-handling-code'
        ? maxExtensionDays(policy, complaint.regime, complaint.stage)
        : 0,
  };
}
