import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { problems } from '../../../platform/web/api-problems.ts';
import { apiRoutes } from '../../../platform/web/api-route.ts';
import { signedIn } from '../../../platform/web/render.ts';
import { draftLetter } from '../../letters/service.ts';
import { decidedView, idParams, recordView, reviewBody, reviewRequestBody } from '../api-views.ts';
import { customerId, recordJson } from '../contacts/api.ts';
import type { CustomersRouteDeps } from '../routes.ts';

// Reviews of a customer's category and restrictions over JSON (003 vexatious procedure §4.6): the
// reviews due, a customer's request for one, and the complaints manager's decision, whose letter
// is written as a draft to be checked and sent at its page.

const dueView = z.object({
  id: z.uuid().describe('The customer’s id'),
  name: z.string(),
  category: z.string(),
  categoryText: z.string(),
  reviewOn: z.iso.date().nullable(),
  overdue: z.boolean(),
  requested: z.boolean(),
  requestedOn: z.iso.date().nullable(),
});

export function reviewsApi(app: FastifyInstance, deps: CustomersRouteDeps) {
  const { api, options } = apiRoutes(app, ['customers']);
  const { customers } = deps;
  api.get(
    '/api/v1/customer-reviews',
    options('complaints:handle', {
      operationId: 'listCustomerReviewsDue',
      summary:
        'Customers whose category or restrictions are due for review in the next 4 weeks, or who asked for one',
      response: { 200: z.object({ items: z.array(dueView) }), ...problems },
    }),
    async (request) => ({ items: await customers.reviewsDue(signedIn(request)) }),
  );
  api.post(
    '/api/v1/customers/:id/review-requests',
    options('complaints:handle', {
      operationId: 'recordCustomerReviewRequest',
      summary: 'Record the customer’s request for a review of their category or restrictions',
      params: idParams,
      body: reviewRequestBody,
      response: { 201: recordView, ...problems },
    }),
    async (request, reply) => {
      const id = customerId(request);
      const form = { requestedOn: request.body.requestedOn.trim(), request: request.body.request.trim() };
      await customers.requestReview(signedIn(request), id, form, request.id);
      return reply.code(201).send(await recordJson(deps, request, id));
    },
  );
  api.post(
    '/api/v1/customers/:id/reviews',
    options('complaints:manage', {
      operationId: 'reviewCustomer',
      summary:
        'Review the customer’s category and restrictions: keep, change or lift; writes the letter as a draft',
      params: idParams,
      body: reviewBody,
      response: { 200: decidedView, ...problems },
    }),
    async (request) => {
      const id = customerId(request);
      const { decision, category = '', endRestrictionIds = [], notes } = request.body;
      const form = {
        decision: decision.trim(),
        category: category.trim(),
        endRestrictionIds,
        notes: notes.trim(),
      };
      const made = await customers.review(signedIn(request), id, form, request.id);
      return { record: await recordJson(deps, request, id), letter: draftLetter(made.letterId) };
    },
  );
}
