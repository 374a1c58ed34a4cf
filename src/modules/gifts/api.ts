import type { FastifyInstance } from 'fastify';
import type { GiftsRouteDeps } from './routes.ts';

export function giftsApi(_app: FastifyInstance, _deps: GiftsRouteDeps) {}
