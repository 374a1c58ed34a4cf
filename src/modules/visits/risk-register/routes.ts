import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { londonDate } from '../../../platform/calendar/daylight.ts';
import type { Clock } from '../../../platform/clock.ts';
import { formPage, formRoute, paramsOf, queryOf, type ShownForm } from '../../../platform/web/form-kit.ts';
import { dateParts, exampleDate } from '../../../platform/web/forms.ts';
import { render, signedIn } from '../../../platform/web/render.ts';
import { riskRegisterApi } from './api.ts';
import {
  listQuery,
  markerInput,
  markerParams,
  markerStatuses,
  nominationInput,
  removalInput,
  reviewInput,
} from './input.ts';
import { defaultReviewOn, markerReviewMonths, riskKinds, statusNames } from './rules.ts';
import type { RiskRegister } from './service.ts';

// The register's pages. Those who keep it (visits:risk) see markers with their reasons and
// history; officers in the field (visits:plan) only nominate, and never see either.

export type RiskRegisterRouteDeps = { riskRegister: RiskRegister; clock: Clock };

const home = '/visits/risk-register';
const markerPath = (id: string) => `${home}/${id}`;
const dates = ['reviewOn'] as const;
const views = 'visits/risk-register/views';
const common = { kinds: riskKinds, statusNames, reviewMonths: markerReviewMonths };

// What the page after a change says was done.
const doneText: Record<string, string> = {
  added: 'The marker is on the register: officers see it before visiting.',
  accepted: 'The nomination is accepted: officers see it before visiting.',
  rejected: 'The nomination is rejected.',
  changed: 'The marker is changed.',
  removed: 'The marker is removed: officers no longer see it.',
  nominated: 'Your nomination is sent. A team leader reviews it before officers are told.',
};

const doneQuery = z.object({ done: z.string().max(40).catch('') });
function flashOf(request: FastifyRequest) {
  const { done } = queryOf(request, doneQuery);
  return Object.hasOwn(doneText, done) ? doneText[done] : undefined;
}

// The register's pages and its JSON API.
export function riskRegisterRoutes(app: FastifyInstance, deps: RiskRegisterRouteDeps) {
  riskRegisterApi(app, deps);
  listRoute(app, deps);
  addRoute(app, deps);
  nominateRoute(app, deps);
  markerRoute(app, deps);
  reviewRoute(app, deps);
  editRoute(app, deps);
  removeRoute(app, deps);
}

function listRoute(app: FastifyInstance, { riskRegister }: RiskRegisterRouteDeps) {
  app.get(home, { config: { access: 'visits:risk' } }, async (request, reply) => {
    const { councilId } = signedIn(request);
    const filter = queryOf(request, listQuery);
    return render(request, reply, `${views}/list.njk`, {
      title: 'Risk register',
      ...common,
      filter,
      statuses: markerStatuses,
      nominations: await riskRegister.nominations(councilId),
      due: await riskRegister.dueForReview(councilId),
      markers: await riskRegister.list(councilId, filter),
    });
  });
}

function addRoute(app: FastifyInstance, { riskRegister, clock }: RiskRegisterRouteDeps) {
  formRoute(app, `${home}/new`, {
    access: 'visits:risk',
    body: markerInput,
    dates,
    initial: () => ({}),
    page: (shown) =>
      formPage(shown, `${views}/marker-form.njk`, {
        title: 'Add a marker',
        ...common,
        action: `${home}/new`,
        example: exampleDate(defaultReviewOn(londonDate(clock.now()))),
      }),
    submit: async ({ request, body }) => {
      const id = await riskRegister.add(signedIn(request), body, request.id);
      return `${markerPath(id)}?done=added`;
    },
  });
}

function nominateRoute(app: FastifyInstance, { riskRegister }: RiskRegisterRouteDeps) {
  formRoute(app, `${home}/nominate`, {
    access: 'visits:plan',
    body: nominationInput,
    initial: () => ({}),
    page: (shown) =>
      formPage(shown, `${views}/nominate.njk`, {
        title: 'Nominate for the risk register',
        ...common,
        flash: shown.errors.length === 0 ? flashOf(shown.request) : undefined,
      }),
    submit: async ({ request, body }) => {
      await riskRegister.nominate(signedIn(request), body, request.id);
      return `${home}/nominate?done=nominated`;
    },
  });
}

