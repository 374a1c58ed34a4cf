import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { InvalidInput } from '../../../platform/errors.ts';
import { formPage, formRoute, formText, idParam, paramsOf, queryOf } from '../../../platform/web/form-kit.ts';
import { render, signedIn } from '../../../platform/web/render.ts';
import { formatPence, natureName, refusalWording, relationships, stateNames } from '../rules.ts';
import type { GiftsModule } from '../service.ts';
import { answerErrors, offerParams, poundsToPence } from './input.ts';

// An entry's own pages: reading it, correcting it, answering a reviewer's question on it, and
// approving it when the officer was asked to.

const notFound = 'No such entry in the register';
const offerId = (request: FastifyRequest) => paramsOf(request, offerParams, notFound).id;
const flags = z.object({
  recorded: formText.catch(''),
  amended: formText.catch(''),
  answered: formText.catch(''),
  decided: formText.catch(''),
});

function entryFlash(request: FastifyRequest, offer: { state: string; reference: string }) {
  const query = queryOf(request, flags);
  if (query.recorded)
    return offer.state === 'awaiting-approval'
      ? `Offer recorded as ${offer.reference}. We have asked for approval and will email you the decision.`
      : `Offer recorded as ${offer.reference}`;
  if (query.amended) return 'Your amendment has been saved';
  return query.answered ? 'Your answer has been saved' : undefined;
}

export function offerRoutes(app: FastifyInstance, { offers, reviews }: GiftsModule) {
  async function entryPage(request: FastifyRequest) {
    const principal = signedIn(request);
    const { offer, versions, queries } = await offers.view(principal, offerId(request), request.id);
    return {
      title: `${offer.reference}: ${offer.kind} from ${offer.offerorOrganisation || offer.offerorPerson}`,
      offer,
      versions,
      queries,
      mine: offer.recipientId === principal.personId,
      stateName: stateNames[offer.state],
      value: formatPence(offer.valuePence),
      natureName: natureName(offer.kind, offer.nature),
      relationshipName: relationships[offer.relationship],
      refusal: refusalWording(offer.kind, offer.description, principal.councilName),
      flash: entryFlash(request, offer),
    };
  }

  app.get('/gifts/:id', { config: { access: 'gifts:use' } }, async (request, reply) =>
    render(request, reply, 'gifts/offers/views/offer.njk', await entryPage(request)),
  );

  formRoute(app, '/gifts/:id/queries/:query', {
    access: 'gifts:use',
    params: z.object({ id: idParam, query: z.string() }),
    notFound,
    body: z.object({ answer: formText }),
    page: async (shown) => formPage(shown, 'gifts/offers/views/offer.njk', await entryPage(shown.request)),
    submit: async ({ request, params, body }) => {
      const { query } = paramsOf(request, z.object({ query: idParam }), 'No such question');
      await reviews.answer(signedIn(request), params.id, query, body, request.id);
      return `/gifts/${params.id}?answered=1`;
    },
  });

  formRoute(app, '/gifts/:id/amend', {
    access: 'gifts:use',
    params: offerParams,
    notFound,
    body: z.object({
      description: formText,
      value: formText,
      reason: formText,
      outcome: formText,
      changeReason: formText,
    }),
    initial: async (request, params) => {
      const { offer } = await offers.view(signedIn(request), params.id, request.id);
      return {
        description: offer.description,
        value: (offer.valuePence / 100).toFixed(2),
        reason: offer.reason,
        outcome: offer.outcome,
      };
    },
    page: async (shown) => {
      const { offer } = await offers.view(signedIn(shown.request), shown.params.id, shown.request.id);
      return formPage(shown, 'gifts/offers/views/amend.njk', { title: `Amend ${offer.reference}`, offer });
    },
    submit: async ({ request, params, body }) => {
      try {
        await offers.amend(
          signedIn(request),
          params.id,
          { ...body, valuePence: poundsToPence(body.value) },
          request.id,
        );
      } catch (error) {
        // The value is typed in pounds: its errors name the field as the page does.
        if (error instanceof InvalidInput) throw new InvalidInput(answerErrors(error.errors, body));
        throw error;
      }
      return `/gifts/${params.id}?amended=1`;
    },
  });
}

// The offers a person was asked to approve, and the decision.
export function approvalRoutes(app: FastifyInstance, { offers }: GiftsModule) {
  app.get('/gifts/approvals', { config: { access: 'gifts:use' } }, async (request, reply) => {
    const waiting = await offers.approvals(signedIn(request));
    return render(request, reply, 'gifts/offers/views/approvals.njk', {
      title: 'Offers waiting for your approval',
      offers: waiting.map((offer) => ({ ...offer, value: formatPence(offer.valuePence) })),
      flash: queryOf(request, flags).decided ? 'Decision sent. The officer has been emailed.' : undefined,
    });
  });

  formRoute(app, '/gifts/approvals/:id', {
    access: 'gifts:use',
    params: offerParams,
    notFound,
    body: z.object({ decision: formText, comment: formText }),
    initial: () => ({}),
    page: async (shown) => {
      const { offer } = await offers.view(signedIn(shown.request), shown.params.id, shown.request.id);
      return formPage(shown, 'gifts/offers/views/approval.njk', {
        title: `Approve ${offer.kind} offered to ${offer.recipientName}`,
        offer,
        value: formatPence(offer.valuePence),
        natureName: natureName(offer.kind, offer.nature),
        relationshipName: relationships[offer.relationship],
      });
    },
    submit: async ({ request, params, body }) => {
      await offers.decide(signedIn(request), params.id, body, request.id);
      return `/gifts/approvals?decided=${params.id}`;
    },
  });
}
