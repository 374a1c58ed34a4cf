import type { FastifyInstance } from 'fastify';
import type { Clock } from '../../platform/clock.ts';
import { giftsApi } from './api.ts';
import type { GiftPublication } from './publication.ts';
import { publicationRoutes } from './publication-routes.ts';
import { recordRoutes } from './record-routes.ts';
import { registerRoutes } from './register-routes.ts';
import { reviewRoutes } from './review-routes.ts';
import type { GiftReviewsService } from './reviews.ts';
import type { GiftsService } from './service.ts';

export type GiftsRouteDeps = {
  gifts: GiftsService;
  reviews: GiftReviewsService;
  publication: GiftPublication;
  clock: Clock;
};

export function giftsRoutes(app: FastifyInstance, deps: GiftsRouteDeps) {
  recordRoutes(app, deps);
  registerRoutes(app, deps);
  reviewRoutes(app, deps);
  publicationRoutes(app, deps);
  giftsApi(app, deps);
}
