import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { InvalidInput, NotFound } from '../../../platform/errors.ts';
import { perAddress } from '../../../platform/web/access.ts';
import { formPage, formRoute, queryOf } from '../../../platform/web/form-kit.ts';
import { render, signedIn } from '../../../platform/web/render.ts';
import type { OrganisationService } from '../service.ts';
import { changePasswordForm, credentialParams, forgottenPasswordForm, newPasswordForm } from './input.ts';
import { expiredLink } from './service.ts';

const views = 'organisation/passwords/views';
const changedQuery = z.object({ changed: z.literal('1').optional().catch(undefined) });

// Reset links asked from one address: a few in a quarter of an hour, whatever addresses are typed.
const resetRequestsPerAddress = {
  ...perAddress(5),
  timeWindow: '15 minutes',
  errorResponseBuilder: (_request: FastifyRequest, context: { after: string }) =>
    Object.assign(
      new Error(`You have asked for too many reset links. Wait ${context.after} and try again.`),
      { statusCode: 429 },
    ),
};

// A person's own password: changed when signed in, or reset by a link emailed to them.
export function passwordRoutes(app: FastifyInstance, organisation: OrganisationService) {
  formRoute(app, '/account/password', {
    access: 'signed-in',
    rateLimit: perAddress(10),
    body: changePasswordForm,
    initial: () => ({}),
    page: (shown) =>
      formPage({ ...shown, values: {} }, `${views}/change.njk`, {
        title: 'Change your password',
        flash: queryOf(shown.request, changedQuery).changed ? 'Your password has been changed' : undefined,
      }),
    submit: async ({ request, body }) => {
      const { councilId, personId, sessionId } = signedIn(request);
      await organisation.changePassword({ councilId, personId, sessionId }, body, request.id);
      return '/account/password?changed=1';
    },
  });

  formRoute(app, '/password-reset', {
    access: 'public',
    rateLimit: resetRequestsPerAddress,
    body: forgottenPasswordForm,
    initial: () => ({}),
    page: (shown) => formPage(shown, `${views}/forgotten.njk`, { title: 'Reset your password' }),
    submit: async ({ request, body }) => {
      await organisation.requestPasswordReset(body.email, request.id);
      return '/password-reset/sent';
    },
  });

  app.get('/password-reset/sent', { config: { access: 'public' } }, (request, reply) =>
    render(request, reply, `${views}/sent.njk`, { title: 'Check your email' }),
  );

  // A link that has expired or been used gets a page saying so, with the way to ask for another.
  formRoute(app, '/password-reset/:credential', {
    access: 'public',
    rateLimit: perAddress(20),
    params: credentialParams,
    body: newPasswordForm,
    initial: () => ({}),
    page: async (shown) => {
      const live = await organisation.passwordResetLink(shown.params.credential);
      if (!live) {
        shown.reply.code(404);
        return render(shown.request, shown.reply, `${views}/expired.njk`, { title: expiredLink });
      }
      return formPage({ ...shown, values: {} }, 'organisation/invitations/views/set-password.njk', {
        title: 'Reset your password',
        button: 'Reset password',
        name: live.name,
      });
    },
    submit: async ({ request, params, body }) => {
      try {
        await organisation.resetPassword(params.credential, body, request.id);
      } catch (error) {
        if (error instanceof NotFound) throw new InvalidInput([{ key: 'form', message: expiredLink }]);
        throw error;
      }
      return '/sign-in?password-reset=1';
    },
  });
}
