import type { FastifyInstance } from 'fastify';
import { casesApi } from './cases/api.ts';
import { caseRoutes, type EnforcementRouteDeps } from './cases/routes.ts';
import { outcomeRoutes } from './outcomes/routes.ts';
import { paymentsApi } from './payments/api.ts';
import { paymentRoutes } from './payments/routes.ts';

export type { EnforcementRouteDeps } from './cases/routes.ts';

export function enforcementRoutes(app: FastifyInstance, deps: EnforcementRouteDeps) {
  caseRoutes(app, deps);
  outcomeRoutes(app, deps);
  paymentRoutes(app, deps);
  casesApi(app, deps.enforcement);
  paymentsApi(app, deps.enforcement);
}
