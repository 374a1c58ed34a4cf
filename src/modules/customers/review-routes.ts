import type { FastifyInstance } from 'fastify';
import { londonDate } from '../../platform/calendar/daylight.ts';
import { dateInput } from '../../platform/web/forms.ts';
import { render, signedIn } from '../../platform/web/render.ts';
import type { ReviewForm } from './decisions.ts';
import {
  bodyOf,
  type CustomersRouteDeps,
  checked,
  customerId,
  dateParts,
  exampleDate,
  type FormPage,
  field,
  formPage,
  postedToRecord,
} from './routes.ts';
import {
  categoryText,
  restrictionKinds,
  restrictionText,
  reviewCategories,
  reviewDecisions,
  scopeText,
} from './rules.ts';

export function reviewRoutes(app: FastifyInstance, { customers, clock }: CustomersRouteDeps) {
  app.get('/customers/reviews', { config: { access: 'complaints:handle' } }, async (request, reply) =>
    render(request, reply, 'customers/views/reviews.njk', {
      title: 'Customer reviews due',
      reviews: await customers.reviewsDue(signedIn(request)),
    }),
  );

  const reviewPage: FormPage = async (request, reply, values, error) => {
    const principal = signedIn(request);
    const record = await customers.record(principal, customerId(request), request.id);
    const { customer } = record;
    const inForce = record.restrictions.filter((r) => r.endedOn === null);
    const openRequest = record.reviews.find((r) => r.requestedOn && !r.decision) ?? null;
    return formPage(
      request,
      reply,
      'customers/views/review.njk',
      {
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
        openRequest,
        months: await customers.policyMonths(principal.councilId),
        values: { category: customer.category, endRestrictionIds: [], ...values },
      },
      error,
    );
  };

  app.get('/customers/:id/review', { config: { access: 'complaints:manage' } }, (request, reply) =>
    reviewPage(request, reply, {}),
  );

  app.post('/customers/:id/review', { config: { access: 'complaints:manage' } }, async (request, reply) => {
    const id = customerId(request);
    const body = bodyOf(request);
    const form: ReviewForm = {
      decision: field(body, 'decision'),
      category: field(body, 'category'),
      endRestrictionIds: checked(body.endRestrictionIds),
      notes: field(body, 'notes'),
    };
    return postedToRecord(
      reply,
      id,
      'review',
      () => customers.review(signedIn(request), id, form, request.id),
      (error) => reviewPage(request, reply, form, error),
    );
  });

  const requestPage: FormPage = async (request, reply, values, error) => {
    const principal = signedIn(request);
    const { customer } = await customers.warningPage(principal, customerId(request), null);
    return formPage(
      request,
      reply,
      'customers/views/review-request.njk',
      {
        title: `Record a request for a review: ${customer.name}`,
        customer,
        example: exampleDate(londonDate(clock.now())),
        values,
      },
      error,
      ['requestedOn'],
    );
  };

  app.get('/customers/:id/review-request', { config: { access: 'complaints:handle' } }, (request, reply) =>
    requestPage(request, reply, dateParts(londonDate(clock.now()), 'requestedOn')),
  );

  app.post(
    '/customers/:id/review-request',
    { config: { access: 'complaints:handle' } },
    async (request, reply) => {
      const id = customerId(request);
      const body = bodyOf(request);
      const requestedOn = dateInput(body, 'requestedOn');
      const typed = { ...requestedOn.typed, request: field(body, 'request') };
      return postedToRecord(
        reply,
        id,
        'review-request',
        () =>
          customers.requestReview(
            signedIn(request),
            id,
            { requestedOn: requestedOn.date, request: typed.request },
            request.id,
          ),
        (error) => requestPage(request, reply, typed, error),
      );
    },
  );
}
