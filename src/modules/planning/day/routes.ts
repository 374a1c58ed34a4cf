import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { dayMonthYear } from '../../../platform/calendar/date-text.ts';
import { londonDate } from '../../../platform/calendar/daylight.ts';
import type { FieldError } from '../../../platform/errors.ts';
import { formPage, formRoute, paramsOf, queryOf, type ShownForm } from '../../../platform/web/form-kit.ts';
import { dateParts, exampleDate } from '../../../platform/web/forms.ts';
import { signedIn } from '../../../platform/web/render.ts';
import type { PlanningRouteDeps } from '../routes.ts';
import { timeOfDay } from './clock.ts';
import { dayDates, dayForm, makeForm, moveForm, proposalParams } from './input.ts';

// The team leader's pages: plan a day for the team, see it as a list of routes with times, travel
// and a map link per visit, change it by hand, and make it into the officers' plans.

const done = {
  moved: 'Day changed and checked again',
  made: 'Plans made and shared: the check-ins are set',
} as const;
const doneQuery = z.object({ done: z.enum(['moved', 'made']).optional().catch(undefined) });

const osmLink = (place: { latitude: number; longitude: number }) =>
  `https://www.openstreetmap.org/?mlat=${place.latitude}&mlon=${place.longitude}#map=18/${place.latitude}/${place.longitude}`;

async function showDay(
  deps: PlanningRouteDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  id: string,
  errors: readonly FieldError[] = [],
  values: Record<string, unknown> = {},
) {
  const page = await deps.planning.page(signedIn(request), id);
  const flashKey = queryOf(request, doneQuery).done;
  return formPage({ request, reply, values, errors }, 'planning/day/views/day.njk', {
    title: `The team’s day, ${dayMonthYear(page.proposal.planDate)}`,
    ...page,
    timeOfDay,
    osmLink,
    flash: flashKey ? done[flashKey] : undefined,
  });
}

export function dayRoutes(app: FastifyInstance, deps: PlanningRouteDeps) {
  newDayRoute(app, deps);
  app.get('/planning/days/:proposalId', { config: { access: 'visits:plan' } }, async (request, reply) => {
    const { proposalId } = paramsOf(request, proposalParams, 'No such planned day');
    return showDay(deps, request, reply, proposalId);
  });
  formRoute(app, '/planning/days/:proposalId/move', {
    access: 'visits:plan',
    params: proposalParams,
    notFound: 'No such planned day',
    body: moveForm,
    submit: async ({ request, params, body }) => {
      await deps.planning.move(signedIn(request), params.proposalId, body, request.id);
      return `/planning/days/${params.proposalId}?done=moved#changes`;
    },
    page: (shown) =>
      showDay(deps, shown.request, shown.reply, shown.params.proposalId, shown.errors, shown.values),
  });
  formRoute(app, '/planning/days/:proposalId/make', {
    access: 'visits:plan',
    params: proposalParams,
    notFound: 'No such planned day',
    body: makeForm,
    submit: async ({ request, params, body }) => {
      await deps.planning.make(signedIn(request), params.proposalId, body, request.id);
      return `/planning/days/${params.proposalId}?done=made`;
    },
    page: (shown) =>
      showDay(deps, shown.request, shown.reply, shown.params.proposalId, shown.errors, shown.values),
  });
}

function newDayRoute(app: FastifyInstance, deps: PlanningRouteDeps) {
  const page = async (shown: ShownForm) => {
    const staff = await deps.planning.staff(signedIn(shown.request));
    return formPage(shown, 'planning/day/views/new-day.njk', {
      title: 'Plan the team’s day',
      ...staff,
      // The officers' own starts and hours show open when one of them is wrong.
      ownOpen: shown.errors.some((error) => /-[0-9a-f-]{36}$/.test(error.key)),
      example: exampleDate(londonDate(deps.clock.now())),
    });
  };
  formRoute(app, '/planning', {
    access: 'visits:plan',
    body: dayForm,
    dates: dayDates,
    initial: async (request) => {
      const { planDate, office } = await deps.planning.defaults(signedIn(request).councilId);
      return {
        ...dateParts(planDate, 'planDate'),
        from: '09:00',
        until: '17:00',
        minutes: '20',
        officeAddress: office?.address ?? '',
        officePostcode: office?.postcode ?? '',
      };
    },
    submit: async ({ request, body }) => {
      const id = await deps.planning.draft(signedIn(request), body, request.id);
      return `/planning/days/${id}`;
    },
    page,
  });
}
