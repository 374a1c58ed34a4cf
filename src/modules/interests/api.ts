import type { FastifyInstance } from 'fastify';
import type { InterestsRouteDeps } from './routes.ts';

export function declarationApi(_app: FastifyInstance, _deps: InterestsRouteDeps) {}
