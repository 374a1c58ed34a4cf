import type { FastifyInstance } from 'fastify';
import type { Clock } from '../../platform/clock.ts';
import type { CustomersService } from '../customers/service.ts';
import type { ComplaintLetters } from '../letters/service.ts';
import { accountRoutes } from './casework/account-routes.ts';
import { complaintsChangeApi, complaintsReadApi } from './casework/api.ts';
import { duplicateRoutes } from './casework/duplicate-routes.ts';
import { queueRoutes } from './casework/queue-routes.ts';
import { caseRoutes } from './casework/routes.ts';
import { logComplaintApi } from './intake/api.ts';
import { logComplaintRoutes } from './intake/routes.ts';
import type { Intake } from './intake/service.ts';
import { letterRoutes } from './letter-routes.ts';
import { ombudsmanRoutes } from './ombudsman/routes.ts';
import { progressRoutes } from './public/progress-routes.ts';
import { publicComplaintRoutes } from './public/routes.ts';
import { reportRoutes } from './reports/routes.ts';
import type { Casework, ComplaintReports, OmbudsmanCases } from './service.ts';

export type ComplaintsRouteDeps = {
  intake: Intake;
  casework: Casework;
  letters: ComplaintLetters;
  ombudsman: OmbudsmanCases;
  reports: ComplaintReports;
  customers: CustomersService;
  clock: Clock;
};

export function complaintsRoutes(app: FastifyInstance, deps: ComplaintsRouteDeps) {
  publicComplaintRoutes(app, deps);
  progressRoutes(app, deps);
  logComplaintRoutes(app, deps);
  queueRoutes(app, deps);
  caseRoutes(app, deps);
  duplicateRoutes(app, deps);
  accountRoutes(app, deps);
  letterRoutes(app, deps);
  ombudsmanRoutes(app, deps);
  reportRoutes(app, deps);
  complaintsReadApi(app, deps);
  complaintsChangeApi(app, deps);
  logComplaintApi(app, deps);
}
