import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { Forbidden } from '../../../platform/errors.ts';
import { problems } from '../../../platform/web/api-problems.ts';
import { apiRoutes } from '../../../platform/web/api-route.ts';
import { paramsOf } from '../../../platform/web/form-kit.ts';
import { signedIn } from '../../../platform/web/render.ts';
import { draftLetter } from '../../letters/service.ts';
import {
  categorisationBody,
  decidedView,
  endRestrictionBody,
  idParams,
  restrictionBody,
  restrictionParams,
  restrictionView,
} from '../api-views.ts';
import { customerId, recordJson } from '../contacts/api.ts';
import type { CustomersRouteDeps } from '../routes.ts';
import { type Category, stepUp } from '../rules.ts';
import { restrictionParams as restrictionPath } from './input.ts';

// Decisions about a customer's behaviour over JSON: each step up, and contact restrictions put in
// place and ended. Each writes its letter as a draft, to be checked and sent (or approved) at the
// letter's page, as the pages do: the API never sends one.

const steps: { path: string; to: Exclude<Category, 'none'>; operationId: string; summary: string }[] = [
  {
    path: 'warning',
    to: 'warned',
    operationId: 'warnCustomer',
    summary:
      'Warn a customer about unreasonable behaviour (003 vexatious procedure §4.2); writes the warning letter as a draft',
  },
  {
    path: 'pre-vexatious',
    to: 'pre-vexatious',
    operationId: 'markCustomerPreVexatious',
    summary: 'Give the final warning, with a single point of contact (§4.4); writes the letter as a draft',
  },
  {
    path: 'vexatious',
    to: 'vexatious',
    operationId: 'markCustomerVexatious',
    summary:
      'Decide the customer is vexatious, with any restrictions (§4.5, the complaints manager); writes the letter as a draft',
  },
];

const decided = async (deps: CustomersRouteDeps, request: FastifyRequest, id: string, letterId: string) => ({
  record: await recordJson(deps, request, id),
  letter: draftLetter(letterId),
});

function stepsApi(app: FastifyInstance, deps: CustomersRouteDeps) {
  const { api, options } = apiRoutes(app, ['customers']);
  for (const step of steps) {
    api.post(
      `/api/v1/customers/:id/${step.path}`,
      options(stepUp[step.to].capability, {
        operationId: step.operationId,
        summary: step.summary,
        params: idParams,
        body: categorisationBody,
        response: { 200: decidedView, ...problems },
      }),
      async (request) => {
        const id = customerId(request);
        const { restrictions = [], ...typed } = request.body;
        const text = Object.fromEntries(Object.entries(typed).map(([k, v]) => [k, (v ?? '').trim()]));
        const form = {
          behaviour: '',
          evidence: '',
          equalityCheck: '',
          singlePointOfContactId: '',
          namedOfficerId: '',
          restrictionDetail: '',
          ...text,
          restrictions,
        };
        const made = await deps.customers.categorise(signedIn(request), id, step.to, form, request.id);
        return decided(deps, request, id, made.letterId);
      },
    );
  }
}

export function decisionsApi(app: FastifyInstance, deps: CustomersRouteDeps) {
  stepsApi(app, deps);
  const { api, options } = apiRoutes(app, ['customers']);
  api.get(
    '/api/v1/customers/:id/restrictions',
    options('customers:contact', {
      operationId: 'listCustomerRestrictions',
      summary:
        'Every restriction on the customer’s contact, past and present (those who see the whole record)',
      params: idParams,
      response: { 200: z.object({ items: z.array(restrictionView) }), ...problems },
    }),
    async (request) => {
      const record = await recordJson(deps, request, customerId(request));
      if (!record.wholeRecord)
        throw new Forbidden('Only those who see the whole record see its restrictions');
      return { items: record.restrictions };
    },
  );
  api.post(
    '/api/v1/customers/:id/restrictions',
    options('complaints:manage', {
      operationId: 'restrictCustomerContact',
      summary:
        'Put a contact restriction in place on a vexatious customer (§5.2); writes the letter as a draft',
      params: idParams,
      body: restrictionBody,
      response: { 201: decidedView, ...problems },
    }),
    async (request, reply) => {
      const id = customerId(request);
      const body = request.body;
      const form = {
        kind: body.kind.trim(),
        scopeServiceId: (body.scopeServiceId ?? '').trim(),
        reason: body.reason.trim(),
        detail: (body.detail ?? '').trim(),
        namedOfficerId: (body.namedOfficerId ?? '').trim(),
        startsOn: body.startsOn.trim(),
        reviewOn: (body.reviewOn ?? '').trim(),
        endsOn: (body.endsOn ?? '').trim(),
      };
      const made = await deps.customers.imposeRestriction(signedIn(request), id, form, request.id);
      return reply.code(201).send(await decided(deps, request, id, made.letterId));
    },
  );
  api.post(
    '/api/v1/customers/:id/restrictions/:restrictionId/end',
    options('complaints:manage', {
      operationId: 'liftCustomerRestriction',
      summary:
        'End (lift) a restriction before its end date; recorded as a review, whose letter is written as a draft',
      params: restrictionParams,
      body: endRestrictionBody,
      response: { 200: decidedView, ...problems },
    }),
    async (request) => {
      const { id, restrictionId } = paramsOf(request, restrictionPath, 'No such restriction');
      const reason = request.body.endReason.trim();
      const made = await deps.customers.endRestriction(
        signedIn(request),
        id,
        restrictionId,
        reason,
        request.id,
      );
      return decided(deps, request, id, made.letterId);
    },
  );
}
