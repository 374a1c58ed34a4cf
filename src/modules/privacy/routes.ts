import type { FastifyInstance } from 'fastify';
import type { PrivacyService } from './service.ts';
import { subjectAccessRoutes } from './subject-access/routes.ts';

// Subject access requests: the search, the person's page and their export.
export function privacyRoutes(app: FastifyInstance, deps: { privacy: PrivacyService }) {
  subjectAccessRoutes(app, { subjectAccess: deps.privacy.subjectAccess });
}
