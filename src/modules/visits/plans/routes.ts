import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { dayMonthYear } from '../../../platform/calendar/date-text.ts';
import { londonDate } from '../../../platform/calendar/daylight.ts';
import type { FieldError } from '../../../platform/errors.ts';
import { formPage, formRoute, paramsOf, queryOf, type ShownForm } from '../../../platform/web/form-kit.ts';
import { dateParts, exampleDate } from '../../../platform/web/forms.ts';
import { render, signedIn } from '../../../platform/web/render.ts';
import { levelNames, statusNames } from '../escalation/rules.ts';
import type { VisitsRouteDeps } from '../routes.ts';
import { purposeNames } from './diary-sheet.ts';
import { deviationForm, planDates, planForm, planParams } from './input.ts';

// The field officer's pages for a day: their plans, a new plan, the plan itself (shared, printed
// as the diary sheet, changed during the day).

const done = {
  created: 'Plan made: add the visits in the order of your route',
  shared: 'Plan shared: the responsible officer and your line manager have the diary sheet',
  'checked-in': 'Checked in',
  'already-checked-in': 'You had already checked in',
  help: 'Help is on the way: the responsible officer and your line manager have been alerted',
  'help-already': 'Your call for help is already with the responsible officer and your line manager',
  deviation: 'Deviation recorded: the responsible officer can see it',
  'visit-added': 'Visit added',
  'visit-changed': 'Visit changed',
  'visit-dropped': 'Visit dropped',
  moved: 'Route changed',
  advice: 'Advice recorded',
  authorised: 'Out-of-hours visit authorised',
  call: 'Call recorded',
  customer: 'Customer record linked: their restrictions show on the visit',
} as const;

const doneQuery = z.object({
  done: z
    .enum(Object.keys(done) as [keyof typeof done])
    .optional()
    .catch(undefined),
});

export const flashOf = (request: FastifyRequest) => {
  const key = queryOf(request, doneQuery).done;
  return key ? done[key] : undefined;
};

// The plan's page, after a refused action on it with the reasons in its error summary.
export async function showPlan(
  deps: VisitsRouteDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  planId: string,
  errors: readonly FieldError[] = [],
) {
  const page = await deps.visits.plans.page(signedIn(request), planId, request.id);
  const checks = await deps.visits.plans.checksOf(page.plan, page.visits);
  const owedByVisit = new Map(page.owed.map((owed) => [owed.visitId, owed]));
  return formPage({ request, reply, values: {}, errors }, 'visits/plans/views/plan.njk', {
    title: `Visits on ${dayMonthYear(page.plan.planDate)}`,
    ...page,
    checks: Object.fromEntries(checks),
    route: page.visits.filter((visit) => !visit.droppedAt),
    visitAddress: Object.fromEntries(page.visits.map((visit) => [visit.id, visit.address])),
    owedByVisit: Object.fromEntries([...owedByVisit].map(([id, owed]) => [id ?? 'home', owed])),
    purposeNames,
    levelNames,
    statusNames,
    isToday: page.plan.planDate === page.today,
    flash: flashOf(request),
  });
}

export function planRoutes(app: FastifyInstance, deps: VisitsRouteDeps) {
  app.get('/visits', { config: { access: 'visits:plan' } }, async (request, reply) => {
    const mine = await deps.visits.plans.mine(signedIn(request));
    return render(request, reply, 'visits/plans/views/mine.njk', {
      title: 'Field visits',
      ...mine,
      flash: flashOf(request),
    });
  });
  newPlanRoute(app, deps);
  app.get('/visits/plans/:planId', { config: { access: 'signed-in' } }, async (request, reply) => {
    const { planId } = paramsOf(request, planParams, 'No such plan');
    return showPlan(deps, request, reply, planId);
  });
  app.get(
    '/visits/plans/:planId/diary-sheet.pdf',
    { config: { access: 'signed-in' } },
    async (request, reply) => {
      const { planId } = paramsOf(request, planParams, 'No such plan');
      const { plan, pdf } = await deps.visits.plans.diarySheet(signedIn(request), planId);
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="diary-sheet-${plan.planDate}.pdf"`)
        .send(pdf);
    },
  );
  formRoute(app, '/visits/plans/:planId/share', {
    access: 'visits:plan',
    params: planParams,
    notFound: 'No such plan',
    body: z.object({}),
    submit: async ({ request, params }) => {
      await deps.visits.plans.share(signedIn(request), params.planId, request.id);
      return `/visits/plans/${params.planId}?done=shared`;
    },
    page: (shown) => showPlan(deps, shown.request, shown.reply, shown.params.planId, shown.errors),
  });
  deviationRoute(app, deps);
}

function newPlanRoute(app: FastifyInstance, deps: VisitsRouteDeps) {
  const page = async (shown: ShownForm) => {
    const staff = await deps.visits.plans.staff(signedIn(shown.request));
    return formPage(shown, 'visits/plans/views/new-plan.njk', {
      title: 'Plan a day of visits',
      ...staff,
      example: exampleDate(londonDate(deps.clock.now())),
    });
  };
  formRoute(app, '/visits/plans/new', {
    access: 'visits:plan',
    body: planForm,
    dates: planDates,
    initial: () => ({ ...dateParts(londonDate(deps.clock.now()), 'planDate'), homeBy: '17:00' }),
    submit: async ({ request, body }) => {
      const id = await deps.visits.plans.create(signedIn(request), body, request.id);
      return `/visits/plans/${id}?done=created`;
    },
    page,
  });
}

function deviationRoute(app: FastifyInstance, deps: VisitsRouteDeps) {
  formRoute(app, '/visits/plans/:planId/deviation', {
    access: 'visits:plan',
    params: planParams,
    notFound: 'No such plan',
    body: deviationForm,
    initial: () => ({}),
    submit: async ({ request, params, body }) => {
      await deps.visits.plans.recordDeviation(signedIn(request), params.planId, body.detail, request.id);
      return `/visits/plans/${params.planId}?done=deviation`;
    },
    page: (shown) =>
      formPage(shown, 'visits/plans/views/deviation.njk', {
        title: 'Tell the base office about a change of route',
        planId: shown.params.planId,
      }),
  });
}
