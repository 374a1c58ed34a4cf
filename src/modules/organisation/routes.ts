import type { FastifyInstance } from 'fastify';
import type { Clock } from '../../platform/clock.ts';
import { render, signedIn } from '../../platform/web/render.ts';
import { calendarRoutes } from './calendar/routes.ts';
import { councilPageRoutes } from './council-pages/routes.ts';
import { invitationRoutes } from './invitations/routes.ts';
import { passwordRoutes } from './passwords/routes.ts';
import { peopleApi } from './people/api.ts';
import { peopleRoutes } from './people/routes.ts';
import { policyRoutes } from './policy-settings/routes.ts';
import type { OrganisationService } from './service.ts';

type OrganisationRouteDeps = { organisation: OrganisationService; clock: Clock };

export function organisationRoutes(app: FastifyInstance, deps: OrganisationRouteDeps) {
  const { organisation } = deps;

  app.get('/', { config: { access: 'signed-in' } }, async (request, reply) => {
    const principal = signedIn(request);
    return render(request, reply, 'organisation/views/home.njk', {
      title: 'Home',
      roles: [...principal.roles],
    });
  });

  invitationRoutes(app, organisation);
  passwordRoutes(app, organisation);
  councilPageRoutes(app, organisation);
  peopleRoutes(app, organisation);
  peopleApi(app, organisation);
  policyRoutes(app, organisation);
  calendarRoutes(app, deps);
}
