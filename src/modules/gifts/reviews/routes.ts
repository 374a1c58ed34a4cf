import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  formPage,
  formRoute,
  formText,
  paramsOf,
  queryOf,
  type ShownForm,
} from '../../../platform/web/form-kit.ts';
import { render, signedIn } from '../../../platform/web/render.ts';
import { offerParams } from '../offers/input.ts';
import { periodParam, registerParam, reviewOf } from './input.ts';
import type { GiftReviews } from './service.ts';
import { reviewChart } from './status-chart.ts';
import { cellView, entryView, reviewHref } from './view-models.ts';

type ReviewKey = { register: string; period: string };

const reviewKeyOf = (request: FastifyRequest): ReviewKey => ({
  register: paramsOf(request, registerParam, 'No such register').register,
  period: paramsOf(request, periodParam, 'No such review period').period,
});

const flags = z.object({ signed: formText.catch(''), asked: formText.catch('') });

export function reviewRoutes(app: FastifyInstance, reviews: GiftReviews) {
  // A register's review; after a refused question, its entry's question box is open with the error.
  async function reviewPage(shown: ShownForm, { register, period }: ReviewKey, questionFor?: string) {
    const principal = signedIn(shown.request);
    const review = await reviews.review(principal, register, period);
    const query = queryOf(shown.request, flags);
    // Each entry has its own question box; a sign-off error with no form to show points at the status.
    const errors = shown.errors.map((error) =>
      error.key === 'question' && questionFor
        ? { ...error, key: `question-${questionFor}` }
        : error.key === 'comment' && !review.canSign
          ? { ...error, key: 'sign-off' }
          : error,
    );
    return formPage({ ...shown, errors }, 'gifts/reviews/views/review.njk', {
      title: `Review: ${review.register.name}, ${review.period.label}`,
      register: review.register,
      reviewers: review.register.reviewers.map((reviewer) => reviewer.name),
      period: review.period,
      href: reviewHref(review.register.key, review.period.start),
      entries: review.entries.map((entry) => entryView(entry, principal.personId)),
      signed: review.signed,
      canSign: review.canSign,
      ended: review.ended,
      amendedCount: review.entries.filter((entry) => entry.amendedFields.length).length,
      addedCount: review.entries.filter((entry) => entry.addedAfterSignOff).length,
      questionFor: questionFor ?? null,
      flash: query.signed
        ? `You have signed off this register for ${review.period.label}`
        : query.asked
          ? 'Your question has been sent. The officer has been emailed.'
          : undefined,
    });
  }

  app.get('/gifts/reviews', { config: { access: 'gifts:use' } }, async (request, reply) => {
    const principal = signedIn(request);
    const [tasks, upcoming] = await Promise.all([reviews.tasks(principal), reviews.upcoming(principal)]);
    return render(request, reply, 'gifts/reviews/views/review-tasks.njk', {
      title: 'Your register reviews',
      cells: tasks.map(cellView),
      upcoming,
      headOfService: principal.roles.has('head-of-service'),
      overdue: tasks.filter((cell) => cell.status === 'overdue').length,
    });
  });

  app.get('/gifts/reviews/dashboard', { config: { access: 'gifts:oversee' } }, async (request, reply) => {
    const cells = await reviews.dashboard(signedIn(request));
    return render(request, reply, 'gifts/reviews/views/review-dashboard.njk', {
      title: 'Register review dashboard',
      cells: cells.map(cellView),
      overdue: cells.filter((cell) => cell.status === 'overdue').length,
      due: cells.filter((cell) => cell.status === 'due').length,
      signedOff: cells.filter((cell) => cell.status === 'signed-off').length,
      chart: cells.length ? reviewChart(cells) : null,
    });
  });

  formRoute(app, '/gifts/reviews/:register/:period', {
    access: 'gifts:use',
    body: z.object({ comment: formText }),
    initial: () => ({}),
    page: (shown) => reviewPage(shown, reviewKeyOf(shown.request)),
    submit: async ({ request, body }) => {
      const { register, period } = reviewKeyOf(request);
      await reviews.signOff(signedIn(request), register, period, body, request.id);
      return `${reviewHref(register, period)}?signed=1`;
    },
  });

  // A question asked from a register's review goes back to it; one asked elsewhere, to the entry.
  formRoute(app, '/gifts/:id/queries', {
    access: 'gifts:use',
    params: offerParams,
    notFound: 'No such entry in the register',
    body: z.object({ question: formText, register: formText, period: formText }),
    page: (shown) => {
      const { id } = shown.params;
      const from = reviewOf.safeParse(shown.values);
      if (from.success)
        return reviewPage({ ...shown, values: { [`question-${id}`]: shown.values.question } }, from.data, id);
      return formPage(shown, 'gifts/reviews/views/review-question.njk', {
        title: 'Ask the officer about this entry',
        offerId: id,
      });
    },
    submit: async ({ request, params, body }) => {
      await reviews.ask(signedIn(request), params.id, body, request.id);
      const from = reviewOf.safeParse(body);
      return from.success
        ? `${reviewHref(from.data.register, from.data.period)}?asked=1`
        : `/gifts/${params.id}`;
    },
  });
}
