import type { FastifyInstance } from 'fastify';
import type { Principal } from '../../platform/auth/principal.ts';
import type { Clock } from '../../platform/clock.ts';
import { render, signedIn } from '../../platform/web/render.ts';
import { type Task, urgencyNames } from '../../platform/web/tasks.ts';
import { calendarRoutes } from './calendar/routes.ts';
import { councilPageRoutes } from './council-pages/routes.ts';
import { accountRoutes } from './digest/routes.ts';
import { invitationRoutes } from './invitations/routes.ts';
import { leaverRoutes } from './leavers/routes.ts';
import { passwordRoutes } from './passwords/routes.ts';
import { peopleApi } from './people/api.ts';
import { peopleRoutes } from './people/routes.ts';
import { policyRoutes } from './policy-settings/routes.ts';
import type { OrganisationService } from './service.ts';
import { staffImportApi } from './staff-import/api.ts';
import { staffImportRoutes } from './staff-import/routes.ts';

type OrganisationRouteDeps = {
  organisation: OrganisationService;
  clock: Clock;
  // What is waiting for the person in every module, most urgent first (app.ts composes it).
  tasksFor: (principal: Principal) => Promise<Task[]>;
};

export function organisationRoutes(app: FastifyInstance, deps: OrganisationRouteDeps) {
  const { organisation } = deps;

  app.get('/', { config: { access: 'signed-in' } }, async (request, reply) => {
    const principal = signedIn(request);
    return render(request, reply, 'organisation/views/home.njk', {
      title: 'Home',
      tasks: await deps.tasksFor(principal),
      urgencyNames,
    });
  });

  accountRoutes(app, organisation);
  invitationRoutes(app, organisation);
  passwordRoutes(app, organisation);
  councilPageRoutes(app, organisation);
  peopleRoutes(app, organisation);
  peopleApi(app, organisation);
  staffImportRoutes(app, organisation);
  leaverRoutes(app, organisation);
  staffImportApi(app, organisation);
  policyRoutes(app, organisation);
  calendarRoutes(app, deps);
}
