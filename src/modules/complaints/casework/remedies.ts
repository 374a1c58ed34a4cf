import { actorFor } from '../../../platform/audit/audit-trail.ts';
import type { Principal } from '../../../platform/auth/principal.ts';
import { isUuid } from '../../../platform/auth/secrets.ts';
import { londonDate } from '../../../platform/calendar/daylight.ts';
import { isIsoDate } from '../../../platform/calendar/working-days.ts';
import { uuidv7 } from '../../../platform/db/ids.ts';
import { type FieldError, InvalidInput, NotFound } from '../../../platform/errors.ts';
import { audit, type CaseworkContext, change, forTeam, refused, textErrors } from './context.ts';
import * as repo from './repository.ts';
import { penceOf, remedyKinds } from './rules.ts';

// What the council agrees to do to put things right, and what it changes in its services.

export type RemedyInput = {
  kind: string;
  description: string;
  amount: string;
  ownerId: string;
  dueOn: string;
};

async function checkRemedy(ctx: CaseworkContext, councilId: string, input: RemedyInput) {
  const errors: FieldError[] = [];
  if (!Object.hasOwn(remedyKinds, input.kind))
    errors.push({ key: 'kind', message: 'Select the kind of remedy' });
  errors.push(...textErrors('description', input.description, 'Describe the remedy', 2000));
  let amountPence: number | null = null;
  if (input.kind === 'financial-redress') {
    amountPence = penceOf(input.amount);
    if (amountPence === null)
      errors.push({ key: 'amount', message: 'Enter the amount in pounds, like 120 or 120.50' });
  }
  const owner = isUuid(input.ownerId) ? await ctx.organisation.person(councilId, input.ownerId) : null;
  if (!owner?.active) errors.push({ key: 'ownerId', message: 'Select who will do it' });
  if (input.dueOn === '') errors.push({ key: 'dueOn', message: 'Enter the date it is due' });
  else if (!isIsoDate(input.dueOn))
    errors.push({ key: 'dueOn', message: 'The due date must be a real date' });
  if (errors.length || !owner) throw new InvalidInput(errors);
  return { amountPence, ownerId: owner.id };
}

export async function addRemedy(
  ctx: CaseworkContext,
  principal: Principal,
  reference: string,
  input: RemedyInput,
  requestId?: string,
) {
  const complaint = await forTeam(ctx, principal, reference);
  const { amountPence, ownerId } = await checkRemedy(ctx, principal.councilId, input);
  const actor = actorFor(principal, requestId);
  await change(ctx, principal.councilId, complaint.id, async (trx, current, at) => {
    if (
      current.status === 'awaiting-triage' ||
      current.status === 'not-accepted' ||
      current.status === 'closed' ||
      current.status === 'merged'
    )
      throw refused('kind', 'Remedies are recorded for an accepted complaint that is not closed');
    const remedy = {
      id: uuidv7(at.getTime()),
      complaintId: current.id,
      stage: current.stage,
      kind: input.kind,
      description: input.description,
      amountPence,
      ownerId,
      dueOn: input.dueOn,
      recordedBy: principal.personId,
    };
    await repo.insertRemedy(trx, principal.councilId, remedy, at);
    await audit(trx, actor, at, { action: 'complaint.remedy-added', complaintId: current.id, after: remedy });
  });
}

export async function remedyDone(
  ctx: CaseworkContext,
  principal: Principal,
  reference: string,
  remedyId: string,
  requestId?: string,
) {
  const complaint = await forTeam(ctx, principal, reference);
  if (!isUuid(remedyId)) throw new NotFound('No such remedy');
  const actor = actorFor(principal, requestId);
  await change(ctx, principal.councilId, complaint.id, async (trx, current, at) => {
    const done = { on: londonDate(at), by: principal.personId };
    if (!(await repo.markRemedyDone(trx, principal.councilId, current.id, remedyId, done)))
      throw new NotFound('No such remedy outstanding');
    await audit(trx, actor, at, {
      action: 'complaint.remedy-done',
      complaintId: current.id,
      after: { remedyId },
    });
  });
}

export async function addImprovement(
  ctx: CaseworkContext,
  principal: Principal,
  reference: string,
  input: { description: string },
  requestId?: string,
) {
  const complaint = await forTeam(ctx, principal, reference);
  if (input.description === '') throw refused('improvement', 'Describe the improvement to the service');
  if (input.description.length > 2000)
    throw refused('improvement', 'The improvement must be 2,000 characters or fewer');
  const actor = actorFor(principal, requestId);
  await change(ctx, principal.councilId, complaint.id, async (trx, current, at) => {
    const improvement = {
      id: uuidv7(at.getTime()),
      complaintId: current.id,
      serviceId: current.serviceId,
      serviceName: current.serviceName || 'No service named',
      description: input.description,
      recordedBy: principal.personId,
    };
    await repo.insertImprovement(trx, principal.councilId, improvement, at);
    await audit(trx, actor, at, {
      action: 'complaint.improvement-recorded',

      complaintId: current.id,
      after: improvement,
    });
  });
}
