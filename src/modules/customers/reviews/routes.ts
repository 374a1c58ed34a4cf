import type { FastifyInstance } from 'fastify';
import { londonDate } from '../../../platform/calendar/daylight.ts';
import { formPage, formRoute } from '../../../platform/web/form-kit.ts';
import { dateParts, exampleDate } from '../../../platform/web/forms.ts';
import { render, signedIn } from '../../../platform/web/render.ts';
import { customerParams } from '../decisions/input.ts';
import type { CustomersRouteDeps } from '../routes.ts';
import {
  categoryText,
  restrictionKinds,
  restrictionOver,
  restrictionText,
  reviewCategories,
  reviewDecisions,
  scopeText,
} from '../rules.ts';
import { reviewForm, reviewRequestForm } from './input.ts';

export function reviewRoutes(app: FastifyInstance, deps: CustomersRouteDeps) {
  app.get('/customers/reviews', { config: { access: 'complaints:handle' } }, async (request, reply) =>
    render(request, reply, 'customers/reviews/views/reviews.njk', {
      title: 'Customer reviews due',
      reviews: await deps.customers.reviewsDue(signedIn(request)),
    }),
  );
  reviewRoute(app, deps);
  requestRoute(app, deps);
}

// The complaints manager's review: keep, change or lift.
function reviewRoute(app: FastifyInstance, { customers, clock }: CustomersRouteDeps) {
  formRoute(app, '/customers/:id/review', {
    access: 'complaints:manage',
    params: customerParams,
    notFound: 'No such customer',
    body: reviewForm,
    initial: () => ({}),
    page: async (shown) => {
      const principal = signedIn(shown.request);
      const record = await customers.record(principal, shown.params.id, shown.request.id);
      const { customer } = record;
      const today = londonDate(clock.now());
      const inForce = record.restrictions.filter((r) => !restrictionOver(r, today));
      return formPage(shown, 'customers/reviews/views/review.njk', {
        title: `Review: ${customer.name}`,
        customer,
        categoryText: categoryText[customer.category],
        nothingToReview: customer.category === 'none' && inForce.length === 0,
        restrictions: inForce.map((r) => ({
          ...r,
          name: restrictionKinds[r.kind].name,
          text: restrictionText(r.kind, r.namedOfficerName),
          scopeText: scopeText(r),
        })),
        lowerCategories: [customer.category, ...reviewCategories(customer.category)].map((c) => ({
          value: c,
          text: categoryText[c],
        })),
        decisions: reviewDecisions,
        openRequest: record.reviews.find((r) => r.requestedOn && !r.decision) ?? null,
        months: await customers.policyMonths(principal.councilId),
        values: { category: customer.category, endRestrictionIds: [], ...shown.values },
      });
    },
    submit: async ({ request, params: { id }, body }) => {
      const { letterId } = await customers.review(signedIn(request), id, body, request.id);
      return `/letters/${letterId}?done=written`;
    },
  });
}

// The customer's request for a review, recorded by the complaints team.
function requestRoute(app: FastifyInstance, { customers, clock }: CustomersRouteDeps) {
  formRoute(app, '/customers/:id/review-request', {
    access: 'complaints:handle',
    params: customerParams,
    notFound: 'No such customer',
    body: reviewRequestForm,
    dates: ['requestedOn'],
    initial: () => dateParts(londonDate(clock.now()), 'requestedOn'),
    page: async (shown) => {
      const principal = signedIn(shown.request);
      const { customer } = await customers.warningPage(principal, shown.params.id, null);
      return formPage(shown, 'customers/reviews/views/review-request.njk', {
        title: `Record a request for a review: ${customer.name}`,
        customer,
        example: exampleDate(londonDate(clock.now())),
      });
    },
    submit: async ({ request, params: { id }, body }) => {
      await customers.requestReview(signedIn(request), id, body, request.id);
      return `/customers/${id}?done=review-request`;
    },
  });
}
