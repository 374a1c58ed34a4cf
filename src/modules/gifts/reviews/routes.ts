import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isUuid } from '../../platform/auth/secrets.ts';
import { londonDate } from '../../platform/calendar/daylight.ts';
import { isIsoDate } from '../../platform/calendar/working-days.ts';
import { InvalidInput, NotFound } from '../../platform/errors.ts';
import { formErrors, text } from '../../platform/web/forms.ts';
import { render, signedIn } from '../../platform/web/render.ts';
import { stateNames } from './register-routes.ts';
import type { GiftOffer, OfferEntry } from './repository.ts';
import type { GiftReviewsService, ReviewCell } from './reviews.ts';
import type { GiftsRouteDeps } from './routes.ts';
import { formatPence, natureName, relationships, type Verdict } from './rules.ts';

type Review = Awaited<ReturnType<GiftReviewsService['review']>>;
type ReviewEntry = Review['entries'][number];

// A register key as the review pages take it: a service's, a senior manager's, or the chief executive's.
function isRegisterKey(key: string): boolean {
  if (key === 'monitoring-officer') return true;
  const [kind, id] = [key.slice(0, key.indexOf(':')), key.slice(key.indexOf(':') + 1)];
  return (kind === 'service' || kind === 'senior') && isUuid(id);
}

const isPeriodStart = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value) && isIsoDate(value);

const reviewHref = (registerKey: string, periodStart: string) =>
  `/gifts/reviews/${encodeURIComponent(registerKey)}/${periodStart}`;

function reviewParams(request: FastifyRequest) {
  const { register, period } = request.params as { register: string; period: string };
  if (!isRegisterKey(register)) throw new NotFound('No such register');
  if (!isPeriodStart(period)) throw new NotFound('No such review period');
  return { register, period };
}

function offerId(request: FastifyRequest): string {
  const { id } = request.params as { id: string };
  if (!isUuid(id)) throw new NotFound('No such entry in the register');
  return id;
}

const outcomeNames: Record<Verdict['outcome'], string> = {
  'must-decline': 'Must be declined',
  'needs-approval': 'Needs approval in advance',
  record: 'Must be recorded',
  'no-entry-needed': 'Below the recording threshold',
};

const amendableFields = {
  description: 'description',
  valuePence: 'estimated value',
  state: 'decision',
  reason: 'reason',
  outcome: 'what happened to it',
  approvalDecision: 'approval',
} as const;

function fieldValue(offer: GiftOffer, field: string): string {
  switch (field) {
    case 'valuePence':
      return formatPence(offer.valuePence);
    case 'state':
      return stateNames[offer.state];
    case 'approvalDecision':
      return approvalText(offer);
    case 'description':
    case 'reason':
    case 'outcome':
      return offer[field] || 'nothing';
    default:
      return '';
  }
}

function approvalText(entry: OfferEntry): string {
  if (entry.approvalDecision)
    return `${entry.approvalDecision === 'approved' ? 'Approved' : 'Refused'} by ${entry.approvalDecidedByName ?? 'someone'}`;
  return entry.state === 'awaiting-approval' ? 'Waiting for approval' : 'Not needed';
}

function entryView(entry: ReviewEntry, viewerId: string) {
  const { offer, shown } = entry;
  return {
    id: offer.id,
    reference: shown.reference,
    officer: shown.recipientName,
    officerIsMe: offer.recipientId === viewerId,
    jobTitle: shown.jobTitle,
    offeror: [shown.offerorPerson, shown.offerorOrganisation].filter(Boolean).join(', '),
    relationship: relationships[shown.relationship] ?? shown.relationship,
    what: `${natureName(shown.kind, shown.nature)}: ${shown.description}`,
    value: formatPence(shown.valuePence),
    offeredOn: shown.offeredOn,
    state: shown.state,
    stateName: stateNames[shown.state],
    approval: approvalText(shown),
    outcome: offer.verdict.outcome,
    outcomeName: outcomeNames[offer.verdict.outcome] ?? offer.verdict.outcome,
    mustDecline: offer.verdict.mustDecline,
    approvalNeeded: offer.verdict.approval,
    notes: offer.verdict.notes,
    queries: entry.queries,
    openQueries: entry.queries.filter((query) => query.answer === null).length,
    addedAfterSignOff: entry.addedAfterSignOff,
    amendments: entry.amendedFields.map((field) => ({
      name: amendableFields[field],
      now: fieldValue(offer, field),
    })),
  };
}

