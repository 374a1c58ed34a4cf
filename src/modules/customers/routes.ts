import type { FastifyInstance } from 'fastify';
import type { Clock } from '../../platform/clock.ts';
import type { ComplaintLetters } from '../letters/service.ts';
import { contactsApi } from './contacts/api.ts';
import { contactRoutes } from './contacts/routes.ts';
import { decisionsApi } from './decisions/api.ts';
import { decisionRoutes } from './decisions/routes.ts';
import { reviewsApi } from './reviews/api.ts';
import { reviewRoutes } from './reviews/routes.ts';
import type { CustomersService } from './service.ts';

export type CustomersRouteDeps = { customers: CustomersService; letters: ComplaintLetters; clock: Clock };

export function customersRoutes(app: FastifyInstance, deps: CustomersRouteDeps) {
  contactRoutes(app, deps);
  decisionRoutes(app, deps);
  reviewRoutes(app, deps);
  contactsApi(app, deps);
  decisionsApi(app, deps);
  reviewsApi(app, deps);
}
