import type { FastifyInstance } from 'fastify';
import { londonDate } from '../../../platform/calendar/daylight.ts';
import type { Clock } from '../../../platform/clock.ts';
import { InvalidInput } from '../../../platform/errors.ts';
import { formPage, formRoute, paramsOf, queryOf } from '../../../platform/web/form-kit.ts';
import { render, signedIn } from '../../../platform/web/render.ts';
import { pounds } from '../arrangements/rules.ts';
import { outcomeNames, presentNames } from '../outcomes/rules.ts';
import type { EnforcementService } from '../service.ts';
import {
  allocateForm,
  arrangementStatusNames,
  caseForm,
  caseFormDates,
  caseParams,
  listQuery,
  noticeForm,
  statuses,
  statusNames,
} from './input.ts';

// The cases' pages: the list (an agent's own, or the council's for a team leader), a case, a new
// case, allocating it and recording its notice of enforcement.

export type EnforcementRouteDeps = { enforcement: EnforcementService; clock: Clock };

const views = 'enforcement/cases/views';
export const casePath = (id: string) => `/enforcement/cases/${id}`;
const common = { statusNames, statuses, outcomeNames, presentNames, pounds, arrangementStatusNames };

export function caseRoutes(app: FastifyInstance, deps: EnforcementRouteDeps) {
  const { enforcement } = deps;
  app.get('/enforcement', { config: { access: 'enforcement:read' } }, async (request, reply) => {
    const principal = signedIn(request);
    const query = queryOf(request, listQuery);
    const filter = { status: query.status || null, agentId: query.agent || null };
    const [{ cases, manages }, agents] = await Promise.all([
      enforcement.cases.list(principal, filter),
      enforcement.cases.agents(principal.councilId),
    ]);
    const names = new Map(agents.map((agent) => [agent.id, agent.name]));
    return render(request, reply, `${views}/list.njk`, {
      title: manages ? 'Enforcement cases' : 'My enforcement cases',
      ...common,
      manages,
      filter: query,
      agents,
      cases: cases.map((found) => ({
        ...found,
        agentName: found.agentId ? (names.get(found.agentId) ?? '') : '',
      })),
    });
  });
  app.get('/enforcement/cases/:id', { config: { access: 'enforcement:read' } }, async (request, reply) => {
    const { id } = paramsOf(request, caseParams, 'No such enforcement case');
    const page = await enforcement.cases.page(signedIn(request), id);
    return render(request, reply, `${views}/case.njk`, {
      title: `Enforcement case ${page.case.reference}`,
      ...common,
      ...page,
    });
  });
  newCaseRoute(app, deps);
  allocateRoute(app, deps);
  noticeRoute(app, deps);
}

function newCaseRoute(app: FastifyInstance, { enforcement, clock }: EnforcementRouteDeps) {
  formRoute(app, '/enforcement/cases/new', {
    access: 'enforcement:manage',
    body: caseForm,
    dates: caseFormDates,
    initial: () => ({ kind: 'council-tax', premises: 'domestic' }),
    async page(shown) {
      const principal = signedIn(shown.request);
      return formPage(shown, `${views}/new.njk`, {
        title: 'New enforcement case',
        agents: await enforcement.cases.agents(principal.councilId),
        today: londonDate(clock.now()),
      });
    },
    async submit({ request, body }) {
      const { id } = await enforcement.cases.create(signedIn(request), body, request.id);
      return casePath(id);
    },
  });
}

function allocateRoute(app: FastifyInstance, { enforcement }: EnforcementRouteDeps) {
  formRoute(app, '/enforcement/cases/:id/allocate', {
    access: 'enforcement:manage',
    params: caseParams,
    notFound: 'No such enforcement case',
    body: allocateForm,
    initial: () => ({}),
    async page(shown) {
      const principal = signedIn(shown.request);
      const page = await enforcement.cases.page(principal, shown.params.id);
      const values = { agentId: page.case.agentId ?? '', ...shown.values };
      return formPage({ ...shown, values }, `${views}/allocate.njk`, {
        title: `Allocate ${page.case.reference}`,
        ...page,
        agents: await enforcement.cases.agents(principal.councilId),
      });
    },
    async submit({ request, params, body }) {
      await enforcement.cases.allocate(signedIn(request), params.id, body.agentId, request.id);
      return casePath(params.id);
    },
  });
}

function noticeRoute(app: FastifyInstance, { enforcement }: EnforcementRouteDeps) {
  formRoute(app, '/enforcement/cases/:id/notice', {
    access: 'enforcement:manage',
    params: caseParams,
    notFound: 'No such enforcement case',
    body: noticeForm,
    dates: ['noticeOn'],
    initial: () => ({}),
    async page(shown) {
      const page = await enforcement.cases.page(signedIn(shown.request), shown.params.id);
      return formPage(shown, `${views}/notice.njk`, {
        title: `Notice of enforcement for ${page.case.reference}`,
        ...page,
      });
    },
    async submit({ request, params, body }) {
      if (!body.noticeOn || body.noticeOn === 'not-a-date')
        throw new InvalidInput([
          { key: 'noticeOn', message: 'Enter the date the notice was given, like 4 12 2026' },
        ]);
      await enforcement.cases.recordNotice(signedIn(request), params.id, body.noticeOn, request.id);
      return casePath(params.id);
    },
  });
}
