import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { isUuid } from '../../../platform/auth/secrets.ts';
import { londonDate } from '../../../platform/calendar/daylight.ts';
import { Forbidden, NotFound } from '../../../platform/errors.ts';
import { formPage, formRoute, formText, idParam, queryOf } from '../../../platform/web/form-kit.ts';
import { render, signedIn } from '../../../platform/web/render.ts';
import type { InterestsRouteDeps } from '../routes.ts';
import { answerRows, statusOf } from './question-pages.ts';
import { kindRules, outcomes, referralTargets } from './rules.ts';

// The review form's fields; the review date's three boxes as YYYY-MM-DD, a partly filled or
// impossible date passed on as typed so that the error says so.
const reviewForm = z.object({
  outcome: formText,
  managementAction: formText,
  referredTo: formText,
  nextReviewOn: formText,
});

export function reviewRoutes(app: FastifyInstance, { declarations, clock }: InterestsRouteDeps) {
  app.get('/interests/reviews', { config: { access: 'interests:use' } }, async (request, reply) => {
    const principal = signedIn(request);
    const tasks = await declarations.reviewTasks(principal);
    const { reviewed } = queryOf(request, z.object({ reviewed: formText.catch('') }));
    const done = isUuid(reviewed)
      ? await declarations.view(principal, reviewed, request.id).catch((error: unknown) => {
          if (error instanceof NotFound || error instanceof Forbidden) return null;
          throw error;
        })
      : null;
    return render(request, reply, 'interests/declarations/views/reviews.njk', {
      title: 'Declarations to review',
      tasks: tasks.map((declaration) => ({
        ...declaration,
        kindName: kindRules[declaration.kind].name,
        changed: declaration.version > 1,
        on: londonDate(declaration.updatedAt),
      })),
      flash:
        done?.declaration.reviewedBy === principal.personId
          ? `Review recorded for ${done.declaration.personName}’s declaration ${done.declaration.reference}. They have been emailed the outcome.`
          : undefined,
    });
  });

  formRoute(app, '/interests/reviews/:id', {
    access: 'interests:use',
    params: z.object({ id: idParam }),
    notFound: 'No such declaration',
    body: reviewForm,
    dates: ['nextReviewOn'],
    initial: () => ({}),
    page: async (shown) => {
      const { declaration, parties, versions, canReview, hoursWarning } = await declarations.view(
        signedIn(shown.request),
        shown.params.id,
        shown.request.id,
      );
      const today = londonDate(clock.now());
      return formPage(shown, 'interests/declarations/views/review.njk', {
        title: `Review ${declaration.personName}’s declaration`,
        declaration,
        kindName: kindRules[declaration.kind].name,
        status: statusOf(declaration),
        declaredOn: londonDate(declaration.declaredAt),
        rows: answerRows(
          declaration.kind,
          declaration.answers,
          declaration.personId === signedIn(shown.request).personId ? 'declarant' : 'other',
        ),
        parties,
        versions,
        hoursWarning,
        canReview: canReview && declaration.reviewState === 'awaiting-review',
        outcomeName: declaration.outcome ? outcomes[declaration.outcome] : null,
        referredToName: declaration.referredTo ? referralTargets[declaration.referredTo] : null,
        reviewedOn: declaration.reviewedAt ? londonDate(declaration.reviewedAt) : null,
        exampleDate: `${Number(today.slice(8, 10))} ${Number(today.slice(5, 7))} ${Number(today.slice(0, 4)) + 1}`,
      });
    },
    submit: async ({ request, params, body }) => {
      await declarations.review(signedIn(request), params.id, body, request.id);
      return `/interests/reviews?reviewed=${params.id}`;
    },
  });
}
