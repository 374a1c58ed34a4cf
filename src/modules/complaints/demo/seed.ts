import type { Kysely } from 'kysely';
import { actorFor } from '../../../platform/audit/audit-trail.ts';
import type { Principal } from '../../../platform/auth/principal.ts';
import { uuidv7 } from '../../../platform/db/ids.ts';
import type { Database } from '../../../platform/db/schema.ts';
import { type DemoPlan, type DemoStep, seededRandom } from '../../../platform/demo/history.ts';
import type { OrganisationService } from '../../organisation/service.ts';
import * as caseworkRepo from '../casework/repository.ts';
import type { Casework } from '../casework/service.ts';
import type { Intake } from '../intake/service.ts';
import type { EnquiryInput, Step, StepInput } from '../ombudsman/rules.ts';
import type { OmbudsmanCases } from '../ombudsman/service.ts';
import * as repo from '../repository.ts';
import { type Action, email, type Timed } from './course.ts';
import { type PlannedComplaint, yearOfComplaints } from './plan.ts';
import { scriptedComplaints } from './scripted.ts';

// The demo council's year of complaints, made through the complaints team's own use cases: the
// public form or the staff form, triage, accounts, extensions, responses, remedies, escalations,
// closing and Ombudsman cases. Planned once: nothing if the council has any complaint.

export type ComplaintsDemoDeps = {
  db: Kysely<Database>;
  intake: Intake;
  casework: Casework;
  ombudsman: OmbudsmanCases;
  organisation: Pick<OrganisationService, 'calendar' | 'council' | 'policy' | 'services'>;
  // A letter the step wrote, checked and sent by the officer who wrote it, there and then.
  sendLetter(by: Principal, letterId: string): Promise<unknown>;
};

// A complaint as the steps know it once it has arrived.
type Made = { id: string; reference: string; ombudsmanCaseId: string };

const emptyStep: StepInput = {
  respondedOn: '',
  decision: '',
  decidedOn: '',
  remedy: '',
  remedyDueOn: '',
  remedyDoneOn: '',
  closedOn: '',
};

type Context = { deps: ComplaintsDemoDeps; plan: DemoPlan; slug: string; serviceIds: Map<string, string> };

async function receive(c: Context, complaint: PlannedComplaint, at: Date): Promise<Made> {
  const { deps, plan } = c;
  const who = complaint.complainant;
  const facts = {
    forWhom: 'self' as const,
    theirName: '',
    relationship: '',
    ...who,
    serviceId: complaint.service ? (c.serviceIds.get(complaint.service) ?? null) : null,
    whatHappened: complaint.whatHappened,
    happenedOn: complaint.happenedOn,
    wantedOutcome: complaint.wantedOutcome,
    adjustments: '',
  };
  let reference: string;
  if (complaint.channel === 'online') {
    const council = await deps.intake.council(c.slug);
    const answers = { ...facts, serviceId: facts.serviceId ?? 'unknown', needsAdjustments: 'no' };
    const draftId = await deps.intake.drafts.start(council, answers);
    const sent = await deps.intake.submitOnline(council, draftId, 'demo');
    if (!('complaintId' in sent)) throw new Error(`Demo complaint incomplete at ${sent.incomplete}`);
    reference = (await repo.complaintById(deps.db, plan.councilId, sent.complaintId))?.reference ?? '';
  } else {
    const input = {
      id: uuidv7(at.getTime()),
      facts,
      channel: complaint.channel,
      receivedAt: at,
      customerId: null,
      authority: null,
    };
    reference = (await deps.intake.logComplaint(plan.people.by(email(complaint.loggedBy)), input, 'demo'))
      .reference;
  }
  const found = await repo.complaintByReference(deps.db, plan.councilId, reference);
  if (!found) throw new Error(`Demo complaint ${reference} was not made`);
  return { id: found.id, reference, ombudsmanCaseId: '' };
}

async function ombudsmanStep(
  c: Context,
  made: Made,
  by: string,
  step: string,
  input: Record<string, string>,
) {
  const actor = actorFor(c.plan.people.by(email(by)));
  if (step === 'open') {
    made.ombudsmanCaseId = await c.deps.ombudsman.open(actor, made.id, input as EnquiryInput);
    return;
  }
  await c.deps.ombudsman.record(actor, made.id, made.ombudsmanCaseId, step as Step, {
    ...emptyStep,
    ...input,
  });
}

