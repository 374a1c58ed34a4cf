import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { NotFound } from '../../../platform/errors.ts';
import { perAddress } from '../../../platform/web/access.ts';
import { formPage, formRoute } from '../../../platform/web/form-kit.ts';
import type { OrganisationService } from '../service.ts';

const expired = 'This link has expired or has already been used';
const credentialParams = z.object({ credential: z.string() });
// A password is taken as typed, spaces and all.
const password = z.string().catch('');
const passwordForm = z.object({ password, confirmation: password });

// The link in an invitation: the person sets their password, and then signs in with it.
export function invitationRoutes(app: FastifyInstance, organisation: OrganisationService) {
  formRoute(app, '/set-password/:credential', {
    access: 'public',
    rateLimit: perAddress(20),
    params: credentialParams,
    body: passwordForm,
    initial: async (_request, { credential }) => {
      if (!(await organisation.invitation(credential))) throw new NotFound(expired);
      return {};
    },
    page: async (shown) =>
      formPage({ ...shown, values: {} }, 'organisation/invitations/views/set-password.njk', {
        title: 'Set your password',
        name: (await organisation.invitation(shown.params.credential))?.name,
      }),
    submit: async ({ request, params, body }) => {
      await organisation.acceptInvitation(params.credential, body.password, body.confirmation, request.id);
      return '/sign-in?password-set=1';
    },
  });
}
