import type { FastifyInstance } from 'fastify';
import type { Clock } from '../../platform/clock.ts';
import { campaignRoutes } from './campaigns/routes.ts';
import { declarationApi } from './declarations/api.ts';
import { declareRoutes } from './declarations/routes.ts';
import { lookupRoutes } from './lookup/routes.ts';
import { publicationRoutes } from './publication/routes.ts';
import { registerRoutes } from './register/routes.ts';
import { returnRoutes } from './returns/routes.ts';
import type { InterestsServices } from './service.ts';

export type InterestsRouteDeps = InterestsServices & { clock: Clock };

export function interestsRoutes(app: FastifyInstance, deps: InterestsRouteDeps) {
  declareRoutes(app, deps);
  registerRoutes(app, deps);
  campaignRoutes(app, deps);
  lookupRoutes(app, deps);
  returnRoutes(app, deps);
  publicationRoutes(app, deps);
  declarationApi(app, deps);
}