async function act(c: Context, made: Made, timed: Timed): Promise<unknown> {
  const { casework } = c.deps;
  const { people, councilId } = c.plan;
  const by = people.by(email(timed.by));
  const ref = made.reference;
  const action: Action = timed.action;
  const sent = async (written: Promise<{ id: string }>) => c.deps.sendLetter(by, (await written).id);
  switch (action.do) {
    case 'triage':
      return sent(
        casework.triage(by, ref, {
          decision: '',
          category: '',
          housing: '',
          statutoryRoute: '',
          reason: '',
          lateAccepted: '',
          ...action.input,
        }),
      );
    case 'allocate':
      return casework.allocate(by, ref, people.by(email(action.handler)).personId);
    case 'ask': {
      const officerIds = action.officers.map((name) => people.by(email(name)).personId);
      return casework.askForAccounts(by, ref, { service: true, officerIds, ...action });
    }
    case 'answer': {
      const asked = await casework.accountRequestsOf(by);
      const request = asked.find((r) => r.reference === ref && !r.answeredAt);
      return request ? casework.answerAccount(by, request.id, action.account) : undefined;
    }
    case 'extend':
      return sent(casework.extend(by, ref, action));
    case 'remedy':
      return casework.addRemedy(by, ref, { ...action, ownerId: people.by(email(action.owner)).personId });
    case 'remedy-done': {
      const owed = (await caseworkRepo.remedies(c.deps.db, councilId, made.id)).find((r) => !r.doneOn);
      return owed ? casework.remedyDone(by, ref, owed.id) : undefined;
    }
    case 'improve':
      return casework.addImprovement(by, ref, action);
    case 'respond':
      return sent(casework.respond(by, ref, action));
    case 'escalate':
      return sent(casework.recordEscalation(by, ref, action.reason));
    case 'close':
      return casework.close(by, ref);
    case 'ombudsman':
      return ombudsmanStep(c, made, timed.by, action.step, action.input);
  }
}

// The complaint's arrival and what was done about it up to today; what was still to come is not.
function complaintSteps(c: Context, complaint: PlannedComplaint): DemoStep[] {
  const { days } = c.plan;
  let made: Made = { id: '', reference: '', ombudsmanCaseId: '' };
  const arrives = days.at(complaint.receivedOn, complaint.time);
  const arrival: DemoStep = {
    at: arrives,
    run: async () => {
      made = await receive(c, complaint, arrives);
    },
  };
  const done = complaint.actions.filter((timed) => timed.on <= days.today);
  return [
    arrival,
    ...done.map((timed) => ({
      at: days.at(timed.on, timed.time),
      run: () => act(c, made, timed),
    })),
  ];
}

async function anyComplaint(db: Kysely<Database>, councilId: string) {
  const found = await db
    .selectFrom('complaint')
    .select('id')
    .where('council_id', '=', councilId)
    .limit(1)
    .executeTakeFirst();
  return found !== undefined;
}

export async function demoComplaintsYear(deps: ComplaintsDemoDeps, plan: DemoPlan): Promise<DemoStep[]> {
  const { councilId } = plan;
  if (await anyComplaint(deps.db, councilId)) return [];
  const [calendar, council, policy, services] = await Promise.all([
    deps.organisation.calendar(councilId),
    deps.organisation.council(councilId),
    deps.organisation.policy(councilId),
    deps.organisation.services(councilId),
  ]);
  const planning = { days: plan.days, calendar, random: seededRandom(0xc0de) };
  const respondDays: [number, number] = [policy.stage1RespondDays, policy.stage2RespondDays];
  const context: Context = {
    deps,
    plan,
    slug: council.slug,
    serviceIds: new Map(services.map((service) => [service.name, service.id])),
  };
  return [...yearOfComplaints(planning, respondDays), ...scriptedComplaints(planning)].flatMap((complaint) =>
    complaintSteps(context, complaint),
  );
}
