import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Principal } from '../../../platform/auth/principal.ts';
import { weekdayDayMonthYear } from '../../../platform/calendar/date-text.ts';
import { londonDate } from '../../../platform/calendar/daylight.ts';
import { InvalidInput, NotFound } from '../../../platform/errors.ts';
import { dateInput, formErrors, text } from '../../../platform/web/forms.ts';
import { render, signedIn } from '../../../platform/web/render.ts';
import { urgency, urgencyNames } from '../deadline-rules.ts';
import type { ComplaintsRouteDeps } from '../routes.ts';
import { statusTag } from '../status-rules.ts';
import { complaintCategories, statutoryRoutes, triageDecisions } from '../triage-rules.ts';
import { outcomes, pounds, remedyKinds, remedyText } from './service.ts';

const referencePattern = /^CMP-\d{4}-\d{1,6}$/;

function referenceOf(request: FastifyRequest): string {
  const { reference } = request.params as { reference: string };
  if (!referencePattern.test(reference)) throw new NotFound('No such complaint');
  return reference;
}

type Body = Record<string, unknown>;
const field = (body: Body, key: string) => text(body[key]).trim();

// What the case page says after each action.
const doneMessages: Record<string, string> = {
  triaged: 'Triage decision recorded and the letter sent.',
  allocated: 'Complaint allocated. The officer has been emailed.',
  asked: 'Accounts asked for. They have been emailed.',
  extended: 'Extension recorded and the letter with the new date sent.',
  responded: 'Response recorded and the letter sent.',
  remedy: 'Remedy recorded.',
  'remedy-done': 'Remedy marked as done.',
  improvement: 'Service improvement recorded.',
  escalated: 'Escalation to stage 2 recorded and the acknowledgement sent.',
  closed: 'Complaint closed.',
};

// The date inputs' errors link to their first box, as the GOV.UK date input asks.
const dateKeys = new Set(['dueOn']);
const errorsOf = (error?: InvalidInput) =>
  formErrors((error?.errors ?? []).map((e) => (dateKeys.has(e.key) ? { ...e, key: `${e.key}-day` } : e)));

type Action = {
  path: string;
  template: string;
  title: string;
  form: (body: Body) => { typed: Record<string, unknown>; input: Record<string, unknown> };
  run: (principal: Principal, reference: string, input: never, requestId: string) => Promise<void>;
  done: keyof typeof doneMessages;
};

