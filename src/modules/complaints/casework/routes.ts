import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Principal } from '../../../platform/auth/principal.ts';
import { londonDate } from '../../../platform/calendar/daylight.ts';
import { NotFound } from '../../../platform/errors.ts';
import { formPage, formRoute, formText, paramsOf, queryOf } from '../../../platform/web/form-kit.ts';
import { render, signedIn } from '../../../platform/web/render.ts';
import type { ComplaintsRouteDeps } from '../routes.ts';
import { caseModel } from './case-model.ts';
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
import type { Casework } from './service.ts';

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
  run: (
    casework: Casework,
    principal: Principal,
    reference: string,
    input: z.output<B>,
    requestId: string,
  ) => Promise<void>;
  done: keyof typeof doneMessages;
};

// An action on the case: a form page, its post, and back to the case saying it is done.
const action =
  <B extends z.ZodType>({ path, template, title, body, run, done }: Action<B>) =>
  (app: FastifyInstance, deps: ComplaintsRouteDeps) =>
    formRoute(app, `/complaints/:reference/${path}`, {
      access: 'complaints:handle',
      params: caseParams,
      notFound,
      body,
      dates: ['dueOn'],
      initial: () => ({}),
      submit: async ({ request, params, body: input }) => {
        await run(deps.casework, signedIn(request), params.reference, input, request.id);
        return `/complaints/${params.reference}?done=${done}`;
      },
      page: async (shown) =>
        formPage(
          shown,
          template,
          await pageData(deps, shown.request, { reference: shown.params.reference, path, title }),
        ),
    });

// A case form's page: the case, and the people it offers to choose from.
async function pageData(
  { casework, clock }: ComplaintsRouteDeps,
  request: FastifyRequest,
  { reference, path, title }: { reference: string; path: string; title: string },
) {
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
    ...caseModel(view, today),
    handlers: path === 'allocate' ? await casework.handlerChoices(principal, complaint.reference) : [],
    people,
    exampleDate: `${Number(today.slice(8, 10))} ${Number(today.slice(5, 7))} ${Number(today.slice(0, 4))}`,
  };
}

const views = 'complaints/casework/views';

const actions = [
  action({
    path: 'triage',
    template: `${views}/triage.njk`,
    title: 'Triage the complaint',
    body: triageForm,
    run: (casework, principal, reference, input, requestId) =>
      casework.triage(principal, reference, input, requestId),
    done: 'triaged',
  }),
  action({
    path: 'allocate',
    template: `${views}/allocate.njk`,
    title: 'Allocate the complaint',
    body: allocateForm,
    run: (casework, principal, reference, input, requestId) =>
      casework.allocate(principal, reference, input.handlerId, requestId),
    done: 'allocated',
  }),
  action({
    path: 'ask',
    template: `${views}/case-ask.njk`,
    title: 'Ask for accounts',
    body: askForm,
    run: (casework, principal, reference, input, requestId) =>
      casework.askForAccounts(principal, reference, input, requestId),
    done: 'asked',
  }),
  action({
    path: 'extend',
    template: `${views}/case-extend.njk`,
    title: 'Extend the deadline',
    body: extendForm,
    run: (casework, principal, reference, input, requestId) =>
      casework.extend(principal, reference, input, requestId),
    done: 'extended',
  }),
  action({
    path: 'respond',
    template: `${views}/respond.njk`,
    title: 'Record the response',
    body: respondForm,
    run: (casework, principal, reference, input, requestId) =>
      casework.respond(principal, reference, input, requestId),
    done: 'responded',
  }),
  action({
    path: 'remedies',
    template: `${views}/case-remedy.njk`,
    title: 'Add a remedy',
    body: remedyForm,
    run: (casework, principal, reference, input, requestId) =>
      casework.addRemedy(principal, reference, input, requestId),
    done: 'remedy',
  }),
  action({
    path: 'improvements',
    template: `${views}/case-improvement.njk`,
    title: 'Record a service improvement',
    body: improvementForm,
    run: (casework, principal, reference, input, requestId) =>
      casework.addImprovement(principal, reference, { description: input.improvement }, requestId),
    done: 'improvement',
  }),
  action({
    path: 'escalate',
    template: `${views}/case-escalate.njk`,
    title: 'Record an escalation to stage 2',
    body: reasonForm,
    run: (casework, principal, reference, input, requestId) =>
      casework.recordEscalation(principal, reference, input.reason, requestId),
    done: 'escalated',
  }),
  action({
    path: 'close',
    template: `${views}/case-close.njk`,
    title: 'Close the complaint',
    body: z.object({}),
    run: (casework, principal, reference, _input, requestId) =>
      casework.close(principal, reference, requestId),
    done: 'closed',
  }),
];

export function caseRoutes(app: FastifyInstance, deps: ComplaintsRouteDeps) {
  const { casework, clock } = deps;
  app.get('/complaints/:reference', { config: { access: 'signed-in' } }, async (request, reply) => {
    const principal = signedIn(request);
    const { reference } = paramsOf(request, caseParams, notFound);
    const where = await casework.accessTo(principal, reference);
    if (where.access === 'none') throw new NotFound(notFound);
    if (where.access === 'account-only' && where.requestId)
      return reply.redirect(`/complaints/accounts/${where.requestId}`, 303);
    const view = await casework.view(principal, reference, request.id);
    const { done } = queryOf(request, caseQuery);
    return render(request, reply, `${views}/case.njk`, {
      title: `${reference}: complaint from ${view.complaint.customerName}`,
      ...caseModel(view, londonDate(clock.now())),
      flash: doneMessages[done],
    });
  });

  for (const register of actions) register(app, deps);

  app.post(
    '/complaints/:reference/remedies/:remedyId/done',
    { config: { access: 'complaints:handle' } },
    async (request, reply) => {
      const { reference, remedyId } = paramsOf(request, remedyParams, notFound);
      await casework.remedyDone(signedIn(request), reference, remedyId, request.id);
      return reply.redirect(`/complaints/${reference}?done=remedy-done`, 303);
    },
  );
}
