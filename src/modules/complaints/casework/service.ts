import type { Kysely } from 'kysely';
import { type Actor, actorFor, appendAudit, recordAccess } from '../../../platform/audit/audit-trail.ts';
import type { Principal } from '../../../platform/auth/principal.ts';
import { isUuid } from '../../../platform/auth/secrets.ts';
import { dayMonthYear } from '../../../platform/calendar/date-text.ts';
import { londonDate } from '../../../platform/calendar/daylight.ts';
import { addMonths } from '../../../platform/calendar/months.ts';
import { addWorkingDays, isIsoDate } from '../../../platform/calendar/working-days.ts';
import { uuidv7 } from '../../../platform/db/ids.ts';
import type { Database } from '../../../platform/db/schema.ts';
import { type FieldError, InvalidInput, NotFound } from '../../../platform/errors.ts';
import type { CursorKey } from '../../../platform/web/cursor.ts';
import type { LetterWriter } from '../../customers/letters-contract.ts';
import type { CustomersService } from '../../customers/service.ts';
import type { ModuleDeps } from '../../organisation/module-deps.ts';
import type { Person } from '../../organisation/repository.ts';
import {
  ExtensionRefused,
  extensionDeadline,
  maxExtensionDays,
  stageDeadlines,
  type Urgency,
  urgencyBy,
} from '../deadline-rules.ts';
import { outcomeWords } from '../letter-templates.ts';
import type { ComplaintLetters } from '../letters.ts';
import { caseAccess } from '../policy.ts';
import * as repo from '../repository.ts';
import { type ComplaintStatus, type Mover, moveRefusal } from '../status-rules.ts';
import {
  housingByDefault,
  isLate,
  isStatutoryRoute,
  isTriageDecision,
  redirectUrl,
  statutoryRoutes,
  type TriageInput,
  triageErrors,
  triageOutcomes,
} from '../triage-rules.ts';
import { accountRequestEmail, allocationEmail, reminderEmail } from './emails.ts';
import { handlerRefusal, responderRefusal } from './handler-rules.ts';

export type Casework = ReturnType<typeof caseworkService>;

// What casework asks of the letters service.
type ComplaintLetterKind =
  | 'acknowledgement'
  | 'extension'
  | 'stage-1-response'
  | 'stage-2-response'
  | 'single-stage-response'
  | 'refusal'
  | 'escalation-acknowledgement';

export const outcomes = {
  upheld: 'Upheld',
  'partially-upheld': 'Partially upheld',
  'not-upheld': 'Not upheld',
} as const;
type Outcome = keyof typeof outcomes;

// DOMAIN.md §3: the remedies the Code and 003 §6.1 name.
export const remedyKinds = {
  apology: 'Apology',
  explanation: 'Explanation',
  action: 'Action to put things right',
  'reconsidered-decision': 'Reconsidered decision',
  'amended-records': 'Amended records',
  'financial-redress': 'Financial redress',
  'policy-change': 'Change to policy or procedure',
} as const;
type RemedyKind = keyof typeof remedyKinds;

// A work queue shows this many of the handler's most urgent stages, and of the team's oldest.
const queueRows = 25;
const teamRows = 10;
const countCap = 100;

// Escalation is open for two months after the stage 1 response (said in the stage 1 letter).
const escalateWithinMonths = 2;

const refused = (key: string, message: string) => new InvalidInput([{ key, message }]);

// A typed text that must be given and not too long; the field is named by its key.
function textErrors(key: string, value: string, whenEmpty: string, max: number): FieldError[] {
  if (value === '') return [{ key, message: whenEmpty }];
  if (value.length > max)
    return [{ key, message: `The ${key} must be ${max.toLocaleString('en-GB')} characters or fewer` }];
  return [];
}

