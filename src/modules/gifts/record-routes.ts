import type { FastifyInstance } from 'fastify';
import type { GiftsRouteDeps } from './routes.ts';

export function recordRoutes(_app: FastifyInstance, _deps: GiftsRouteDeps) {}
