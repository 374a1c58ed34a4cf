import { actorFor } from '../../../platform/audit/audit-trail.ts';
import type { Principal } from '../../../platform/auth/principal.ts';
import { isUuid } from '../../../platform/auth/secrets.ts';
import { nextDeadline } from '../deadline-rules.ts';
import * as repo from '../repository.ts';
import { audit, type CaseworkContext, caseLink, change, currentStage, forTeam, refused } from './context.ts';
import { allocationEmail } from './emails.ts';
import { handlerRefusal } from './handler-rules.ts';

export async function allocate(
  ctx: CaseworkContext,
  principal: Principal,
  reference: string,
  handlerId: string,
  requestId?: string,
) {
  const found = await forTeam(ctx, principal, reference);
  const { councilId } = principal;
  const candidate = isUuid(handlerId) ? await ctx.organisation.person(councilId, handlerId) : null;
  if (!candidate) throw refused('handlerId', 'Select the complaints officer to handle it');
  const actor = actorFor(principal, requestId);
  await change(ctx, councilId, found.id, async (trx, complaint, at) => {
    if (complaint.status !== 'stage-1' && complaint.status !== 'stage-2')
      throw refused('handlerId', 'Only an accepted complaint awaiting its response can be allocated');
    const { stage, firstHandlerId } = await currentStage(ctx, councilId, complaint, trx);
    const refusal = handlerRefusal(candidate, complaint, complaint.stage, firstHandlerId);
    if (refusal) throw refused('handlerId', refusal);
    // Allocating to the handler it already has changes nothing, and would tell them again.
    if (stage.handlerId === candidate.id)
      throw refused('handlerId', `${candidate.name} already handles this complaint`);
    await repo.updateStage(trx, councilId, complaint.id, complaint.stage, {
      handlerId: candidate.id,
      handlerName: candidate.name,
      allocatedAt: at,
    });
    await audit(trx, actor, at, {
      action: 'complaint.allocated',

      complaintId: complaint.id,
      before: { stage: complaint.stage, handlerId: stage.handlerId },
      after: { stage: complaint.stage, handlerId: candidate.id },
    });
    if (candidate.id === principal.personId) return;
    const allocated = { reference: complaint.reference, stage: complaint.stage, ...nextDeadline(stage) };
    await ctx.outbox.enqueue(
      trx,
      councilId,
      allocationEmail(candidate, allocated, caseLink(ctx, complaint.reference)),
    );
  });
}

// Who may be chosen as handler: the complaints team, with why any of them cannot take it.
export async function handlerChoices(ctx: CaseworkContext, principal: Principal, reference: string) {
  const complaint = await forTeam(ctx, principal, reference);
  const { firstHandlerId } = await currentStage(ctx, principal.councilId, complaint);
  const team = [
    ...(await ctx.organisation.peopleWithRole(principal.councilId, 'complaints-officer')),
    ...(await ctx.organisation.peopleWithRole(principal.councilId, 'complaints-manager')),
  ].filter((person, index, list) => list.findIndex((p) => p.id === person.id) === index);
  return team.map((person) => ({
    id: person.id,
    name: person.name,
    refusal: handlerRefusal(person, complaint, complaint.stage, firstHandlerId),
  }));
}
