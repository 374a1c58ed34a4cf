import type { Kysely } from 'kysely';
import { type Actor, appendAudit } from '../../../platform/audit/audit-trail.ts';
import { londonDate } from '../../../platform/calendar/daylight.ts';
import type { Clock } from '../../../platform/clock.ts';
import { uuidv7 } from '../../../platform/db/ids.ts';
import type { Database } from '../../../platform/db/schema.ts';
import { InvalidInput, NotFound } from '../../../platform/errors.ts';
import * as repo from './repository.ts';
import {
  checkEnquiry,
  checkStep,
  type Decision,
  type EnquiryInput,
  refusalOf,
  type Step,
  type StepInput,
} from './rules.ts';

export type OmbudsmanCases = ReturnType<typeof ombudsmanCases>;
export type { OmbudsmanCase } from './repository.ts';

type OmbudsmanDeps = { db: Kysely<Database>; clock: Clock };

// What each step writes to the case.
function changesOf(step: Step, input: StepInput): repo.CaseChange {
  switch (step) {
    case 'response':
      return { respondedOn: input.respondedOn };
    case 'decision':
      return { decision: input.decision as Decision, decidedOn: input.decidedOn };
    case 'remedy':
      return { remedy: input.remedy, remedyDueOn: input.remedyDueOn };
    case 'remedy-done':
      return { remedyDoneOn: input.remedyDoneOn };
    case 'close':
      return { closedOn: input.closedOn };
  }
}

// A change as the audit trail records it: by column, before and after.
function audited(change: repo.CaseChange, before: repo.OmbudsmanCase) {
  const keys = Object.keys(change) as (keyof repo.CaseChange)[];
  return {
    before: Object.fromEntries(keys.map((key) => [repo.caseColumns[key], before[key]])),
    after: Object.fromEntries(keys.map((key) => [repo.caseColumns[key], change[key]])),
  };
}

async function complaintOf({ db }: OmbudsmanDeps, councilId: string, reference: string) {
  const complaint = await repo.complaintOfCase(db, councilId, reference);
  if (!complaint) throw new NotFound('No such complaint');
  return complaint;
}

async function get({ db }: OmbudsmanDeps, councilId: string, complaintId: string, id: string) {
  const found = await repo.findCase(db, councilId, complaintId, id);
  if (!found) throw new NotFound('No such Ombudsman case');
  return found;
}

async function open({ db, clock }: OmbudsmanDeps, actor: Actor, complaintId: string, input: EnquiryInput) {
  const at = clock.now();
  const errors = checkEnquiry(input, londonDate(at));
  if (errors.length) throw new InvalidInput(errors);
  const id = uuidv7(at.getTime());
  const opened = {
    id,
    complaintId,
    ombudsman: input.ombudsman as repo.OmbudsmanCase['ombudsman'],
    theirReference: input.theirReference,
    receivedOn: input.receivedOn,
    enquiry: input.enquiry,
    respondBy: input.respondBy || null,
    recordedBy: actor.personId ?? '',
  };
  await db.transaction().execute(async (trx) => {
    const row = await repo.insertCase(trx, actor.councilId, opened, at);
    await appendAudit(
      trx,
      actor,
      { action: 'complaint.ombudsman-opened', recordType: 'complaint', recordId: complaintId, after: row },
      at,
    );
  });
  return id;
}

// One step of the case (our response, their decision, the remedy, its completion, closing),
// refused unless the transition table allows it from where the case is.
async function record(
  { db, clock }: OmbudsmanDeps,
  actor: Actor,
  where: { complaintId: string; id: string },
  step: Step,
  input: StepInput,
) {
  const at = clock.now();
  const { complaintId, id } = where;
  await db.transaction().execute(async (trx) => {
    const before = await repo.findCase(trx, actor.councilId, complaintId, id, true);
    if (!before) throw new NotFound('No such Ombudsman case');
    const refusal = refusalOf(before, step);
    if (refusal) throw new InvalidInput([{ key: 'form', message: refusal }]);
    const errors = checkStep(step, input, before.receivedOn, londonDate(at));
    if (errors.length) throw new InvalidInput(errors);
    const change = changesOf(step, input);
    await repo.updateCase(trx, actor.councilId, id, change, at);
    const shown = audited(change, before);
    await appendAudit(
      trx,
      actor,
      {
        action: `complaint.ombudsman-${step}`,
        recordType: 'complaint',
        recordId: complaintId,
        before: shown.before,
        after: { ombudsmanCaseId: id, ...shown.after },
      },
      at,
    );
  });
}

export function ombudsmanCases(deps: OmbudsmanDeps) {
  return {
    complaintOf: (councilId: string, reference: string) => complaintOf(deps, councilId, reference),
    forComplaint: (councilId: string, complaintId: string) => repo.casesFor(deps.db, councilId, complaintId),
    get: (councilId: string, complaintId: string, id: string) => get(deps, councilId, complaintId, id),
    open: (actor: Actor, complaintId: string, input: EnquiryInput) => open(deps, actor, complaintId, input),
    record: (actor: Actor, complaintId: string, id: string, step: Step, input: StepInput) =>
      record(deps, actor, { complaintId, id }, step, input),
    openCaseFor: (trx: Kysely<Database>, councilId: string, complaintId: string) =>
      repo.hasOpenCase(trx, councilId, complaintId),
  };
}
