import { actorFor } from '../../../platform/audit/audit-trail.ts';
import type { Principal } from '../../../platform/auth/principal.ts';
import { isUuid } from '../../../platform/auth/secrets.ts';
import { londonDate } from '../../../platform/calendar/daylight.ts';
import { isIsoDate } from '../../../platform/calendar/working-days.ts';
import { uuidv7 } from '../../../platform/db/ids.ts';
import { type FieldError, InvalidInput, NotFound } from '../../../platform/errors.ts';
import type { Person } from '../../organisation/service.ts';
import { can } from '../policy.ts';
import * as core from '../repository.ts';
import {
  audit,
  type CaseworkContext,
  type Complaint,
  change,
  forTeam,
  refused,
  textErrors,
} from './context.ts';
import { accountRequestEmail } from './emails.ts';
import * as repo from './repository.ts';

// The service and the officers asked for their account of a complaint (003 minutes §19).

export type AccountsInput = {
  service: boolean;
  officerIds: readonly string[];
  question: string;
  dueOn: string;
};
type Asked = { person: Person; askedAs: 'service' | 'named-officer' };

// Whom to ask: the heads of the complaint's service, and the officers named; with what is wrong.
async function peopleToAsk(
  ctx: CaseworkContext,
  councilId: string,
  complaint: Complaint,
  input: AccountsInput,
) {
  const errors: FieldError[] = [];
  const people: Asked[] = [];
  if (input.service && !complaint.serviceId)
    errors.push({ key: 'service', message: 'The complaint names no service' });
  else if (input.service && complaint.serviceId) {
    const heads = await ctx.organisation.peopleWithRole(councilId, 'head-of-service', complaint.serviceId);
    if (heads.length === 0)
      errors.push({
        key: 'service',
        message: `${complaint.serviceName} has no head of service recorded: name an officer instead`,
      });
    for (const head of heads) people.push({ person: head, askedAs: 'service' });
  }
  for (const id of input.officerIds) {
    const person = isUuid(id) ? await ctx.organisation.person(councilId, id) : null;
    if (!person?.active) errors.push({ key: 'officerIds', message: 'Select officers from the list' });
    else if (!people.some((p) => p.person.id === person.id))
      people.push({ person, askedAs: 'named-officer' });
  }
  return { people, errors };
}

function questionErrors(input: AccountsInput, today: string): FieldError[] {
  const errors: FieldError[] = [];
  if (!input.service && input.officerIds.length === 0)
    errors.push({ key: 'service', message: 'Ask the service, or name at least one officer' });
  errors.push(...textErrors('question', input.question, 'Enter what you want them to tell you', 5000));
  if (input.dueOn === '') errors.push({ key: 'dueOn', message: 'Enter the date the account is due' });
  else if (!isIsoDate(input.dueOn))
    errors.push({ key: 'dueOn', message: 'The due date must be a real date' });
  else if (input.dueOn <= today) errors.push({ key: 'dueOn', message: 'The due date must be in the future' });
  return errors;
}

export async function askForAccounts(
  ctx: CaseworkContext,
  principal: Principal,
  reference: string,
  input: AccountsInput,
  requestId?: string,
) {
  const { councilId } = principal;
  const complaint = await forTeam(ctx, principal, reference);
  const { people, errors } = await peopleToAsk(ctx, councilId, complaint, input);
  errors.push(...questionErrors(input, londonDate(ctx.clock.now())));
  if (errors.length) throw new InvalidInput(errors);
  const actor = actorFor(principal, requestId);
  await change(ctx, councilId, complaint.id, async (trx, current, at) => {
    if (current.status !== 'stage-1' && current.status !== 'stage-2')
      throw refused('question', 'Accounts can be asked for while a stage is being investigated');
    const made = people.map(({ person, askedAs }) => ({ id: uuidv7(at.getTime()), person, askedAs }));
    for (const { id, person, askedAs } of made)
      await repo.insertAccountRequest(trx, councilId, {
        id,
        complaintId: current.id,
        stage: current.stage,
        personId: person.id,
        personName: person.name,
        askedAs,
        question: input.question,
        dueOn: input.dueOn,
        requestedBy: principal.personId,
        requestedAt: at,
      });
    const after = { people: made.map((m) => m.person.id), question: input.question, dueOn: input.dueOn };
    await audit(trx, actor, at, { action: 'complaint.accounts-requested', complaintId: current.id, after });
    const { question, dueOn } = input;
    const asking = { reference: complaint.reference, serviceName: complaint.serviceName, question, dueOn };
    const emails = made.map(({ id, person }) =>
      accountRequestEmail(person, asking, `${ctx.baseUrl}/complaints/accounts/${id}`),
    );
    await ctx.outbox.enqueue(trx, councilId, ...emails);
  });
}

// One request for an account, for the person asked: only what they need to answer it.
export async function accountRequestFor(ctx: CaseworkContext, principal: Principal, id: string) {
  const request = isUuid(id) ? await repo.accountRequest(ctx.db, principal.councilId, id) : undefined;
  const complaint = request && (await core.complaintById(ctx.db, principal.councilId, request.complaintId));
  const facts = { anonymised: complaint?.anonymisedAt !== null, askedPersonId: request?.personId ?? null };
  if (!request || !complaint || !can(principal, 'answer-account', facts))
    throw new NotFound('No such request');
  return {
    request,
    complaint: {
      reference: complaint.reference,
      serviceName: complaint.serviceName,
      receivedOn: complaint.receivedOn,
      happenedOn: complaint.happenedOn,
      whatHappened: complaint.whatHappened,
      wantedOutcome: complaint.wantedOutcome,
    },
  };
}

export async function answerAccount(
  ctx: CaseworkContext,
  principal: Principal,
  requestId: string,
  account: string,
  httpRequestId?: string,
) {
  const { request } = await accountRequestFor(ctx, principal, requestId);
  if (request.answeredAt) throw refused('account', 'You have already sent your account');
  if (account === '') throw refused('account', 'Enter your account');
  if (account.length > 20000) throw refused('account', 'Your account must be 20,000 characters or fewer');
  const actor = actorFor(principal, httpRequestId);
  await change(ctx, principal.councilId, request.complaintId, async (trx, complaint, at) => {
    await repo.answerAccountRequest(trx, principal.councilId, request.id, account, at);
    await audit(trx, actor, at, {
      action: 'complaint.account-given',

      complaintId: complaint.id,
      after: { requestId: request.id },
    });
  });
}
