import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { problems } from '../../../platform/web/api-problems.ts';
import { apiRoutes } from '../../../platform/web/api-route.ts';
import { paramsOf } from '../../../platform/web/form-kit.ts';
import { signedIn } from '../../../platform/web/render.ts';
import { refusalWording } from '../rules.ts';
import type { GiftsModule } from '../service.ts';
import { offerDetailView, offerView, verdictView } from './api-views.ts';
import { decisionInput, offerInput, offerParams } from './input.ts';

// Offers and their approvals over JSON, in the OpenAPI document.

const idParams = z.object({ id: z.string().describe('The entry’s id (a UUID)') });
const notFound = 'No such entry in the register';

export function offersApi(app: FastifyInstance, { offers }: GiftsModule) {
  const { api, options } = apiRoutes(app, ['gifts']);

  api.post(
    '/api/v1/gift-offers/verdict',
    options('gifts:use', {
      operationId: 'previewGiftOfferVerdict',
      summary: 'The register’s verdict on an offer made to you, without recording it',
      body: offerInput,
      response: {
        200: z.object({
          verdict: verdictView,
          approverName: z.string().nullable().describe('Who would be asked to approve it'),
          refusalWording: z
            .string()
            .nullable()
            .describe('A courteous refusal to copy, when the offer must be declined'),
        }),
        ...problems,
      },
    }),
    async (request) => {
      const principal = signedIn(request);
      const { input, verdict, approverName } = await offers.preview(principal, request.body);
      return {
        verdict,
        approverName,
        refusalWording:
          verdict.outcome === 'must-decline'
            ? refusalWording(input.kind, input.description, principal.councilName)
            : null,
      };
    },
  );

  api.post(
    '/api/v1/gift-offers',
    options('gifts:use', {
      operationId: 'recordGiftOffer',
      summary:
        'Record an offer made to you, accepted or declined; accepting one that must be declined is refused',
      body: offerInput,
      response: { 201: offerView, ...problems },
    }),
    async (request, reply) => {
      const offer = await offers.record(signedIn(request), request.body, request.id);
      return reply.code(201).send(offer);
    },
  );

  api.get(
    '/api/v1/gift-offers/:id',
    options('gifts:use', {
      operationId: 'getGiftOffer',
      summary: 'One entry, with its versions and reviewers’ questions',
      params: idParams,
      response: { 200: offerDetailView, ...problems },
    }),
    async (request) =>
      offers.view(signedIn(request), paramsOf(request, offerParams, notFound).id, request.id),
  );

  api.get(
    '/api/v1/gift-approvals',
    options('gifts:use', {
      operationId: 'listGiftApprovals',
      summary: 'Offers waiting for your approval, oldest first',
      response: { 200: z.object({ items: z.array(offerView) }) },
    }),
    async (request) => ({ items: await offers.approvals(signedIn(request)) }),
  );

  api.post(
    '/api/v1/gift-offers/:id/approval',
    options('gifts:use', {
      operationId: 'decideGiftApproval',
      summary: 'Approve or refuse an offer you were asked to approve; a refusal needs a comment',
      params: idParams,
      body: decisionInput,
      response: { 200: offerView, ...problems },
    }),
    async (request) =>
      offers.decide(signedIn(request), paramsOf(request, offerParams, notFound).id, request.body, request.id),
  );
}
