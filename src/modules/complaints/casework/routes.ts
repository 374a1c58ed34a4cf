import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Principal } from '../../../platform/auth/principal.ts';
import { weekdayDayMonthYear } from '../../../platform/calendar/date-text.ts';
import { londonDate } from '../../../platform/calendar/daylight.ts';
import { NotFound } from '../../../platform/errors.ts';
import { formPage, formRoute, formText, paramsOf, queryOf } from '../../../platform/web/form-kit.ts';
import { render, signedIn } from '../../../platform/web/render.ts';
import { urgency, urgencyNames } from '../deadline-rules.ts';
import type { ComplaintsRouteDeps } from '../routes.ts';
import { statusTag } from '../status-rules.ts';
import { complaintCategories, statutoryRoutes, triageDecisions } from '../triage-rules.ts';
import {
  allocateForm,
  askForm,
  caseParams,
  extendForm,
  improvementForm,
  reasonForm,
  remedyForm,
  remedyParams,
  respondForm,
  triageForm,
} from './input.ts';
import { outcomes, pounds, remedyKinds, remedyText } from './rules.ts';

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

const notFound = 'No such complaint';
const caseQuery = z.object({ done: formText.catch('') });

type Action<B extends z.ZodType> = {
  path: string;
  template: string;
  title: string;
  body: B;
  run: (principal: Principal, reference: string, input: z.output<B>, requestId: string) => Promise<void>;
  done: keyof typeof doneMessages;
};

export function caseRoutes(app: FastifyInstance, { casework, clock }: ComplaintsRouteDeps) {
  async function pageData(request: FastifyRequest, reference: string, path: string, title: string) {
    const principal = signedIn(request);
    const view = await casework.view(principal, reference, request.id);
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
    };
  }

  app.get('/complaints/:reference', { config: { access: 'signed-in' } }, async (request, reply) => {
    const principal = signedIn(request);
    const { reference } = paramsOf(request, caseParams, notFound);
    const where = await casework.accessTo(principal, reference);
    if (where.access === 'none') throw new NotFound(notFound);
    if (where.access === 'account-only' && where.requestId)
      return reply.redirect(`/complaints/accounts/${where.requestId}`, 303);
    const view = await casework.view(principal, reference, request.id);
    const { done } = queryOf(request, caseQuery);
    return render(request, reply, 'complaints/casework/views/case.njk', {
      title: `${reference}: complaint from ${view.complaint.customerName}`,
      ...caseModel(view),
      flash: doneMessages[done],
    });
  });

  function action<B extends z.ZodType>({ path, template, title, body, run, done }: Action<B>) {
    formRoute(app, `/complaints/:reference/${path}`, {
      access: 'complaints:handle',
      params: caseParams,
      notFound,
      body,
      dates: ['dueOn'],
      initial: () => ({}),
      submit: async ({ request, params, body: input }) => {
        await run(signedIn(request), params.reference, input, request.id);
        return `/complaints/${params.reference}?done=${done}`;
      },
      page: async (shown) =>
        formPage(shown, template, await pageData(shown.request, shown.params.reference, path, title)),
    });
  }

  action({
    path: 'triage',
    template: 'complaints/casework/views/triage.njk',
    title: 'Triage the complaint',
    body: triageForm,
    run: (principal, reference, input, requestId) => casework.triage(principal, reference, input, requestId),
    done: 'triaged',
  });

  action({
    path: 'allocate',
    template: 'complaints/casework/views/allocate.njk',
    title: 'Allocate the complaint',
    body: allocateForm,
    run: (principal, reference, input, requestId) =>
      casework.allocate(principal, reference, input.handlerId, requestId),
    done: 'allocated',
  });

  action({
    path: 'ask',
    template: 'complaints/casework/views/case-ask.njk',
    title: 'Ask for accounts',
    body: askForm,
    run: (principal, reference, input, requestId) =>
      casework.askForAccounts(principal, reference, input, requestId),
    done: 'asked',
  });

  action({
    path: 'extend',
    template: 'complaints/casework/views/case-extend.njk',
    title: 'Extend the deadline',
    body: extendForm,
    run: (principal, reference, input, requestId) => casework.extend(principal, reference, input, requestId),
    done: 'extended',
  });

  action({
    path: 'respond',
    template: 'complaints/casework/views/respond.njk',
    title: 'Record the response',
    body: respondForm,
    run: (principal, reference, input, requestId) => casework.respond(principal, reference, input, requestId),
    done: 'responded',
  });

  action({
    path: 'remedies',
    template: 'complaints/casework/views/case-remedy.njk',
    title: 'Add a remedy',
    body: remedyForm,
    run: (principal, reference, input, requestId) =>
      casework.addRemedy(principal, reference, input, requestId),
    done: 'remedy',
  });

  action({
    path: 'improvements',
    template: 'complaints/casework/views/case-improvement.njk',
    title: 'Record a service improvement',
    body: improvementForm,
    run: (principal, reference, input, requestId) =>
      casework.addImprovement(principal, reference, { description: input.improvement }, requestId),
    done: 'improvement',
  });

  action({
    path: 'escalate',
    template: 'complaints/casework/views/case-escalate.njk',
    title: 'Record an escalation to stage 2',
    body: reasonForm,
    run: (principal, reference, input, requestId) =>
      casework.recordEscalation(principal, reference, input.reason, requestId),
    done: 'escalated',
  });

  action({
    path: 'close',
    template: 'complaints/casework/views/case-close.njk',
    title: 'Close the complaint',
    body: z.object({}),
    run: (principal, reference, _input, requestId) => casework.close(principal, reference, requestId),
    done: 'closed',
  });

  app.post(
    '/complaints/:reference/remedies/:remedyId/done',
    { config: { access: 'complaints:handle' } },
    async (request, reply) => {
      const { reference, remedyId } = paramsOf(request, remedyParams, notFound);
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
