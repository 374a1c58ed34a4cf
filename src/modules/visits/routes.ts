import type { FastifyInstance } from 'fastify';
import type { Clock } from '../../platform/clock.ts';
import { checkInRoutes } from './check-ins/routes.ts';
import { consoleRoutes } from './console/routes.ts';
import { incidentRoutes } from './incidents/routes.ts';
import { planRoutes } from './plans/routes.ts';
import { visitRoutes } from './plans/visit-routes.ts';
import { visitRecordRoutes } from './records/routes.ts';
import type { Incidents, VisitRecords, VisitsService } from './service.ts';

export type VisitsRouteDeps = { visits: VisitsService; clock: Clock };

export function visitsRoutes(app: FastifyInstance, deps: VisitsRouteDeps) {
  planRoutes(app, deps);
  visitRoutes(app, deps);
  checkInRoutes(app, deps);
  consoleRoutes(app, deps);
}

export type VisitRecordsRouteDeps = { records: VisitRecords; incidents: Incidents };

// The records of visits (outcomes, referrals, recovery holds) and incident reports.
export function visitRecordsRoutes(app: FastifyInstance, deps: VisitRecordsRouteDeps) {
  visitRecordRoutes(app, deps);
  incidentRoutes(app, deps);
}
