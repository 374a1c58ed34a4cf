import type { FastifyInstance } from 'fastify';
import { caseworkRoutes } from './casework/routes.ts';
import { channelRoutes } from './channel/routes.ts';
import { intakeRoutes } from './intake/routes.ts';
import type { ConcernsService } from './service.ts';

export function concernsRoutes(app: FastifyInstance, { concerns }: { concerns: ConcernsService }) {
  intakeRoutes(app, concerns);
  channelRoutes(app, concerns);
  caseworkRoutes(app, concerns);
}