export function caseRoutes(app: FastifyInstance, { casework, clock }: ComplaintsRouteDeps) {
  async function casePage(request: FastifyRequest) {
    const principal = signedIn(request);
    const reference = referenceOf(request);
    const view = await casework.view(principal, reference, request.id);
    return { view };
  }

  async function pageData(
    request: FastifyRequest,
    path: string,
    title: string,
    values: Record<string, unknown> = {},
    error?: InvalidInput,
  ) {
    const { view } = await casePage(request);
    const principal = signedIn(request);
    const { complaint } = view;
    const today = londonDate(clock.now());
    const people =
      path === 'ask' && complaint.serviceId
        ? await casework.people(principal, complaint.serviceId)
        : path === 'remedies'
          ? await casework.people(principal, null)
          : [];
    return {
      title: `${title} – ${complaint.reference}`,
      heading: title,
      formPath: path,
      ...caseModel(view),
      handlers: path === 'allocate' ? await casework.handlerChoices(principal, complaint.reference) : [],
      people,
      exampleDate: `${Number(today.slice(8, 10))} ${Number(today.slice(5, 7))} ${Number(today.slice(0, 4))}`,
      values,
      ...errorsOf(error),
    };
  }

  app.get('/complaints/:reference', { config: { access: 'signed-in' } }, async (request, reply) => {
    const principal = signedIn(request);
    const reference = referenceOf(request);
    const where = await casework.accessTo(principal, reference);
    if (where.access === 'none') throw new NotFound('No such complaint');
    if (where.access === 'account-only' && where.requestId)
      return reply.redirect(`/complaints/accounts/${where.requestId}`, 303);
    const { view } = await casePage(request);
    const done = text((request.query as Body).done);
    return render(request, reply, 'complaints/casework/views/case.njk', {
      title: `${reference}: complaint from ${view.complaint.customerName}`,
      ...caseModel(view),
      flash: doneMessages[done],
    });
  });

  function action({ path, template, title, form, run, done }: Action) {
    const url = `/complaints/:reference/${path}`;
    app.get(url, { config: { access: 'complaints:handle' } }, async (request, reply) =>
      render(request, reply, template, await pageData(request, path, title)),
    );
    app.post(url, { config: { access: 'complaints:handle' } }, async (request, reply: FastifyReply) => {
      const reference = referenceOf(request);
      const { typed, input } = form((request.body ?? {}) as Body);
      try {
        await run(signedIn(request), reference, input as never, request.id);
        return reply.redirect(`/complaints/${reference}?done=${done}`, 303);
      } catch (error) {
        if (!(error instanceof InvalidInput)) throw error;
        reply.code(400);
        return render(request, reply, template, await pageData(request, path, title, typed, error));
      }
    });
  }

  const plain =
    (...keys: string[]) =>
    (body: Body) => {
      const typed = Object.fromEntries(keys.map((key) => [key, field(body, key)]));
      return { typed, input: typed };
    };

  action({
    path: 'triage',
    template: 'complaints/casework/views/triage.njk',
    title: 'Triage the complaint',
    form: plain('decision', 'category', 'housing', 'statutoryRoute', 'reason', 'lateAccepted'),
    run: (principal, reference, input, requestId) => casework.triage(principal, reference, input, requestId),
    done: 'triaged',
  });

  action({
    path: 'allocate',
    template: 'complaints/casework/views/allocate.njk',
    title: 'Allocate the complaint',
    form: plain('handlerId'),
    run: (principal, reference, input: { handlerId: string }, requestId) =>
      casework.allocate(principal, reference, input.handlerId, requestId),
    done: 'allocated',
  });

  action({
    path: 'ask',
    template: 'complaints/casework/views/case-ask.njk',
    title: 'Ask for accounts',
    form: (body) => {
      const due = dateInput(body, 'dueOn');
      const raw = body.officerIds;
      const officerIds = (Array.isArray(raw) ? raw : raw ? [raw] : []).map((id) => text(id)).filter(Boolean);
      const typed = {
        service: field(body, 'service'),
        officerIds,
        question: field(body, 'question'),
        ...due.typed,
      };
      return { typed, input: { ...typed, service: typed.service === 'yes', dueOn: due.date } };
    },
    run: (principal, reference, input, requestId) =>
      casework.askForAccounts(principal, reference, input, requestId),
    done: 'asked',
  });

  action({
    path: 'extend',
    template: 'complaints/casework/views/case-extend.njk',
    title: 'Extend the deadline',
    form: plain('days', 'reason'),
    run: (principal, reference, input, requestId) => casework.extend(principal, reference, input, requestId),
    done: 'extended',
  });

  action({
    path: 'respond',
    template: 'complaints/casework/views/respond.njk',
    title: 'Record the response',
    form: plain('outcome', 'findings'),
    run: (principal, reference, input, requestId) => casework.respond(principal, reference, input, requestId),
    done: 'responded',
  });

  action({
    path: 'remedies',
    template: 'complaints/casework/views/case-remedy.njk',
    title: 'Add a remedy',
    form: (body) => {
      const due = dateInput(body, 'dueOn');
      const typed = {
        kind: field(body, 'kind'),
        description: field(body, 'description'),
        amount: field(body, 'amount'),
        ownerId: field(body, 'ownerId'),
        ...due.typed,
      };
      return { typed, input: { ...typed, dueOn: due.date } };
    },
    run: (principal, reference, input, requestId) =>
      casework.addRemedy(principal, reference, input, requestId),
    done: 'remedy',
  });

  action({
    path: 'improvements',
    template: 'complaints/casework/views/case-improvement.njk',
    title: 'Record a service improvement',
    form: plain('improvement'),
    run: (principal, reference, input: { improvement: string }, requestId) =>
      casework.addImprovement(principal, reference, { description: input.improvement }, requestId),
    done: 'improvement',
  });

  action({
    path: 'escalate',
    template: 'complaints/casework/views/case-escalate.njk',
    title: 'Record an escalation to stage 2',
    form: plain('reason'),
    run: (principal, reference, input: { reason: string }, requestId) =>
      casework.recordEscalation(principal, reference, input.reason, requestId),
    done: 'escalated',
  });

  action({
    path: 'close',
    template: 'complaints/casework/views/case-close.njk',
    title: 'Close the complaint',
    form: plain(),
    run: (principal, reference, _input, requestId) => casework.close(principal, reference, requestId),
    done: 'closed',
  });

  app.post(
    '/complaints/:reference/remedies/:remedyId/done',
    { config: { access: 'complaints:handle' } },
    async (request, reply) => {
      const reference = referenceOf(request);
      const { remedyId } = request.params as { remedyId: string };
      await casework.remedyDone(signedIn(request), reference, remedyId, request.id);
      return reply.redirect(`/complaints/${reference}?done=remedy-done`, 303);
    },
  );

  function caseModel(view: Awaited<ReturnType<typeof casework.view>>) {
    const { complaint, summary, stages } = view;
    const today = londonDate(clock.now());
    const open = complaint.status === 'stage-1' || complaint.status === 'stage-2';
    const current = stages.find((s) => s.stage === complaint.stage);
    return {
      ...view,
      tag: statusTag(complaint.status, complaint.regime),
      categoryName: complaint.category
        ? complaintCategories[complaint.category as keyof typeof complaintCategories]
        : null,
      decisionName: complaint.triageDecision
        ? triageDecisions[complaint.triageDecision as keyof typeof triageDecisions]
        : null,
      routeName: complaint.statutoryRoute
        ? statutoryRoutes[complaint.statutoryRoute as keyof typeof statutoryRoutes].name
        : null,
      stageRows: stages.map((stage) => ({
        ...stage,
        title: complaint.regime === 'single-stage' ? 'The complaint' : `Stage ${stage.stage}`,
        outcomeName: stage.outcome ? outcomes[stage.outcome] : null,
        dueText: stage.respondBy ? weekdayDayMonthYear(stage.extendedTo ?? stage.respondBy) : null,
        acknowledgeText: weekdayDayMonthYear(stage.acknowledgeBy),
        urgencyName:
          !stage.respondedOn &&
          open &&
          stage.stage === complaint.stage &&
          (stage.extendedTo ?? stage.respondBy)
            ? urgencyNames[
                urgency(view.calendar, today, stage.extendedTo ?? stage.respondBy ?? '', view.atRiskDays)
              ]
            : null,
      })),
      remedyRows: view.remedies.map((remedy) => ({
        ...remedy,
        kindName: remedyKinds[remedy.kind as keyof typeof remedyKinds] ?? remedy.kind,
        amount: remedy.amountPence !== null ? pounds(remedy.amountPence) : null,
        text: remedyText(remedy),
      })),
      remedyKinds: Object.entries(remedyKinds).map(([value, label]) => ({ value, text: label })),
      outcomeItems: Object.entries(outcomes).map(([value, label]) => ({ value, text: label })),
      decisionItems: Object.entries(triageDecisions).map(([value, label]) => ({ value, text: label })),
      categoryItems: Object.entries(complaintCategories).map(([value, label]) => ({ value, text: label })),
      routeItems: Object.entries(statutoryRoutes).map(([value, route]) => ({ value, text: route.name })),
      actions: {
        triage: complaint.status === 'awaiting-triage',
        allocate: open && !current?.handlerId,
        reallocate: open && Boolean(current?.handlerId),
        ask: open,
        extend: open && view.maxExtensionDays > 0,
        respond: open,
        remedy:
          complaint.status !== 'awaiting-triage' &&
          complaint.status !== 'not-accepted' &&
          complaint.status !== 'closed',
        escalate: complaint.status === 'stage-1-responded' && complaint.regime === 'complaint-handling-code',
        close: complaint.status === 'stage-1-responded' || complaint.status === 'stage-2-responded',
      },
      summary,
    };
  }
}