function markerRoute(app: FastifyInstance, { riskRegister }: RiskRegisterRouteDeps) {
  app.get(`${home}/:id`, { config: { access: 'visits:risk' } }, async (request, reply) => {
    const { id } = paramsOf(request, markerParams, 'No such marker');
    const principal = signedIn(request);
    const { marker, history } = await riskRegister.marker(principal, id, request.id);
    return render(request, reply, `${views}/marker.njk`, {
      title: `Risk marker: ${marker.kindName}`,
      ...common,
      marker,
      history,
      mayReview: marker.status === 'proposed' && marker.nominatedBy !== principal.personId,
      flash: flashOf(request),
    });
  });
}

type MarkerShown = ShownForm & { params: { id: string } };

type Shown = Awaited<ReturnType<RiskRegister['marker']>>['marker'];

// A form about one marker: the marker (its look audited), its fields filled from it until
// something is typed, and what the page adds.
async function markerPage(
  { riskRegister }: RiskRegisterRouteDeps,
  shown: MarkerShown,
  template: string,
  data: Record<string, unknown> & { title: string; fields?: (marker: Shown) => Record<string, unknown> },
) {
  const principal = signedIn(shown.request);
  const { marker } = await riskRegister.marker(principal, shown.params.id, shown.request.id);
  const { fields, ...rest } = data;
  const values = { ...fields?.(marker), ...shown.values };
  return formPage(shown, `${views}/${template}`, { ...common, ...rest, values, marker, principal });
}

function reviewRoute(app: FastifyInstance, deps: RiskRegisterRouteDeps) {
  formRoute(app, `${home}/:id/review`, {
    access: 'visits:risk',
    params: markerParams,
    notFound: 'No such marker',
    body: reviewInput,
    dates,
    initial: () => ({}),
    page: (shown) =>
      markerPage(deps, shown, 'review.njk', {
        title: 'Review a nomination',
        example: exampleDate(defaultReviewOn(londonDate(deps.clock.now()))),
        fields: ({ kind, whatToDo }) => ({ kind, whatToDo }),
      }),
    submit: async ({ request, params: { id }, body }) => {
      await deps.riskRegister.review(signedIn(request), id, body, request.id);
      return `${markerPath(id)}?done=${body.decision === 'accept' ? 'accepted' : 'rejected'}`;
    },
  });
}

function editRoute(app: FastifyInstance, deps: RiskRegisterRouteDeps) {
  formRoute(app, `${home}/:id/edit`, {
    access: 'visits:risk',
    params: markerParams,
    notFound: 'No such marker',
    body: markerInput,
    dates,
    initial: () => ({}),
    page: (shown) =>
      markerPage(deps, shown, 'marker-form.njk', {
        title: 'Change a marker',
        fields: ({ kind, address, personName, reason, whatToDo, reviewOn }) => ({
          kind,
          address,
          personName,
          reason,
          whatToDo,
          ...dateParts(reviewOn, 'reviewOn'),
        }),
        action: `${markerPath(shown.params.id)}/edit`,
        example: exampleDate(defaultReviewOn(londonDate(deps.clock.now()))),
      }),
    submit: async ({ request, params: { id }, body }) => {
      await deps.riskRegister.edit(signedIn(request), id, body, request.id);
      return `${markerPath(id)}?done=changed`;
    },
  });
}

function removeRoute(app: FastifyInstance, deps: RiskRegisterRouteDeps) {
  formRoute(app, `${home}/:id/remove`, {
    access: 'visits:risk',
    params: markerParams,
    notFound: 'No such marker',
    body: removalInput,
    initial: () => ({}),
    page: (shown) => markerPage(deps, shown, 'remove.njk', { title: 'Remove a marker' }),
    submit: async ({ request, params: { id }, body }) => {
      await deps.riskRegister.remove(signedIn(request), id, body.reason, request.id);
      return `${markerPath(id)}?done=removed`;
    },
  });
}
