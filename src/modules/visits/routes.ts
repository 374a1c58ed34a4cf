import type { FastifyInstance } from 'fastify';
import type { Clock } from '../../platform/clock.ts';
import { checkInsApi } from './check-ins/api.ts';
import { checkInRoutes } from './check-ins/routes.ts';
import { consoleApi } from './console/api.ts';
import { consoleRoutes } from './console/routes.ts';
import { incidentRoutes } from './incidents/routes.ts';
import { plansApi } from './plans/api.ts';
import { planRoutes } from './plans/routes.ts';
import { visitsApi } from './plans/visit-api.ts';
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
  plansApi(app, visits.plans);
  visitsApi(app, visits.plans);
  checkInsApi(app, visits.checkIns);
  consoleApi(app, visits);
  riskRegisterRoutes(app, { riskRegister: visits.riskRegister, clock });
  visitRecordRoutes(app, { records: visits.records });
  incidentRoutes(app, { incidents: visits.incidents });
}