export function caseworkService(
  deps: ModuleDeps,
  collaborators: { letters: ComplaintLetters; customers: CustomersService },
) {
  const { db, clock, outbox, baseUrl, organisation } = deps;
  const letters: LetterWriter<ComplaintLetterKind> = collaborators.letters;
  const { customers } = collaborators;
  const caseLink = (reference: string) => `${baseUrl}/complaints/${reference}`;

  async function complaintOf(councilId: string, reference: string) {
    const complaint = await repo.complaintByReference(db, councilId, reference);
    if (!complaint || complaint.anonymisedAt) throw new NotFound('No such complaint');
    return complaint;
  }

  // The complaints team only; anyone else is told there is no such complaint.
  async function forTeam(principal: Principal, reference: string) {
    const complaint = await complaintOf(principal.councilId, reference);
    if (caseAccess(principal.roles, false) !== 'whole-case') throw new NotFound('No such complaint');
    return complaint;
  }

  // Someone who asked to be written to by post is not emailed the letter as well.
  function recipientOf(complaint: repo.Complaint) {
    return {
      name: complaint.representativeName || complaint.customerName,
      email: complaint.contactPreference === 'post' ? '' : complaint.contactEmail || complaint.customerEmail,
      address: complaint.contactAddress || complaint.customerAddress,
    };
  }

  function checkMove(complaint: repo.Complaint, to: ComplaintStatus, by: Mover, key = 'form') {
    const refusal = moveRefusal(complaint.regime, complaint.status, to, by);
    if (refusal) throw refused(key, refusal);
  }

  async function currentStage(councilId: string, complaint: repo.Complaint, from: Kysely<Database> = db) {
    const all = await repo.stages(from, councilId, complaint.id);
    const stage = all.find((s) => s.stage === complaint.stage);
    if (!stage) throw new Error(`Complaint ${complaint.reference} has no stage ${complaint.stage} row`);
    return { stage, all };
  }

  // A change of state in one transaction: the complaint is locked and read again inside it, so
  // two officers acting at once cannot both move it.
  async function change<T>(
    councilId: string,
    complaintId: string,
    work: (trx: Kysely<Database>, complaint: repo.Complaint, at: Date) => Promise<T>,
  ): Promise<T> {
    const at = clock.now();
    return db.transaction().execute(async (trx) => {
      const complaint = await repo.complaintById(trx, councilId, complaintId, true);
      if (!complaint) throw new NotFound('No such complaint');
      return work(trx, complaint, at);
    });
  }

  async function summaryOf(councilId: string, complaint: repo.Complaint) {
    const { stage } = await currentStage(councilId, complaint);
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
  async function triage(principal: Principal, reference: string, input: TriageInput, requestId?: string) {
    const found = await forTeam(principal, reference);
    const policy = await organisation.policy(principal.councilId);
    const calendar = await organisation.calendar(principal.councilId);
    const late = isLate(found.happenedOn, found.receivedOn, policy.lateComplaintMonths);
    const errors = triageErrors(input, late, policy.lateComplaintMonths);
    if (errors.length) throw new InvalidInput(errors);
    if (!isTriageDecision(input.decision)) throw new Error('unreachable');
    const decision = input.decision;
    const outcome = triageOutcomes[decision];
    const actor = actorFor(principal, requestId);
    await change(principal.councilId, found.id, async (trx, complaint, at) => {
      checkMove(complaint, outcome.accepted ? 'stage-1' : 'not-accepted', 'complaints-team', 'decision');
      const today = londonDate(at);
      const route =
        decision === 'statutory-route' && isStatutoryRoute(input.statutoryRoute)
          ? input.statutoryRoute
          : null;
      const housing = outcome.accepted ? input.housing === 'yes' : complaint.housing;
      const values = {
        status: (outcome.accepted ? 'stage-1' : 'not-accepted') as ComplaintStatus,
        housing,
        triage_decision: decision,
        triage_reason: input.reason,
        statutory_route: route,
        category: outcome.accepted ? input.category : null,
        late_accepted: outcome.accepted && late,
        triaged_by: principal.personId,
        triaged_at: at,
        resolved_on: outcome.accepted ? null : today,
      };
      await repo.updateComplaint(trx, principal.councilId, complaint.id, values, at);
      let respondBy = '';
      if (outcome.accepted) {
        // Accepting it is its acknowledgement: the response is now due from today (the Code).
        const { stage } = await currentStage(principal.councilId, complaint, trx);
        const deadlines = stageDeadlines(calendar, policy, complaint.regime, 1, stage.startedOn, today);
        respondBy = deadlines.respondBy.due;
        await repo.updateStage(trx, principal.councilId, complaint.id, 1, {
          acknowledged_on: today,
          respond_by: respondBy,
          deadline_basis: `${deadlines.acknowledgeBy.basis}\n${deadlines.respondBy.basis}`,
        });
      }
      await appendAudit(
        trx,
        actor,
        {
          action: 'complaint.triaged',
          recordType: 'complaint',
          recordId: complaint.id,
          before: { status: complaint.status },
          after: { ...values, triaged_at: undefined },
        },
        at,
      );
      const instead = redirectUrl(decision, route, policy);
      return letters.write(trx, {
        councilId: principal.councilId,
        kind: outcome.accepted ? 'acknowledgement' : 'refusal',
        complaintId: complaint.id,
        customerId: complaint.customerId,
        recipient: recipientOf(complaint),
        values: outcome.accepted
          ? { summary: summaryText(complaint.whatHappened), respondBy: dayMonthYear(respondBy) }
          : {
              reason: input.reason,
              instead: instead
                ? `${route ? `${statutoryRoutes[route].name}: ` : ''}${instead}`
                : 'There is no other council process for this.',
            },
        housing,
        sentBy: actor,
        at,
      });
    });
  }

  async function allocate(principal: Principal, reference: string, handlerId: string, requestId?: string) {
    const found = await forTeam(principal, reference);
    const candidate = isUuid(handlerId) ? await organisation.person(principal.councilId, handlerId) : null;
    if (!candidate) throw refused('handlerId', 'Select the complaints officer to handle it');
    const actor = actorFor(principal, requestId);
    await change(principal.councilId, found.id, async (trx, complaint, at) => {
      if (complaint.status !== 'stage-1' && complaint.status !== 'stage-2')
        throw refused('handlerId', 'Only an accepted complaint awaiting its response can be allocated');
      const { stage, all } = await currentStage(principal.councilId, complaint, trx);
      const stage1 = all.find((s) => s.stage === 1);
      const refusal = handlerRefusal(candidate, complaint, complaint.stage, stage1?.handlerId ?? null);
      if (refusal) throw refused('handlerId', refusal);
      await repo.updateStage(trx, principal.councilId, complaint.id, complaint.stage, {
        handler_id: candidate.id,
        handler_name: candidate.name,
        allocated_at: at,
      });
      await appendAudit(
        trx,
        actor,
        {
          action: 'complaint.allocated',
          recordType: 'complaint',
          recordId: complaint.id,
          before: { stage: complaint.stage, handlerId: stage.handlerId },
          after: { stage: complaint.stage, handlerId: candidate.id },
        },
        at,
      );
      if (candidate.id !== principal.personId) {
        const due = stage.extendedTo ?? stage.respondBy ?? stage.acknowledgeBy;
        await outbox.enqueue(
          trx,
          principal.councilId,
          allocationEmail(
            candidate,
            { reference: complaint.reference, stage: complaint.stage, due },
            caseLink(complaint.reference),
          ),
        );
      }
    });
  }

  async function askForAccounts(
    principal: Principal,
    reference: string,
    input: { service: boolean; officerIds: readonly string[]; question: string; dueOn: string },
    requestId?: string,
  ) {
    const complaint = await forTeam(principal, reference);
    const today = londonDate(clock.now());
    const errors: FieldError[] = [];
    const people: { person: Person; askedAs: 'service' | 'named-officer' }[] = [];
    if (input.service) {
      if (!complaint.serviceId) errors.push({ key: 'service', message: 'The complaint names no service' });
      else {
        const heads = await organisation.peopleWithRole(
          principal.councilId,
          'head-of-service',
          complaint.serviceId,
        );
        if (heads.length === 0)
          errors.push({
            key: 'service',
            message: `${complaint.serviceName} has no head of service recorded: name an officer instead`,
          });
        for (const head of heads) people.push({ person: head, askedAs: 'service' as const });
      }
    }
    for (const id of input.officerIds) {
      const person = isUuid(id) ? await organisation.person(principal.councilId, id) : null;
      if (!person?.active) errors.push({ key: 'officerIds', message: 'Select officers from the list' });
      else if (!people.some((p) => p.person.id === person.id))
        people.push({ person, askedAs: 'named-officer' as const });
    }
    if (!input.service && input.officerIds.length === 0)
      errors.push({ key: 'service', message: 'Ask the service, or name at least one officer' });
    errors.push(...textErrors('question', input.question, 'Enter what you want them to tell you', 5000));
    if (input.dueOn === '') errors.push({ key: 'dueOn', message: 'Enter the date the account is due' });
    else if (!isIsoDate(input.dueOn))
      errors.push({ key: 'dueOn', message: 'The due date must be a real date' });
    else if (input.dueOn <= today)
      errors.push({ key: 'dueOn', message: 'The due date must be in the future' });
    if (errors.length) throw new InvalidInput(errors);
    const actor = actorFor(principal, requestId);
    await change(principal.councilId, complaint.id, async (trx, current, at) => {
      if (current.status !== 'stage-1' && current.status !== 'stage-2')
        throw refused('question', 'Accounts can be asked for while a stage is being investigated');
      const made = [];
      for (const { person, askedAs } of people) {
        const id = uuidv7(at.getTime());
        await repo.insertAccountRequest(trx, principal.councilId, {
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
        made.push({ id, person });
      }
      await appendAudit(
        trx,
        actor,
        {
          action: 'complaint.accounts-requested',
          recordType: 'complaint',
          recordId: current.id,
          after: { people: made.map((m) => m.person.id), question: input.question, dueOn: input.dueOn },
        },
        at,
      );
      const asking = {
        reference: complaint.reference,
        serviceName: complaint.serviceName,
        question: input.question,
        dueOn: input.dueOn,
      };
      await outbox.enqueue(
        trx,
        principal.councilId,
        ...made.map(({ id, person }) =>
          accountRequestEmail(person, asking, `${baseUrl}/complaints/accounts/${id}`),
        ),
      );
    });
  }

  async function extend(
    principal: Principal,
    reference: string,
    input: { days: string; reason: string },
    requestId?: string,
  ) {
    const found = await forTeam(principal, reference);
    const policy = await organisation.policy(principal.councilId);
    const calendar = await organisation.calendar(principal.councilId);
    const errors: FieldError[] = [];
    const days = /^\d{1,3}$/.test(input.days) ? Number(input.days) : Number.NaN;
    errors.push(
      ...textErrors('reason', input.reason, 'Give the good reason for the extension (the Code)', 2000),
    );
    const actor = actorFor(principal, requestId);
    await change(principal.councilId, found.id, async (trx, complaint, at) => {
      if (complaint.status !== 'stage-1' && complaint.status !== 'stage-2')
        throw refused('days', 'Only a stage awaiting its response can be extended');
      const { stage } = await currentStage(principal.councilId, complaint, trx);
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
      const previous = stage.extendedTo ?? original;
      await repo.updateStage(trx, principal.councilId, complaint.id, complaint.stage, {
        extended_to: deadline.due,
        extension_reason: input.reason,
        extended_at: at,
        deadline_basis: `${stage.deadlineBasis.split('\nExtended')[0]}\n${deadline.basis}`,
      });
      await appendAudit(
        trx,
        actor,
        {
          action: 'complaint.extended',
          recordType: 'complaint',
          recordId: complaint.id,
          before: { stage: complaint.stage, due: previous },
          after: { stage: complaint.stage, due: deadline.due, days, reason: input.reason },
        },
        at,
      );
      return letters.write(trx, {
        councilId: principal.councilId,
        kind: 'extension',
        complaintId: complaint.id,
        customerId: complaint.customerId,
        recipient: recipientOf(complaint),
        values: {
          previousDate: dayMonthYear(previous),
          newDate: dayMonthYear(deadline.due),
          reason: input.reason,
        },
        housing: complaint.housing,
        sentBy: actor,
        at,
      });
    });
  }

  async function respond(
    principal: Principal,
    reference: string,
    input: { outcome: string; findings: string },
    requestId?: string,
  ) {
    const found = await forTeam(principal, reference);
    const errors: FieldError[] = [];
    if (!Object.hasOwn(outcomes, input.outcome))
      errors.push({ key: 'outcome', message: 'Select the outcome' });
    errors.push(...textErrors('findings', input.findings, 'Enter what the investigation found', 20000));
    if (errors.length) throw new InvalidInput(errors);
    const outcome = input.outcome as Outcome;
    const actor = actorFor(principal, requestId);
    const slug = await councilSlug(principal.councilId);
    await change(principal.councilId, found.id, async (trx, complaint, at) => {
      const to: ComplaintStatus = complaint.stage === 1 ? 'stage-1-responded' : 'stage-2-responded';
      checkMove(complaint, to, 'complaints-team', 'outcome');
      const stage1 = (await currentStage(principal.councilId, complaint, trx)).all.find((s) => s.stage === 1);
      const refusal = responderRefusal(principal.personId, complaint.stage, stage1?.handlerId ?? null);
      if (refusal) throw refused('outcome', refusal);
      const today = londonDate(at);
      await repo.updateStage(trx, principal.councilId, complaint.id, complaint.stage, {
        responded_on: today,
        outcome,
        findings: input.findings,
      });
      await repo.updateComplaint(
        trx,
        principal.councilId,
        complaint.id,
        { status: to, resolved_on: today },
        at,
      );
      await appendAudit(
        trx,
        actor,
        {
          action: 'complaint.responded',
          recordType: 'complaint',
          recordId: complaint.id,
          before: { status: complaint.status },
          after: { status: to, stage: complaint.stage, outcome },
        },
        at,
      );
      const remedyLines = (await repo.remedies(trx, principal.councilId, complaint.id))
        .filter((r) => r.stage === complaint.stage)
        .map((r) => `- ${remedyText(r)}, by ${dayMonthYear(r.dueOn)}`);
      const values: Record<string, string> = {
        outcome: outcomeWords[outcome],
        findings: input.findings,
        remedies: remedyLines.length ? remedyLines.join('\n') : 'We do not need to do anything further.',
      };
      const kind =
        complaint.regime === 'single-stage'
          ? 'single-stage-response'
          : complaint.stage === 1
            ? 'stage-1-response'
            : 'stage-2-response';
      if (kind === 'stage-1-response') {
        values.escalateBy = dayMonthYear(addMonths(today, escalateWithinMonths));
        values.escalateHow = `${baseUrl}/public/${slug}/complaints/progress`;
      }
      return letters.write(trx, {
        councilId: principal.councilId,
        kind,
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

  async function councilSlug(councilId: string) {
    const row = await db
      .selectFrom('council')
      .select('slug')
      .where('council_id', '=', councilId)
      .executeTakeFirstOrThrow();
    return row.slug;
  }

  // To stage 2: by a member of staff (an escalation received by phone or letter) or, with `by`
  // null, by the complainant online; no reason is needed (the Code).
  async function escalate(councilId: string, complaintId: string, by: Actor | null, reason: string) {
    const policy = await organisation.policy(councilId);
    const calendar = await organisation.calendar(councilId);
    await change(councilId, complaintId, async (trx, complaint, at) => {
      checkMove(complaint, 'stage-2', by ? 'complaints-team' : 'complainant', 'reason');
      const actor: Actor = by ?? {
        councilId,
        personId: null,
        // Not their name: the audit trail outlives the anonymising of complainants' personal data.
        label: 'Complainant (progress page)',
      };
      const today = londonDate(at);
      // The escalation acknowledgement letter is sent now, so stage 2 is acknowledged today.
      const deadlines = stageDeadlines(calendar, policy, complaint.regime, 2, today, today);
      await repo.insertStage(trx, councilId, complaint.id, {
        stage: 2,
        startedOn: today,
        acknowledgeBy: deadlines.acknowledgeBy.due,
        acknowledgedOn: today,
        respondBy: deadlines.respondBy.due,
        deadlineBasis: `${deadlines.acknowledgeBy.basis}\n${deadlines.respondBy.basis}`,
        escalationReason: reason.slice(0, 5000),
      });
      await repo.updateComplaint(
        trx,
        councilId,
        complaint.id,
        { status: 'stage-2', stage: 2, resolved_on: null },
        at,
      );
      await appendAudit(
        trx,
        actor,
        {
          action: 'complaint.escalated',
          recordType: 'complaint',
          recordId: complaint.id,
          before: { status: complaint.status },
          after: { status: 'stage-2', reasonGiven: reason !== '', respondBy: deadlines.respondBy.due },
        },
        at,
      );
      return letters.write(trx, {
        councilId,
        kind: 'escalation-acknowledgement',
        complaintId: complaint.id,
        customerId: complaint.customerId,
        recipient: recipientOf(complaint),
        values: {
          respondBy: dayMonthYear(deadlines.respondBy.due),
          handler: 'a complaints officer who did not handle stage 1',
        },
        housing: complaint.housing,
        sentBy: by,
        at,
      });
    });
  }

  async function close(principal: Principal, reference: string, requestId?: string) {
    const found = await forTeam(principal, reference);
    const actor = actorFor(principal, requestId);
    await change(principal.councilId, found.id, async (trx, complaint, at) => {
      checkMove(complaint, 'closed', 'complaints-team');
      await repo.updateComplaint(
        trx,
        principal.councilId,
        complaint.id,
        { status: 'closed', closed_at: at },
        at,
      );
      await appendAudit(
        trx,
        actor,
        {
          action: 'complaint.closed',
          recordType: 'complaint',
          recordId: complaint.id,
          before: { status: complaint.status },
          after: { status: 'closed' },
        },
        at,
      );
    });
  }

  async function addRemedy(
    principal: Principal,
    reference: string,
    input: { kind: string; description: string; amount: string; ownerId: string; dueOn: string },
    requestId?: string,
  ) {
    const complaint = await forTeam(principal, reference);
    const errors: FieldError[] = [];
    if (!Object.hasOwn(remedyKinds, input.kind))
      errors.push({ key: 'kind', message: 'Select the kind of remedy' });
    errors.push(...textErrors('description', input.description, 'Describe the remedy', 2000));
    let amountPence: number | null = null;
    if (input.kind === 'financial-redress') {
      const match = /^£?\s*(\d{1,7})(?:\.(\d{2}))?$/.exec(input.amount.replaceAll(',', ''));
      if (!match) errors.push({ key: 'amount', message: 'Enter the amount in pounds, like 120 or 120.50' });
      else amountPence = Number(match[1]) * 100 + Number(match[2] ?? 0);
    }
    const owner = isUuid(input.ownerId)
      ? await organisation.person(principal.councilId, input.ownerId)
      : null;
    if (!owner?.active) errors.push({ key: 'ownerId', message: 'Select who will do it' });
    if (input.dueOn === '') errors.push({ key: 'dueOn', message: 'Enter the date it is due' });
    else if (!isIsoDate(input.dueOn))
      errors.push({ key: 'dueOn', message: 'The due date must be a real date' });
    if (errors.length || !owner) throw new InvalidInput(errors);
    const actor = actorFor(principal, requestId);
    await change(principal.councilId, complaint.id, async (trx, current, at) => {
      if (
        current.status === 'awaiting-triage' ||
        current.status === 'not-accepted' ||
        current.status === 'closed'
      )
        throw refused('kind', 'Remedies are recorded for an accepted complaint that is not closed');
      const id = uuidv7(at.getTime());
      const remedy = {
        id,
        complaintId: current.id,
        stage: current.stage,
        kind: input.kind,
        description: input.description,
        amountPence,
        ownerId: owner.id,
        dueOn: input.dueOn,
        recordedBy: principal.personId,
      };
      await repo.insertRemedy(trx, principal.councilId, remedy, at);
      await appendAudit(
        trx,
        actor,
        { action: 'complaint.remedy-added', recordType: 'complaint', recordId: current.id, after: remedy },
        at,
      );
    });
  }

  async function remedyDone(principal: Principal, reference: string, remedyId: string, requestId?: string) {
    const complaint = await forTeam(principal, reference);
    if (!isUuid(remedyId)) throw new NotFound('No such remedy');
    const actor = actorFor(principal, requestId);
    await change(principal.councilId, complaint.id, async (trx, current, at) => {
      const done = await repo.markRemedyDone(
        trx,
        principal.councilId,
        current.id,
        remedyId,
        londonDate(at),
        principal.personId,
      );
      if (!done) throw new NotFound('No such remedy outstanding');
      await appendAudit(
        trx,
        actor,
        {
          action: 'complaint.remedy-done',
          recordType: 'complaint',
          recordId: current.id,
          after: { remedyId },
        },
        at,
      );
    });
  }

  async function addImprovement(
    principal: Principal,
    reference: string,
    input: { description: string },
    requestId?: string,
  ) {
    const complaint = await forTeam(principal, reference);
    if (input.description === '') throw refused('improvement', 'Describe the improvement to the service');
    if (input.description.length > 2000)
      throw refused('improvement', 'The improvement must be 2,000 characters or fewer');
    const actor = actorFor(principal, requestId);
    await change(principal.councilId, complaint.id, async (trx, current, at) => {
      const improvement = {
        id: uuidv7(at.getTime()),
        complaintId: current.id,
        serviceId: current.serviceId,
        serviceName: current.serviceName || 'No service named',
        description: input.description,
        recordedBy: principal.personId,
      };
      await repo.insertImprovement(trx, principal.councilId, improvement, at);
      await appendAudit(
        trx,
        actor,
        {
          action: 'complaint.improvement-recorded',
          recordType: 'complaint',
          recordId: current.id,
          after: improvement,
        },
        at,
      );
    });
  }

  async function answerAccount(
    principal: Principal,
    requestId: string,
    account: string,
    httpRequestId?: string,
  ) {
    const { request } = await accountRequestFor(principal, requestId);
    if (request.answeredAt) throw refused('account', 'You have already sent your account');
    if (account === '') throw refused('account', 'Enter your account');
    if (account.length > 20000) throw refused('account', 'Your account must be 20,000 characters or fewer');
    const actor = actorFor(principal, httpRequestId);
    await change(principal.councilId, request.complaintId, async (trx, complaint, at) => {
      await repo.answerAccountRequest(trx, principal.councilId, request.id, account, at);
      await appendAudit(
        trx,
        actor,
        {
          action: 'complaint.account-given',
          recordType: 'complaint',
          recordId: complaint.id,
          after: { requestId: request.id },
        },
        at,
      );
    });
  }

  // One request for an account, for the person asked: only what they need to answer it.
  async function accountRequestFor(principal: Principal, id: string) {
    const request = isUuid(id) ? await repo.accountRequest(db, principal.councilId, id) : undefined;
    if (!request || request.personId !== principal.personId) throw new NotFound('No such request');
    const complaint = await repo.complaintById(db, principal.councilId, request.complaintId);
    if (!complaint || complaint.anonymisedAt) throw new NotFound('No such request');
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

  async function sendReminders(councilId: string) {
    const policy = await organisation.policy(councilId);
    const calendar = await organisation.calendar(councilId);
    const now = clock.now();
    const today = londonDate(now);
    const horizon = addWorkingDays(calendar, today, policy.complaintReminderWorkingDays);
    const due = await repo.openStagesDueBy(db, councilId, horizon);
    const managers = await organisation.peopleWithRole(councilId, 'complaints-manager');
    let sent = 0;
    for (const stage of due) {
      const deadlines = [
        ...(stage.acknowledgedOn === null
          ? [{ deadline: 'acknowledge-by' as const, dueOn: stage.acknowledgeBy }]
          : []),
        ...(stage.respondBy ? [{ deadline: 'respond-by' as const, dueOn: stage.respondBy }] : []),
      ].filter((d) => d.dueOn <= horizon);
      // A stage without a handler (awaiting triage or allocation): the complaints managers are told.
      const to =
        stage.handlerId && stage.handlerEmail
          ? [{ name: stage.handlerName ?? '', email: stage.handlerEmail }]
          : managers.map((m) => ({ name: m.name, email: m.email }));
      for (const { deadline, dueOn } of deadlines) {
        const reminders = to.map((person) =>
          reminderEmail(
            person,
            { reference: stage.reference, stage: stage.stage, deadline, dueOn, overdue: dueOn < today },
            caseLink(stage.reference),
          ),
        );
        await db.transaction().execute(async (trx) => {
          const reminder = { complaintId: stage.complaintId, stage: stage.stage, deadline, dueOn };
          if (!(await repo.claimReminder(trx, councilId, reminder, now))) return;
          await outbox.enqueue(trx, councilId, ...reminders);
          sent += reminders.length;
        });
      }
    }
    return sent;
  }

  return {
    triage,
    allocate,
    askForAccounts,
    extend,
    respond,
    escalate,
    close,
    addRemedy,
    remedyDone,
    addImprovement,
    answerAccount,
    accountRequestFor,
    sendReminders,

    // Staff record an escalation received by phone or letter.
    async recordEscalation(principal: Principal, reference: string, reason: string, requestId?: string) {
      const complaint = await forTeam(principal, reference);
      if (reason.length > 5000) throw refused('reason', 'The reason must be 5,000 characters or fewer');
      await escalate(principal.councilId, complaint.id, actorFor(principal, requestId), reason);
    },

    // The case header for other parts' pages; NotFound for anyone but the team.
    async caseSummary(
      councilId: string,
      reference: string,
      viewer: { personId: string; roles: Principal['roles'] },
    ) {
      const complaint = await complaintOf(councilId, reference);
      if (caseAccess(viewer.roles, false) !== 'whole-case') throw new NotFound('No such complaint');
      return summaryOf(councilId, complaint);
    },

    // Where a signed-in person may go for a complaint: the whole case, or their account request.
    async accessTo(principal: Principal, reference: string) {
      const complaint = await repo.complaintByReference(db, principal.councilId, reference);
      if (!complaint || complaint.anonymisedAt) return { access: 'none' as const };
      const requestId = await repo.isAskedForAccount(
        db,
        principal.councilId,
        complaint.id,
        principal.personId,
      );
      return { access: caseAccess(principal.roles, requestId !== null), requestId };
    },

    // Everything about a case, for the complaints team; the view is audited.
    async view(principal: Principal, reference: string, requestId?: string) {
      const complaint = await forTeam(principal, reference);
      const councilId = principal.councilId;
      const policy = await organisation.policy(councilId);
      const calendar = await organisation.calendar(councilId);
      const [stages, accounts, remedies, improvements, documents, warning] = await Promise.all([
        repo.stages(db, councilId, complaint.id),
        repo.accountRequests(db, councilId, complaint.id),
        repo.remedies(db, councilId, complaint.id),
        repo.improvements(db, councilId, complaint.id),
        repo.documents(db, councilId, complaint.id),
        customers.contactWarning(councilId, complaint.customerId, complaint.serviceId),
      ]);
      await recordAccess(
        db,
        actorFor(principal, requestId),
        { action: 'complaint.viewed', recordType: 'complaint', recordId: complaint.id },
        clock.now(),
      );
      return {
        complaint,
        summary: await summaryOf(councilId, complaint),
        stages,
        accounts,
        remedies,
        improvements,
        documents,
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
    },

    // Who may be chosen as handler: the complaints team, with why any of them cannot take it.
    async handlerChoices(principal: Principal, reference: string) {
      const complaint = await forTeam(principal, reference);
      const { all } = await currentStage(principal.councilId, complaint);
      const stage1 = all.find((s) => s.stage === 1);
      const team = [
        ...(await organisation.peopleWithRole(principal.councilId, 'complaints-officer')),
        ...(await organisation.peopleWithRole(principal.councilId, 'complaints-manager')),
      ].filter((person, index, list) => list.findIndex((p) => p.id === person.id) === index);
      return team.map((person) => ({
        id: person.id,
        name: person.name,
        refusal: handlerRefusal(person, complaint, complaint.stage, stage1?.handlerId ?? null),
      }));
    },

    // The handler's most urgent open stages with how many there are of each urgency, and the
    // team's oldest untriaged and unallocated: a page of bounded size however many are open.
    async queue(principal: Principal) {
      const councilId = principal.councilId;
      const { policy, calendar } = await organisation.policyAndCalendar(
        councilId,
        principal.councilRulesVersion,
      );
      const today = londonDate(clock.now());
      const atRiskBy = addWorkingDays(calendar, today, policy.complaintReminderWorkingDays);
      const page = await repo.queuePage(
        db,
        councilId,
        principal.personId,
        { today, atRiskBy },
        { mine: queueRows, team: teamRows, cap: countCap },
      );
      const withUrgency = (items: repo.QueueItem[]) =>
        items.map((item) => ({
          ...item,
          urgency: urgencyBy(today, atRiskBy, item.due),
        }));
      const groups = { overdue: [], 'due-today': [], 'at-risk': [], later: [] } as Record<
        Urgency,
        (repo.QueueItem & { urgency: Urgency })[]
      >;
      for (const item of withUrgency(page.mine)) groups[item.urgency].push(item);
      return {
        groups,
        counts: page.counts,
        countCap,
        triage: withUrgency(page.triage),
        triageCount: page.awaitingTriage,
        unallocated: withUrgency(page.unallocated),
        today,
      };
    },

    async list(
      principal: Principal,
      filter: { text: string; status: string; serviceId: string; mine: boolean },
      page: { after?: CursorKey | undefined; limit: number },
    ) {
      const councilId = principal.councilId;
      const text = filter.text.trim();
      const reference = /^CMP-\d{4}-\d{1,6}$/i.test(text) ? text.toUpperCase() : undefined;
      const customerIds =
        text && !reference
          ? (await customers.search(councilId, text)).map((c) => c.id).slice(0, 200)
          : undefined;
      return repo.listComplaints(
        db,
        councilId,
        {
          ...(reference ? { reference } : {}),
          ...(customerIds ? { customerIds } : {}),
          ...(filter.status ? { status: filter.status as ComplaintStatus } : {}),
          ...(isUuid(filter.serviceId) ? { serviceId: filter.serviceId } : {}),
          ...(filter.mine ? { handlerId: principal.personId } : {}),
        },
        page,
      );
    },

    // People to choose from: those in one service (officers named), or everyone (remedy owners).
    async people(principal: Principal, serviceId: string | null) {
      const { people } = await organisation.listPeople(principal.councilId, serviceId ? { serviceId } : {}, {
        limit: 500,
      });
      return people.map((p) => ({ id: p.id, name: p.name, serviceName: p.serviceName }));
    },

    services: (principal: Principal) => organisation.services(principal.councilId),

    accountRequestsOf: (principal: Principal) =>
      repo.accountRequestsOf(db, principal.councilId, principal.personId),
  };
}

function summaryText(whatHappened: string): string {
  return whatHappened.length > 500 ? `${whatHappened.slice(0, 497)}…` : whatHappened;
}

const poundsFormat = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP' });
export const pounds = (pence: number) => poundsFormat.format(pence / 100);

export function remedyText(remedy: {
  kind: string;
  description: string;
  amountPence: number | null;
}): string {
  const kind = remedyKinds[remedy.kind as RemedyKind] ?? remedy.kind;
  const amount = remedy.amountPence !== null ? ` of ${pounds(remedy.amountPence)}` : '';
  return `${kind}${amount}: ${remedy.description}`;
}
