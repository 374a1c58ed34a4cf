import type { FastifyInstance } from 'fastify';
import type { InterestsRouteDeps } from './routes.ts';

export function lookupRoutes(_app: FastifyInstance, _deps: InterestsRouteDeps) {}
