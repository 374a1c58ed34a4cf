import type { FastifyInstance } from 'fastify';
import type { Clock } from '../../platform/clock.ts';
import { checkInRoutes } from './check-ins/routes.ts';
import { consoleRoutes } from './console/routes.ts';
import { incidentRoutes } from './incidents/routes.ts';
import { planRoutes } from './plans/routes.ts';
import { visitRoutes } from './plans/visit-routes.ts';
import { visitRecordRoutes } from './records/routes.ts';
import { riskRegisterRoutes } from './risk-register/routes.ts';
import type { VisitsService } from './service.ts';

export type VisitsRouteDeps = { visits: VisitsService; clock: Clock };

export function visitsRoutes(app: FastifyInstance, deps: VisitsRouteDeps) {
  const { visits, clock } = deps;
  planRoutes(app, deps);
  visitRoutes(app, deps);
  checkInRoutes(app, deps);
  consoleRoutes(app, deps);
  riskRegisterRoutes(app, { riskRegister: visits.riskRegister, clock });
  visitRecordRoutes(app, { records: visits.records });
  incidentRoutes(app, { incidents: visits.incidents });
}
