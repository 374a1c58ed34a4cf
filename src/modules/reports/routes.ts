import type { FastifyInstance } from 'fastify';
import { packRoutes } from './packs/routes.ts';
import type { ReportsService } from './service.ts';

// Committee packs: the list, putting one together, reading it (public or full version), marking
// exempt items, adding items, publishing, and its PDF and CSV.
export function reportsRoutes(app: FastifyInstance, deps: { reports: ReportsService }) {
  packRoutes(app, deps);
}
