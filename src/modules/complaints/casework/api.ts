import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Principal } from '../../../platform/auth/principal.ts';
import { londonDate } from '../../../platform/calendar/daylight.ts';
import { problems } from '../../../platform/web/api-problems.ts';
import { apiRoutes } from '../../../platform/web/api-route.ts';
import { encodeCursor } from '../../../platform/web/cursor.ts';
import { paramsOf } from '../../../platform/web/form-kit.ts';
import { signedIn } from '../../../platform/web/render.ts';
import { draftLetter } from '../../letters/service.ts';
import type { ComplaintsRouteDeps } from '../routes.ts';
import {
  allocateBody,
  caseView,
  changedView,
  complaintListedView,
  escalateBody,
  extendBody,
  improvementBody,
  referenceParams,
  remedyBody,
  remedyParams,
  respondBody,
  statusEnum,
  triageBody,
} from './api-views.ts';
import { caseModel } from './case-model.ts';
import { caseParams, remedyParams as remedyPath } from './input.ts';
import { afterCursor } from './queue.ts';

// Complaints over JSON, in the OpenAPI document: the same use cases, rules and need-to-know as the
// case pages. Only the complaints team sees a complaint; anyone else is told there is no such
// complaint. An action that writes a letter answers the letter as a draft, to be checked and sent
// (or approved) at its page, as the pages do: the API never sends one.

const notFound = 'No such complaint';
const reference = (request: FastifyRequest) => paramsOf(request, caseParams, notFound).reference;

// The case as its page shows it, with what may be done to it now.
export async function caseJson(deps: ComplaintsRouteDeps, request: FastifyRequest, ref: string) {
  const view = await deps.casework.view(signedIn(request), ref, request.id);
  const { actions } = caseModel(view, londonDate(deps.clock.now()));
  const { complaint, stages, accounts, remedies, improvements, maxExtensionDays } = view;
  return {
    complaint,
    due: view.summary.due,
    stages,
    accounts,
    remedies,
    improvements,
    maxExtensionDays,
    actions,
  };
}

const letterOf = (letter: { id: string } | undefined) => (letter ? draftLetter(letter.id) : null);

const listQuery = z.object({
  q: z.string().max(200).optional().describe('A reference, or words in the customer’s name, email or phone'),
  status: statusEnum.optional(),
  service: z.uuid().optional().describe('A service’s id'),
  mine: z
    .enum(['true', 'false'])
    .optional()
    .describe('true: only open complaints whose current stage you handle'),
  limit: z.coerce.number().int().min(1).max(200).default(25),
  cursor: z.string().max(500).optional().describe('nextCursor from the previous page'),
});

export function complaintsReadApi(app: FastifyInstance, deps: ComplaintsRouteDeps) {
  const { api, options } = apiRoutes(app, ['complaints']);
  api.get(
    '/api/v1/complaints',
    options('complaints:handle', {
      operationId: 'listComplaints',
      summary: 'Every complaint, newest first, with the list page’s filters',
      querystring: listQuery,
      response: {
        200: z.object({ items: z.array(complaintListedView), nextCursor: z.string().nullable() }),
        ...problems,
      },
    }),
    async (request) => {
      const { q, status, service, mine, limit, cursor } = request.query;
      const filter = { text: q ?? '', status: status ?? '', serviceId: service ?? '', mine: mine === 'true' };
      const after = afterCursor(cursor, 'cursor');
      const rows = await deps.casework.list(signedIn(request), filter, { after, limit: limit + 1 });
      const page = rows.slice(0, limit);
      const last = page.at(-1);
      const next =
        rows.length > limit && last ? encodeCursor([last.receivedAt.toISOString(), last.complaintId]) : null;
      return { items: page, nextCursor: next };
    },
  );
  api.get(
    '/api/v1/complaints/:reference',
    options('signed-in', {
      operationId: 'getComplaint',
      summary:
        'A complaint with its stages, deadlines, accounts, remedies and improvements (the complaints team)',
      params: referenceParams,
      response: { 200: caseView, ...problems },
    }),
    async (request) => caseJson(deps, request, reference(request)),
  );
}

type Change<B extends z.ZodType> = (
  deps: ComplaintsRouteDeps,
  principal: Principal,
  ref: string,
  body: z.output<B>,
  requestId: string,
) => Promise<{ id: string } | undefined>;