function cellView(cell: ReviewCell) {
  return {
    registerName: cell.register.name,
    periodLabel: cell.period.label,
    entries: cell.entries,
    reviewers: cell.register.reviewers.map((reviewer) => reviewer.name),
    status: cell.status,
    due: cell.due,
    signedOn: cell.signed ? londonDate(cell.signed.signedAt) : null,
    signedByName: cell.signed?.signedByName ?? null,
    href: reviewHref(cell.register.key, cell.period.start),
  };
}

export function reviewRoutes(app: FastifyInstance, { reviews }: GiftsRouteDeps) {
  async function reviewPage(
    request: FastifyRequest,
    reply: FastifyReply,
    register: string,
    period: string,
    extra: { values?: Record<string, unknown>; errors?: InvalidInput; questionFor?: string } = {},
  ) {
    const principal = signedIn(request);
    const review = await reviews.review(principal, register, period);
    const query = request.query as Record<string, unknown>;
    if (extra.errors) reply.code(400);
    // Each entry has its own question box; a sign-off error with no form to show points at the status.
    const errors = (extra.errors?.errors ?? []).map((error) =>
      error.key === 'question' && extra.questionFor
        ? { ...error, key: `question-${extra.questionFor}` }
        : error.key === 'comment' && !review.canSign
          ? { ...error, key: 'sign-off' }
          : error,
    );
    return render(request, reply, 'gifts/views/review.njk', {
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
      values: extra.values ?? {},
      questionFor: extra.questionFor ?? null,
      flash: query.signed
        ? `You have signed off this register for ${review.period.label}`
        : query.asked
          ? 'Your question has been sent. The officer has been emailed.'
          : undefined,
      ...formErrors(errors),
    });
  }

  app.get('/gifts/reviews', { config: { access: 'gifts:use' } }, async (request, reply) => {
    const tasks = await reviews.tasks(signedIn(request));
    return render(request, reply, 'gifts/views/review-tasks.njk', {
      title: 'Your register reviews',
      cells: tasks.map(cellView),
      overdue: tasks.filter((cell) => cell.status === 'overdue').length,
    });
  });

  app.get('/gifts/reviews/dashboard', { config: { access: 'gifts:oversee' } }, async (request, reply) => {
    const cells = await reviews.dashboard(signedIn(request));
    return render(request, reply, 'gifts/views/review-dashboard.njk', {
      title: 'Register review dashboard',
      cells: cells.map(cellView),
      overdue: cells.filter((cell) => cell.status === 'overdue').length,
      due: cells.filter((cell) => cell.status === 'due').length,
      signedOff: cells.filter((cell) => cell.status === 'signed-off').length,
    });
  });

  app.get('/gifts/reviews/:register/:period', { config: { access: 'gifts:use' } }, (request, reply) => {
    const { register, period } = reviewParams(request);
    return reviewPage(request, reply, register, period);
  });

  app.post(
    '/gifts/reviews/:register/:period',
    { config: { access: 'gifts:use' } },
    async (request, reply) => {
      const { register, period } = reviewParams(request);
      const body = (request.body ?? {}) as Record<string, unknown>;
      try {
        await reviews.signOff(signedIn(request), register, period, body, request.id);
        return reply.redirect(`${reviewHref(register, period)}?signed=1`, 303);
      } catch (error) {
        if (!(error instanceof InvalidInput)) throw error;
        return reviewPage(request, reply, register, period, {
          values: { comment: text(body.comment) },
          errors: error,
        });
      }
    },
  );

  app.post('/gifts/:id/queries', { config: { access: 'gifts:use' } }, async (request, reply) => {
    const id = offerId(request);
    const body = (request.body ?? {}) as Record<string, unknown>;
    const register = text(body.register);
    const period = text(body.period);
    const fromReview = isRegisterKey(register) && isPeriodStart(period);
    try {
      await reviews.ask(signedIn(request), id, body, request.id);
      return reply.redirect(fromReview ? `${reviewHref(register, period)}?asked=1` : `/gifts/${id}`, 303);
    } catch (error) {
      if (!(error instanceof InvalidInput)) throw error;
      if (fromReview)
        return reviewPage(request, reply, register, period, {
          values: { [`question-${id}`]: text(body.question) },
          errors: error,
          questionFor: id,
        });
      reply.code(400);
      return render(request, reply, 'gifts/views/review-question.njk', {
        title: 'Ask the officer about this entry',
        offerId: id,
        values: { question: text(body.question) },
        ...formErrors(error.errors),
      });
    }
  });
}
