import type { FastifyInstance } from 'fastify';
import type { InterestsRouteDeps } from './routes.ts';

export function registerRoutes(_app: FastifyInstance, _deps: InterestsRouteDeps) {}
