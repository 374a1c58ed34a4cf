import type { FastifyInstance } from 'fastify';
import { gazetteerApi } from './gazetteer/api.ts';
import { gazetteerRoutes } from './gazetteer/routes.ts';
import type { PlacesService } from './service.ts';

export type PlacesRouteDeps = { places: PlacesService };

export function placesRoutes(app: FastifyInstance, deps: PlacesRouteDeps) {
  gazetteerRoutes(app, deps);
  gazetteerApi(app, deps);
}
