import type { FastifyInstance } from 'fastify';
import { retentionRoutes } from './retention/routes.ts';
import type { PrivacyService } from './service.ts';
import { subjectAccessRoutes } from './subject-access/routes.ts';

// Subject access requests (the search, the person's page and their export) and retention.
export function privacyRoutes(app: FastifyInstance, deps: { privacy: PrivacyService }) {
  subjectAccessRoutes(app, { subjectAccess: deps.privacy.subjectAccess });
  retentionRoutes(app, { retention: deps.privacy.retention });
}
