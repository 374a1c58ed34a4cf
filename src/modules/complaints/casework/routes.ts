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

// What the case page says after each action. An action that writes a letter goes to the letter
// instead, for the officer to check and send it.
const doneMessages: Record<string, string> = {
  allocated: 'Complaint allocated. The officer has been emailed.',
  asked: 'Accounts asked for. They have been emailed.',
  remedy: 'Remedy recorded.',
  'remedy-done': 'Remedy marked as done.',
  improvement: 'Service improvement recorded.',
  closed: 'Complaint closed.',
  merged:
    'The duplicate has been merged into this complaint. Its details and files are under “Duplicates merged into this complaint”.',
  'kept-both': 'Both complaints kept. They will not be shown as possible duplicates of each other again.',
};

const notFound = 'No such complaint';
const views = 'complaints/casework/views';
const caseQuery = z.object({ done: formText.catch('') });

type Run<B extends z.ZodType, R> = (
  casework: Casework,
  principal: Principal,
  reference: string,
  input: z.output<B>,
  requestId: string,
) => Promise<R>;

// After an action: back to the case saying it is done, or on to the letter it wrote, for the
// officer to check and send.
const toCase = (done: string) => (_: unknown, reference: string) => `/complaints/${reference}?done=${done}`;
const toLetter = (letter: { id: string }) => `/letters/${letter.id}?done=written`;

// An action on the case: a form page, its post, and where to go next.
const action =
  <B extends z.ZodType, R>(
    path: string,
    title: string,
    body: B,
    next: (result: R, reference: string) => string,
    run: Run<B, R>,
  ) =>
  (app: FastifyInstance, deps: ComplaintsRouteDeps) =>
    formRoute(app, `/complaints/:reference/${path}`, {
      access: 'complaints:handle',
      params: caseParams,
      notFound,
      body,
      dates: ['dueOn'],
      initial: () => ({}),
      submit: async ({ request, params, body: input }) =>
        next(
          await run(deps.casework, signedIn(request), params.reference, input, request.id),
          params.reference,
        ),
      page: async (shown) => {
        const data = await pageData(deps, shown.request, { reference: shown.params.reference, path, title });
        return formPage(shown, `${views}/${path}.njk`, data);
      },
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
    // DOMAIN.md §3 triage: the complaints this one may repeat, to merge or keep both.
    duplicates: path === 'triage' ? await casework.possibleDuplicates(principal, complaint) : [],
    people,
    exampleDate: `${Number(today.slice(8, 10))} ${Number(today.slice(5, 7))} ${Number(today.slice(0, 4))}`,
  };
}

const actions = [
  action('triage', 'Triage the complaint', triageForm, toLetter, (c, p, ref, input, id) =>
    c.triage(p, ref, input, id),
  ),
  action('allocate', 'Allocate the complaint', allocateForm, toCase('allocated'), (c, p, ref, input, id) =>
    c.allocate(p, ref, input.handlerId, id),
  ),
  action('ask', 'Ask for accounts', askForm, toCase('asked'), (c, p, ref, input, id) =>
    c.askForAccounts(p, ref, input, id),
  ),
  action('extend', 'Extend the deadline', extendForm, toLetter, (c, p, ref, input, id) =>
    c.extend(p, ref, input, id),
  ),
  action('respond', 'Record the response', respondForm, toLetter, (c, p, ref, input, id) =>
    c.respond(p, ref, input, id),
  ),
  action('remedies', 'Add a remedy', remedyForm, toCase('remedy'), (c, p, ref, input, id) =>
    c.addRemedy(p, ref, input, id),
  ),
  action(
    'improvements',
    'Record a service improvement',
    improvementForm,
    toCase('improvement'),
    (c, p, ref, input, id) => c.addImprovement(p, ref, { description: input.improvement }, id),
  ),
  action('escalate', 'Record an escalation to stage 2', reasonForm, toLetter, (c, p, ref, input, id) =>
    c.recordEscalation(p, ref, input.reason, id),
  ),
  action('close', 'Close the complaint', z.object({}), toCase('closed'), (c, p, ref, _input, id) =>
    c.close(p, ref, id),
  ),
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
    const written = await deps.letters.forComplaint(principal.councilId, view.complaint.id, 'all');
    return render(request, reply, `${views}/case.njk`, {
      title: `${reference}: complaint from ${view.complaint.customerName}`,
      ...caseModel(view, londonDate(clock.now())),
      // Letters written and not sent yet: nothing has gone to the person until they are.
      unsentLetters: written.filter((letter) => letter.state !== 'sent'),
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
