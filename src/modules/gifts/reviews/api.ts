import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { problems, problemView } from '../../../platform/web/api-problems.ts';
import { apiRoutes } from '../../../platform/web/api-route.ts';
import { paramsOf } from '../../../platform/web/form-kit.ts';
import { signedIn } from '../../../platform/web/render.ts';
import type { GiftOffer, OfferEntry } from '../offer.ts';
import { calendarDay, entryView, offerView, queryView } from '../offers/api-views.ts';
import { periodParam, registerParam, signOffInput } from './input.ts';
import type { GiftQuery } from './repository.ts';
import type { GiftReviews, Review } from './service.ts';
import type { ReviewCell } from './status.ts';

// The register's quarterly reviews over JSON, in the OpenAPI document.

const signatureView = z.object({
  registerKey: z.string(),
  periodStart: calendarDay,
  periodEnd: calendarDay,
  signedBy: z.uuid(),
  signedByName: z.string(),
  signedAt: z.date(),
  comment: z.string(),
});

const periodView = z.object({ start: calendarDay, end: calendarDay, label: z.string() });

const registerView = z.object({
  key: z.string(),
  name: z.string(),
  reviewers: z.array(z.object({ id: z.uuid(), name: z.string() })),
});

const reviewCellView = z.object({
  register: registerView,
  period: periodView,
  entries: z.number().int(),
  status: z.enum(['signed-off', 'overdue', 'due']),
  due: calendarDay,
  signed: signatureView.nullable(),
});

const reviewView = z.object({
  register: registerView,
  period: periodView,
  entries: z.array(
    z.object({
      entry: entryView.describe('The entry as signed off, or as it stands if the period is not signed off'),
      current: offerView.describe('The entry as it stands now'),
      addedAfterSignOff: z.boolean(),
      amendedFields: z.array(z.string()).describe('Fields changed since the sign-off'),
      queries: z.array(queryView),
    }),
  ),
  signed: signatureView.nullable(),
  canSign: z.boolean(),
  ended: z.boolean(),
});

const reviewParamsDoc = z.object({
  register: z.string().describe('The register’s key: service:<id>, senior:<id> or monitoring-officer'),
  period: z.string().describe('The first day of the review period, YYYY-MM-DD'),
});

const reviewKeyOf = (request: Parameters<typeof paramsOf>[0]) => ({
  register: paramsOf(request, registerParam, 'No such register').register,
  period: paramsOf(request, periodParam, 'No such review period').period,
});

const reviewersOf = (register: ReviewCell['register']) => ({
  key: register.key,
  name: register.name,
  reviewers: register.reviewers.map((person) => ({ id: person.id, name: person.name })),
});

const cellJson = (cell: ReviewCell) => ({ ...cell, register: reviewersOf(cell.register) });

const reviewJson = (review: Review) => ({
  ...review,
  register: reviewersOf(review.register),
  entries: review.entries.map((entry) => ({
    entry: entry.shown satisfies OfferEntry,
    current: entry.offer satisfies GiftOffer,
    addedAfterSignOff: entry.addedAfterSignOff,
    amendedFields: entry.amendedFields,
    queries: entry.queries satisfies GiftQuery[],
  })),
});

export function reviewsApi(app: FastifyInstance, reviews: GiftReviews) {
  const { api, options } = apiRoutes(app, ['gifts']);

  api.get(
    '/api/v1/gift-reviews',
    options('gifts:use', {
      operationId: 'listGiftReviews',
      summary: 'The register reviews you must do, overdue first',
      response: { 200: z.object({ items: z.array(reviewCellView) }) },
    }),
    async (request) => ({ items: (await reviews.tasks(signedIn(request))).map(cellJson) }),
  );

  api.get(
    '/api/v1/gift-reviews/dashboard',
    options('gifts:oversee', {
      operationId: 'getGiftReviewDashboard',
      summary: 'Every register’s review status for recent periods, overdue first',
      response: { 200: z.object({ items: z.array(reviewCellView) }), 403: problemView },
    }),
    async (request) => ({ items: (await reviews.dashboard(signedIn(request))).map(cellJson) }),
  );

  api.get(
    '/api/v1/gift-reviews/:register/:period',
    options('gifts:use', {
      operationId: 'getGiftReview',
      summary: 'One register’s entries for one period: as signed off, with later amendments, or as now',
      params: reviewParamsDoc,
      response: { 200: reviewView, ...problems },
    }),
    async (request) => {
      const { register, period } = reviewKeyOf(request);
      return reviewJson(await reviews.review(signedIn(request), register, period));
    },
  );

  api.post(
    '/api/v1/gift-reviews/:register/:period/sign-off',
    options('gifts:use', {
      operationId: 'signOffGiftReview',
      summary: 'Sign off a register for an ended period, keeping its entries as they stand (001 §73)',
      params: reviewParamsDoc,
      body: signOffInput,
      response: { 201: signatureView, ...problems },
    }),
    async (request, reply) => {
      const { register, period } = reviewKeyOf(request);
      const signature = await reviews.signOff(signedIn(request), register, period, request.body, request.id);
      return reply.code(201).send(signature);
    },
  );
}
