import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import { londonTime } from '../../../platform/calendar/daylight.ts';
import { NotFound } from '../../../platform/errors.ts';
import { formPage, formRoute, paramsOf, type ShownForm } from '../../../platform/web/form-kit.ts';
import { signedIn } from '../../../platform/web/render.ts';
import { categoryText } from '../../customers/service.ts';
import type { Visit } from '../repository.ts';
import type { VisitsRouteDeps } from '../routes.ts';
import { purposeNames } from './diary-sheet.ts';
import {
  adviceForm,
  authorisationForm,
  customerForm,
  dropForm,
  moveForm,
  planParams,
  visitForm,
  visitParams,
} from './input.ts';
import { flashOf, showPlan } from './routes.ts';

// A visit's pages: adding and changing it, its checks before it starts (cautions, restrictions,
// hours, conflicts), dropping and moving it, and a line manager's advice and authorisation.

type VisitIds = z.output<typeof visitParams>;
const planPath = (ids: { planId: string }, done: string) => `/visits/plans/${ids.planId}?done=${done}`;

const formValues = (visit: Visit) => ({
  address: visit.address,
  latitude: visit.latitude === null ? '' : String(visit.latitude),
  longitude: visit.longitude === null ? '' : String(visit.longitude),
  accountRef: visit.accountRef,
  accountHolder: visit.accountHolder,
  purpose: visit.purpose,
  premises: visit.premises,
  tradingFrom: visit.tradingFrom ?? '',
  tradingUntil: visit.tradingUntil ?? '',
  courtOrder: visit.courtOrder,
  notes: visit.notes,
  start: londonTime(visit.plannedStart),
  finish: londonTime(visit.plannedFinish),
  secondOfficerId: visit.secondOfficerId ?? '',
});

async function visitOf(deps: VisitsRouteDeps, request: ShownForm['request'], ids: VisitIds) {
  const page = await deps.visits.plans.page(signedIn(request), ids.planId, request.id);
  const visit = page.visits.find((one) => one.id === ids.visitId);
  if (!visit) throw new NotFound('No such visit');
  return { page, visit };
}

function visitFormRoutes(app: FastifyInstance, deps: VisitsRouteDeps) {
  const page = async (shown: ShownForm & { params: { planId: string; visitId?: string } }) => {
    const staff = await deps.visits.plans.staff(signedIn(shown.request));
    const editing = Boolean(shown.params.visitId);
    return formPage(shown, 'visits/plans/views/visit-form.njk', {
      title: editing ? 'Change the visit' : 'Add a visit',
      editing,
      planId: shown.params.planId,
      action: editing
        ? `/visits/plans/${shown.params.planId}/visits/${shown.params.visitId}/edit`
        : `/visits/plans/${shown.params.planId}/visits/new`,
      colleagues: staff.colleagues,
      purposeNames,
    });
  };
  formRoute(app, '/visits/plans/:planId/visits/new', {
    access: 'visits:plan',
    params: planParams,
    notFound: 'No such plan',
    body: visitForm,
    initial: () => ({ purpose: 'enquiry', premises: 'domestic' }),
    submit: async ({ request, params, body }) => {
      await deps.visits.plans.addVisit(signedIn(request), params.planId, body, request.id);
      return planPath(params, 'visit-added');
    },
    page,
  });
  formRoute(app, '/visits/plans/:planId/visits/:visitId/edit', {
    access: 'visits:plan',
    params: visitParams,
    notFound: 'No such visit',
    body: visitForm,
    initial: async (request, params) => formValues((await visitOf(deps, request, params)).visit),
    submit: async ({ request, params, body }) => {
      await deps.visits.plans.editVisit(signedIn(request), params, body, request.id);
      return planPath(params, 'visit-changed');
    },
    page,
  });
}

async function showVisit(
  deps: VisitsRouteDeps,
  shown: ShownForm & { params: VisitIds },
  template = 'visits/plans/views/visit.njk',
) {
  const { page, visit } = await visitOf(deps, shown.request, shown.params);
  const [checks, customers] = await Promise.all([
    deps.visits.plans.checksOf(page.plan, [visit]),
    page.may.change ? deps.visits.plans.customerCandidates(page.plan.councilId, visit) : [],
  ]);
  return formPage(shown, template, {
    title: visit.address,
    ...page,
    visit,
    customers,
    categoryText,
    check: checks.get(visit.id) ?? null,
    purposeNames,
    flash: flashOf(shown.request),
  });
}

function customerRoute(app: FastifyInstance, deps: VisitsRouteDeps) {
  formRoute(app, '/visits/plans/:planId/visits/:visitId/customer', {
    access: 'visits:plan',
    params: visitParams,
    notFound: 'No such visit',
    body: customerForm,
    submit: async ({ request, params, body }) => {
      await deps.visits.plans.linkCustomer(signedIn(request), params, body.customerId, request.id);
      return `/visits/plans/${params.planId}/visits/${params.visitId}?done=customer`;
    },
    page: (shown) => showVisit(deps, shown),
  });
}

function decisionRoutes(app: FastifyInstance, deps: VisitsRouteDeps) {
  customerRoute(app, deps);
  formRoute(app, '/visits/plans/:planId/visits/:visitId/drop', {
    access: 'visits:plan',
    params: visitParams,
    notFound: 'No such visit',
    body: dropForm,
    initial: () => ({}),
    submit: async ({ request, params, body }) => {
      await deps.visits.plans.dropVisit(signedIn(request), params, body.reason, request.id);
      return planPath(params, 'visit-dropped');
    },
    page: (shown) => showVisit(deps, shown, 'visits/plans/views/drop.njk'),
  });
  formRoute(app, '/visits/plans/:planId/visits/:visitId/move', {
    access: 'visits:plan',
    params: visitParams,
    notFound: 'No such visit',
    body: moveForm,
    submit: async ({ request, params, body }) => {
      await deps.visits.plans.moveVisit(signedIn(request), params, body.direction, request.id);
      return planPath(params, 'moved');
    },
    page: (shown) => showPlan(deps, shown.request, shown.reply, shown.params.planId, shown.errors),
  });
  for (const kind of ['advice', 'authorisation'] as const)
    formRoute(app, `/visits/plans/:planId/visits/:visitId/${kind}`, {
      access: 'signed-in',
      params: visitParams,
      notFound: 'No such visit',
      body:
        kind === 'advice'
          ? adviceForm.transform((form) => form.advice)
          : authorisationForm.transform((form) => form.reason),
      submit: async ({ request, params, body }) => {
        await deps.visits.plans.approve(signedIn(request), params, { kind, text: body }, request.id);
        return `/visits/plans/${params.planId}/visits/${params.visitId}?done=${kind === 'advice' ? 'advice' : 'authorised'}`;
      },
      page: (shown) => showVisit(deps, shown),
    });
}

export function visitRoutes(app: FastifyInstance, deps: VisitsRouteDeps) {
  visitFormRoutes(app, deps);
  app.get(
    '/visits/plans/:planId/visits/:visitId',
    { config: { access: 'signed-in' } },
    async (request, reply) => {
      const params = paramsOf(request, visitParams, 'No such visit');
      return showVisit(deps, { request, reply, params, values: {}, errors: [] });
    },
  );
  decisionRoutes(app, deps);
}