// A change to a case through its use case; the case as it now stands, and any letter it wrote.
function changeRoute<B extends z.ZodType>(
  app: FastifyInstance,
  deps: ComplaintsRouteDeps,
  step: { path: string; operationId: string; summary: string; body: B; run: Change<B> },
) {
  const { api, options } = apiRoutes(app, ['complaints']);
  api.post(
    `/api/v1/complaints/:reference/${step.path}`,
    options('complaints:handle', {
      operationId: step.operationId,
      summary: step.summary,
      params: referenceParams,
      body: step.body,
      response: { 200: changedView, ...problems },
    }),
    async (request) => {
      const ref = reference(request);
      const body = request.body as z.output<B>;
      const letter = await step.run(deps, signedIn(request), ref, body, request.id);
      return { case: await caseJson(deps, request, ref), letter: letterOf(letter) };
    },
  );
}

const yesNo = (value: boolean | undefined) => (value === undefined ? '' : value ? 'yes' : 'no');

// A change and the use case it runs, registered by complaintsChangeApi.
const step =
  <B extends z.ZodType>(path: string, operationId: string, summary: string, body: B, run: Change<B>) =>
  (app: FastifyInstance, deps: ComplaintsRouteDeps) =>
    changeRoute(app, deps, { path, operationId, summary, body, run });

// A use case that writes no letter.
const noLetter =
  <B extends z.ZodType>(work: (...args: Parameters<Change<B>>) => Promise<unknown>): Change<B> =>
  async (...args) => {
    await work(...args);
    return undefined;
  };

const steps = [
  step(
    'triage',
    'triageComplaint',
    'Accept (acknowledge) or refuse a complaint awaiting triage; writes the acknowledgement or refusal as a draft',
    triageBody,
    (d, p, ref, b, id) =>
      d.casework.triage(
        p,
        ref,
        {
          decision: b.decision,
          category: b.category ?? '',
          housing: yesNo(b.housing),
          statutoryRoute: b.statutoryRoute ?? '',
          reason: b.reason ?? '',
          lateAccepted: b.lateAccepted ? 'yes' : '',
        },
        id,
      ),
  ),
  step(
    'allocation',
    'allocateComplaint',
    'Allocate or re-allocate the current stage to a complaints officer; they are emailed',
    allocateBody,
    noLetter((d, p, ref, b, id) => d.casework.allocate(p, ref, b.handlerId, id)),
  ),
  step(
    'extension',
    'extendComplaint',
    'Extend the current stage’s deadline, within the Code’s limit; writes the extension letter as a draft',
    extendBody,
    (d, p, ref, b, id) => d.casework.extend(p, ref, { days: String(b.days), reason: b.reason }, id),
  ),
  step(
    'response',
    'respondToComplaint',
    'Record the stage’s outcome and findings; writes the response letter as a draft',
    respondBody,
    (d, p, ref, b, id) => d.casework.respond(p, ref, b, id),
  ),
  step(
    'escalation',
    'escalateComplaint',
    'Escalate to stage 2, as asked by phone or letter; writes the acknowledgement as a draft',
    escalateBody,
    (d, p, ref, b, id) => d.casework.recordEscalation(p, ref, b.reason ?? '', id),
  ),
  step(
    'remedies',
    'addComplaintRemedy',
    'Record what the council agrees to do to put things right, for the current stage',
    remedyBody,
    noLetter((d, p, ref, b, id) => d.casework.addRemedy(p, ref, { ...b, amount: b.amount ?? '' }, id)),
  ),
  step(
    'improvements',
    'addServiceImprovement',
    'Record a change the service makes because of the complaint',
    improvementBody,
    noLetter((d, p, ref, b, id) => d.casework.addImprovement(p, ref, { description: b.improvement }, id)),
  ),
  step(
    'close',
    'closeComplaint',
    'Close a complaint whose stage has been answered',
    z.object({}),
    noLetter((d, p, ref, _b, id) => d.casework.close(p, ref, id)),
  ),
];

export function complaintsChangeApi(app: FastifyInstance, deps: ComplaintsRouteDeps) {
  for (const register of steps) register(app, deps);
  const { api, options } = apiRoutes(app, ['complaints']);
  api.post(
    '/api/v1/complaints/:reference/remedies/:remedyId/done',
    options('complaints:handle', {
      operationId: 'completeComplaintRemedy',
      summary: 'Mark a remedy as done',
      params: remedyParams,
      response: { 200: changedView, ...problems },
    }),
    async (request) => {
      const { reference: ref, remedyId } = paramsOf(request, remedyPath, notFound);
      await deps.casework.remedyDone(signedIn(request), ref, remedyId, request.id);
      return { case: await caseJson(deps, request, ref), letter: null };
    },
  );
}
