import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isUuid } from '../../platform/auth/secrets.ts';
import { londonDate } from '../../platform/calendar/daylight.ts';
import { type FieldError, InvalidInput, NotFound } from '../../platform/errors.ts';
import { formErrors } from '../../platform/web/forms.ts';
import { render, signedIn } from '../../platform/web/render.ts';
import { offerFromAnswers } from './offer-input.ts';
import {
  firstUnfinishedStep,
  isRecordStep,
  type RecordStep,
  recordSteps,
  stepAnswers,
  stepErrors,
  stepOrder,
} from './record-steps.ts';
import type { GiftsRouteDeps } from './routes.ts';
import {
  formatPence,
  isNatureOf,
  natureName,
  natures,
  type OfferKind,
  refusalWording,
  relationships,
} from './rules.ts';

const items = (choices: Record<string, string>, value: string | undefined) =>
  Object.entries(choices).map(([key, text]) => ({ value: key, text, checked: key === value }));

function draftId(request: FastifyRequest): string {
  const { draft } = request.params as { draft: string };
  if (!isUuid(draft)) throw new NotFound('No such offer being recorded');
  return draft;
}

export function recordRoutes(app: FastifyInstance, { gifts, clock }: GiftsRouteDeps) {
  const today = () => londonDate(clock.now());

  function showStep(
    request: FastifyRequest,
    reply: FastifyReply,
    id: string,
    step: RecordStep,
    answers: Record<string, string>,
    errors: FieldError[] = [],
  ) {
    if (errors.length) reply.code(400);
    const index = stepOrder.indexOf(step);
    const previous = stepOrder[index - 1];
    const kind: OfferKind = answers.kind === 'hospitality' ? 'hospitality' : 'gift';
    return render(request, reply, 'gifts/views/record-step.njk', {
      title: recordSteps[step].title,
      step,
      draft: id,
      answers,
      returnTo: (request.query as Record<string, unknown>).returnTo === 'check' ? 'check' : '',
      backHref: previous ? `/gifts/new/${id}/${previous}` : '/gifts/new',
      kindItems: items(
        { gift: 'A gift', hospitality: 'Hospitality, such as a meal, an event or travel' },
        answers.kind,
      ),
      relationshipItems: items(relationships, answers.relationship),
      natureItems: items(natures[kind], answers.nature),
      decisionItems: items(
        { accepted: 'I accepted it, or I would like to', declined: 'I declined it' },
        answers.decision,
      ),
      kind,
      ...formErrors(errors),
    });
  }

  async function showCheck(request: FastifyRequest, reply: FastifyReply, id: string, error?: InvalidInput) {
    const principal = signedIn(request);
    const answers = await gifts.draft(principal, id);
    const unfinished = firstUnfinishedStep(answers, today());
    if (unfinished) return reply.redirect(`/gifts/new/${id}/${unfinished}`, 303);
    const { input, verdict, approverName } = await gifts.preview(principal, offerFromAnswers(answers));
    if (error) reply.code(400);
    return render(request, reply, 'gifts/views/record-check.njk', {
      title: 'Check your answers before recording the offer',
      draft: id,
      input,
      verdict,
      approverName,
      natureName: natureName(input.kind, input.nature),
      relationshipName: relationships[input.relationship],
      value: formatPence(input.valuePence),
      refusal: refusalWording(input.kind, input.description, principal.councilName),
      acceptRefused: verdict.outcome === 'must-decline' && input.decision === 'accepted',
      ...(error ? formErrors(error.errors) : {}),
    });
  }

  app.get('/gifts/new', { config: { access: 'gifts:use' } }, async (request, reply) => {
    const policy = await gifts.giftPolicy(signedIn(request).councilId);
    return render(request, reply, 'gifts/views/record-start.njk', {
      title: 'Record a gift or hospitality offer',
      threshold: formatPence(policy.thresholdPence),
      atLeast: policy.comparison === 'at-least',
      hospitalityNeedsApproval: policy.hospitalityNeedsApproval,
    });
  });

  app.post('/gifts/new', { config: { access: 'gifts:use' } }, async (request, reply) => {
    const id = await gifts.startDraft(signedIn(request));
    return reply.redirect(`/gifts/new/${id}/${stepOrder[0]}`, 303);
  });

  app.get('/gifts/new/:draft/check', { config: { access: 'gifts:use' } }, (request, reply) =>
    showCheck(request, reply, draftId(request)),
  );

  app.post('/gifts/new/:draft/check', { config: { access: 'gifts:use' } }, async (request, reply) => {
    const principal = signedIn(request);
    const id = draftId(request);
    const answers = await gifts.draft(principal, id);
    try {
      const offer = await gifts.record(principal, offerFromAnswers(answers), request.id, id);
      return reply.redirect(`/gifts/${offer.id}?recorded=1`, 303);
    } catch (error) {
      if (!(error instanceof InvalidInput)) throw error;
      return showCheck(request, reply, id, error);
    }
  });

  app.get('/gifts/new/:draft/:step', { config: { access: 'gifts:use' } }, async (request, reply) => {
    const id = draftId(request);
    const { step } = request.params as { step: string };
    if (!isRecordStep(step)) throw new NotFound('No such question');
    return showStep(request, reply, id, step, await gifts.draft(signedIn(request), id));
  });

  app.post('/gifts/new/:draft/:step', { config: { access: 'gifts:use' } }, async (request, reply) => {
    const principal = signedIn(request);
    const id = draftId(request);
    const { step } = request.params as { step: string };
    if (!isRecordStep(step)) throw new NotFound('No such question');
    const body = (request.body ?? {}) as Record<string, unknown>;
    const answers = { ...(await gifts.draft(principal, id)), ...stepAnswers(step, body) };
    const errors = stepErrors(step, answers, today());
    if (errors.length) return showStep(request, reply, id, step, answers, errors);
    // A different kind of offer has different natures: ask again rather than keep a wrong one.
    if (step === 'kind' && answers.nature && !isNatureOf(answers.kind as OfferKind, answers.nature))
      answers.nature = '';
    await gifts.saveDraft(principal, id, answers);
    const next = body.returnTo === 'check' ? null : stepOrder[stepOrder.indexOf(step) + 1];
    return reply.redirect(`/gifts/new/${id}/${next ?? 'check'}`, 303);
  });
}
