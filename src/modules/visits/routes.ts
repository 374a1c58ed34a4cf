import type { FastifyInstance } from 'fastify';
import type { Clock } from '../../platform/clock.ts';
import { checkInRoutes } from './check-ins/routes.ts';
import { consoleRoutes } from './console/routes.ts';
import { planRoutes } from './plans/routes.ts';
import { visitRoutes } from './plans/visit-routes.ts';
import type { VisitsService } from './service.ts';

export type VisitsRouteDeps = { visits: VisitsService; clock: Clock };

export function visitsRoutes(app: FastifyInstance, deps: VisitsRouteDeps) {
  planRoutes(app, deps);
  visitRoutes(app, deps);
  checkInRoutes(app, deps);
  consoleRoutes(app, deps);
}

// The risk register's pages and API, registered by the app until visitsRoutes takes it in.
export { type RiskRegisterRouteDeps, riskRegisterRoutes } from './risk-register/routes.ts';
