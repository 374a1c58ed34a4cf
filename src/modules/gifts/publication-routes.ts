import type { FastifyInstance } from 'fastify';
import type { GiftsRouteDeps } from './routes.ts';

export function publicationRoutes(_app: FastifyInstance, _deps: GiftsRouteDeps) {}
