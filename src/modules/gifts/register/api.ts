import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { InvalidInput } from '../../../platform/errors.ts';
import { problems } from '../../../platform/web/api-problems.ts';
import { apiRoutes } from '../../../platform/web/api-route.ts';
import { encodeCursor } from '../../../platform/web/cursor.ts';
import { signedIn } from '../../../platform/web/render.ts';
import { offerView } from '../offers/api-views.ts';
import { parseRegisterQuery } from './filter.ts';
import { registerApiQuery } from './input.ts';
import type { GiftRegister } from './service.ts';

export function registerApi(app: FastifyInstance, register: GiftRegister) {
  const { api, options } = apiRoutes(app, ['gifts']);

  api.get(
    '/api/v1/gift-offers',
    options('gifts:use', {
      operationId: 'listGiftOffers',
      summary: 'The register entries you may see, with the register page’s filters',
      querystring: registerApiQuery,
      response: {
        200: z.object({ items: z.array(offerView), nextCursor: z.string().nullable() }),
        ...problems,
      },
    }),
    async (request) => {
      const { limit, ...filters } = request.query;
      const { filter, sort, after, errors } = parseRegisterQuery(filters, 'cursor');
      if (errors.length) throw new InvalidInput(errors);
      const page = await register.page(signedIn(request), filter, { sort, limit, after });
      return { items: page.offers, nextCursor: page.next ? encodeCursor(page.next) : null };
    },
  );
}
