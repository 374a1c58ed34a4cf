import type { FastifyInstance } from 'fastify';
import type { Clock } from '../../platform/clock.ts';
import { InvalidInput, NotFound } from '../../platform/errors.ts';
import { perAddress } from '../../platform/web/access.ts';
import { formErrors, text } from '../../platform/web/forms.ts';
import { render, signedIn } from '../../platform/web/render.ts';
import { calendarRoutes } from './calendar-routes.ts';
import { peopleApi } from './people-api.ts';
import { peopleRoutes } from './people-routes.ts';
import { policyRoutes } from './policy-routes.ts';
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

  app.get('/team', { config: { access: 'signed-in' } }, async (request, reply) => {
    const people = await organisation.team(signedIn(request));
    return render(request, reply, 'organisation/views/team.njk', { title: 'My team', people });
  });

  app.get('/set-password/:credential', { config: { access: 'public' } }, async (request, reply) => {
    const { credential } = request.params as { credential: string };
    const invitation = await organisation.invitation(credential);
    if (!invitation) throw new NotFound('This link has expired or has already been used');
    return render(request, reply, 'organisation/views/set-password.njk', {
      title: 'Set your password',
      name: invitation.name,
    });
  });

  app.post(
    '/set-password/:credential',
    { config: { access: 'public', rateLimit: perAddress(20) } },
    async (request, reply) => {
      const { credential } = request.params as { credential: string };
      const body = request.body as Record<string, unknown>;
      try {
        await organisation.acceptInvitation(
          credential,
          text(body.password),
          text(body.confirmation),
          request.id,
        );
      } catch (error) {
        if (!(error instanceof InvalidInput)) throw error;
        const invitation = await organisation.invitation(credential);
        reply.code(400);
        return render(request, reply, 'organisation/views/set-password.njk', {
          title: 'Set your password',
          name: invitation?.name,
          ...formErrors(error.errors),
        });
      }
      return reply.redirect('/sign-in?password-set=1', 303);
    },
  );

  peopleRoutes(app, organisation);
  peopleApi(app, organisation);
  policyRoutes(app, organisation);
  calendarRoutes(app, organisation, deps.clock);
}
