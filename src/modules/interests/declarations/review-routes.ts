import type { FastifyInstance, FastifyRequest } from 'fastify';
import { isUuid } from '../../../platform/auth/secrets.ts';
import { londonDate } from '../../../platform/calendar/daylight.ts';
import { Forbidden, InvalidInput, NotFound } from '../../../platform/errors.ts';
import { dateInput, formErrors, text } from '../../../platform/web/forms.ts';
import { render, signedIn } from '../../../platform/web/render.ts';
import type { InterestsRouteDeps } from '../routes.ts';
import { answerRows, statusOf } from './question-pages.ts';
import { kindRules, outcomes, referralTargets } from './rules.ts';

function declarationId(request: FastifyRequest): string {
  const { id } = request.params as { id: string };
  if (!isUuid(id)) throw new NotFound('No such declaration');
  return id;
}

// The review form's fields as typed, with the review date's three boxes as YYYY-MM-DD; a partly
// filled or impossible date is passed on as typed so that the error says so.
function reviewForm(body: Record<string, unknown>) {
  const field = (key: string) => text(body[key]).trim();
  const reviewDate = dateInput(body, 'nextReviewOn');
  const typed = {
    outcome: field('outcome'),
    managementAction: field('managementAction'),
    referredTo: field('referredTo'),
    ...reviewDate.typed,
  };
  return { typed, review: { ...typed, nextReviewOn: reviewDate.date } };
}

export function reviewRoutes(app: FastifyInstance, { declarations, clock }: InterestsRouteDeps) {
  app.get('/interests/reviews', { config: { access: 'interests:use' } }, async (request, reply) => {
    const principal = signedIn(request);
    const tasks = await declarations.reviewTasks(principal);
    const reviewed = text((request.query as Record<string, unknown>).reviewed);
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

  async function reviewPage(
    request: FastifyRequest,
    values: Record<string, unknown> = {},
    error?: InvalidInput,
  ) {
    const principal = signedIn(request);
    const { declaration, parties, versions, canReview } = await declarations.view(
      principal,
      declarationId(request),
      request.id,
    );
    // The date's error links to its first box, as the GOV.UK date input asks.
    const errors = formErrors(
      (error?.errors ?? []).map((e) => (e.key === 'nextReviewOn' ? { ...e, key: 'nextReviewOn-day' } : e)),
    );
    const today = londonDate(clock.now());
    return {
      title: `Review ${declaration.personName}’s declaration`,
      declaration,
      kindName: kindRules[declaration.kind].name,
      status: statusOf(declaration),
      declaredOn: londonDate(declaration.declaredAt),
      rows: answerRows(declaration.kind, declaration.answers),
      parties,
      versions,
      canReview: canReview && declaration.reviewState === 'awaiting-review',
      outcomeName: declaration.outcome ? outcomes[declaration.outcome] : null,
      referredToName: declaration.referredTo ? referralTargets[declaration.referredTo] : null,
      reviewedOn: declaration.reviewedAt ? londonDate(declaration.reviewedAt) : null,
      exampleDate: `${Number(today.slice(8, 10))} ${Number(today.slice(5, 7))} ${Number(today.slice(0, 4)) + 1}`,
      values,
      ...errors,
    };
  }

  app.get('/interests/reviews/:id', { config: { access: 'interests:use' } }, async (request, reply) =>
    render(request, reply, 'interests/declarations/views/review.njk', await reviewPage(request)),
  );

  app.post('/interests/reviews/:id', { config: { access: 'interests:use' } }, async (request, reply) => {
    const id = declarationId(request);
    const { typed, review } = reviewForm((request.body ?? {}) as Record<string, unknown>);
    try {
      await declarations.review(signedIn(request), id, review, request.id);
      return reply.redirect(`/interests/reviews?reviewed=${id}`, 303);
    } catch (error) {
      if (!(error instanceof InvalidInput)) throw error;
      reply.code(400);
      return render(
        request,
        reply,
        'interests/declarations/views/review.njk',
        await reviewPage(request, typed, error),
      );
    }
  });
}
