import type { FastifyInstance } from 'fastify';
import type { Clock } from '../../platform/clock.ts';
import { dayApi } from './day/api.ts';
import { dayRoutes } from './day/routes.ts';
import type { PlanningService } from './service.ts';

export type PlanningRouteDeps = {
  planning: PlanningService;
  clock: Clock;
};

export function planningRoutes(app: FastifyInstance, deps: PlanningRouteDeps) {
  dayRoutes(app, deps);
  dayApi(app, deps.planning);
}
