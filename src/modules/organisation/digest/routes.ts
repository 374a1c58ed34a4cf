import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { formPage, formRoute, formText, queryOf } from '../../../platform/web/form-kit.ts';
import { signedIn } from '../../../platform/web/render.ts';
import type { OrganisationService } from '../service.ts';
import { digestForm } from './input.ts';

const savedQuery = z.object({ saved: formText.catch('') });

// The person's own account: their details, their API tokens and their email setting.
export function accountRoutes(app: FastifyInstance, organisation: OrganisationService) {
  formRoute(app, '/account', {
    access: 'signed-in',
    body: digestForm,
    initial: async (request) => ({
      taskDigest: (await organisation.digestSetting(signedIn(request))) ? 'yes' : 'no',
    }),
    submit: async ({ request, body }) => {
      await organisation.setDigest(signedIn(request), body.taskDigest === 'yes', request.id);
      return '/account?saved=1';
    },
    page: async (shown) =>
      formPage(shown, 'organisation/digest/views/account.njk', {
        title: 'Your account',
        flash: queryOf(shown.request, savedQuery).saved ? 'Your setting has been saved.' : undefined,
      }),
  });
}
