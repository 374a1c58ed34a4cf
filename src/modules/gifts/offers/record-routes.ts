import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { londonDate } from '../../../platform/calendar/daylight.ts';
import type { Clock } from '../../../platform/clock.ts';
import { InvalidInput } from '../../../platform/errors.ts';
import {
  formPage,
  formRoute,
  formText,
  idParam,
  paramsOf,
  queryOf,
  type ShownForm,
} from '../../../platform/web/form-kit.ts';
import { render, signedIn } from '../../../platform/web/render.ts';
import {
  declineReason,
  formatPence,
  isNatureOf,
  natureName,
  natures,
  type OfferKind,
  refusalWording,
  relationships,
} from '../rules.ts';
import { offerFromAnswers } from './input.ts';
import type { GiftOffers } from './service.ts';
import {
  firstUnfinishedStep,
  type RecordStep,
  recordSteps,
  stepAnswers,
  stepErrors,
  stepOrder,
} from './steps.ts';

// Recording an offer: a question page a topic, then check your answers, then the entry.

const items = (choices: Record<string, string>, value: string | undefined) =>
  Object.entries(choices).map(([key, text]) => ({ value: key, text, checked: key === value }));

const draftParams = z.object({ draft: idParam });
const notFound = 'No such offer being recorded';
const stepParam = z.object({ step: z.enum(stepOrder as [RecordStep, ...RecordStep[]]) });
const stepOf = (shown: Pick<ShownForm, 'request'>) =>
  paramsOf(shown.request, stepParam, 'No such question').step;
// A step's form: its own fields (stepAnswers picks them), and whether to go back to the check page.
const stepForm = z.looseObject({ returnTo: formText });
const stepQuery = z.object({ returnTo: formText.catch('') });

function stepPage(
  shown: ShownForm & { params: { draft: string } },
  step: RecordStep,
  answers: Record<string, string>,
) {
  const previous = stepOrder[stepOrder.indexOf(step) - 1];
  const kind: OfferKind = answers.kind === 'hospitality' ? 'hospitality' : 'gift';
  const id = shown.params.draft;
  return formPage(shown, 'gifts/offers/views/record-step.njk', {
    title: recordSteps[step].title,
    step,
    draft: id,
    answers,
    returnTo: queryOf(shown.request, stepQuery).returnTo === 'check' ? 'check' : '',
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
  });
}

export function recordRoutes(app: FastifyInstance, offers: GiftOffers, clock: Clock) {
  const today = () => londonDate(clock.now());

  app.get('/gifts/new', { config: { access: 'gifts:use' } }, async (request, reply) => {
    const policy = await offers.giftPolicy(signedIn(request).councilId);
    return render(request, reply, 'gifts/offers/views/record-start.njk', {
      title: 'Record a gift or hospitality offer',
      threshold: formatPence(policy.thresholdPence),
      atLeast: policy.comparison === 'at-least',
      hospitalityNeedsApproval: policy.hospitalityNeedsApproval,
    });
  });

  app.post('/gifts/new', { config: { access: 'gifts:use' } }, async (request, reply) => {
    const id = await offers.startDraft(signedIn(request));
    return reply.redirect(`/gifts/new/${id}/${stepOrder[0]}`, 303);
  });

  formRoute(app, '/gifts/new/:draft/check', {
    access: 'gifts:use',
    params: draftParams,
    notFound,
    body: z.object({}),
    initial: () => ({}),
    page: async (shown) => {
      const { request, reply, params } = shown;
      const principal = signedIn(request);
      const answers = await offers.draft(principal, params.draft);
      const unfinished = firstUnfinishedStep(answers, today());
      if (unfinished) return reply.redirect(`/gifts/new/${params.draft}/${unfinished}`, 303);
      const { input, verdict, approverName, eventProblem } = await offers.preview(
        principal,
        offerFromAnswers(answers),
      );
      return formPage(shown, 'gifts/offers/views/record-check.njk', {
        title: 'Check your answers before recording the offer',
        draft: params.draft,
        input,
        verdict,
        approverName,
        eventProblem,
        natureName: natureName(input.kind, input.nature),
        relationshipName: relationships[input.relationship],
        value: formatPence(input.valuePence),
        refusal: refusalWording(input.kind, input.description, principal.councilName),
        acceptRefused: verdict.outcome === 'must-decline' && input.decision === 'accepted',
        declineReason: declineReason(verdict),
      });
    },
    submit: async ({ request, params }) => {
      const principal = signedIn(request);
      const answers = await offers.draft(principal, params.draft);
      const offer = await offers.record(principal, offerFromAnswers(answers), request.id, params.draft);
      return `/gifts/${offer.id}?recorded=1`;
    },
  });

  formRoute(app, '/gifts/new/:draft/:step', {
    access: 'gifts:use',
    params: draftParams,
    notFound,
    body: stepForm,
    initial: (request, params) => {
      stepOf({ request });
      return offers.draft(signedIn(request), params.draft);
    },
    // Shown first with the draft's answers; again with what was typed over them.
    page: async (shown) => {
      const typed = shown.values as Record<string, string>;
      const answers = shown.errors.length
        ? { ...(await offers.draft(signedIn(shown.request), shown.params.draft)), ...typed }
        : typed;
      return stepPage(shown, stepOf(shown), answers);
    },
    submit: async ({ request, params, body }) => {
      const principal = signedIn(request);
      const step = stepOf({ request });
      const answers = { ...(await offers.draft(principal, params.draft)), ...stepAnswers(step, body) };
      const errors = stepErrors(step, answers, today());
      if (errors.length) throw new InvalidInput(errors);
      // A different kind of offer has different natures: ask again rather than keep a wrong one.
      if (step === 'kind' && answers.nature && !isNatureOf(answers.kind as OfferKind, answers.nature))
        answers.nature = '';
      await offers.saveDraft(principal, params.draft, answers);
      const next = body.returnTo === 'check' ? null : stepOrder[stepOrder.indexOf(step) + 1];
      return `/gifts/new/${params.draft}/${next ?? 'check'}`;
    },
  });
}
