import type { FastifyInstance } from 'fastify';
import { caseworkRoutes } from './casework/routes.ts';
import { intakeRoutes } from './intake/routes.ts';
import { rosterRoutes } from './roster/routes.ts';
import type { ConductModule } from './service.ts';

export function conductRoutes(app: FastifyInstance, { conduct }: { conduct: ConductModule }) {
  intakeRoutes(app, conduct.intake);
  caseworkRoutes(app, conduct.casework);
  rosterRoutes(app, conduct.roster);
}
