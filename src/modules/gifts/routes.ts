import type { FastifyInstance } from 'fastify';
import type { Clock } from '../../platform/clock.ts';
import { offersApi } from './offers/api.ts';
import { recordRoutes } from './offers/record-routes.ts';
import { approvalRoutes, offerRoutes } from './offers/routes.ts';
import { publicationRoutes } from './publication/routes.ts';
import { registerApi } from './register/api.ts';
import { registerRoutes } from './register/routes.ts';
import { reviewsApi } from './reviews/api.ts';
import { reviewRoutes } from './reviews/routes.ts';
import type { GiftsModule } from './service.ts';

export function giftsRoutes(app: FastifyInstance, { gifts, clock }: { gifts: GiftsModule; clock: Clock }) {
  recordRoutes(app, gifts.offers, clock);
  registerRoutes(app, gifts);
  offerRoutes(app, gifts);
  approvalRoutes(app, gifts);
  reviewRoutes(app, gifts.reviews);
  publicationRoutes(app, gifts.publication);
  offersApi(app, gifts);
  registerApi(app, gifts.register);
  reviewsApi(app, gifts.reviews);
}
