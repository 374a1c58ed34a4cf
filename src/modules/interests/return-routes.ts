import type { FastifyInstance } from 'fastify';
import type { InterestsRouteDeps } from './routes.ts';

export function returnRoutes(_app: FastifyInstance, _deps: InterestsRouteDeps) {}
