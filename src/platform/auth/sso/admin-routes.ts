import type { FastifyInstance } from 'fastify';
import { InvalidInput } from '../../errors.ts';
import { formPage, formRoute, type ShownForm } from '../../web/form-kit.ts';
import { actorOf, signedIn } from '../../web/render.ts';
import { formValuesOf, providerForm } from './input.ts';
import {
  clientSecret,
  councilSlug,
  providerOf,
  removeProvider,
  SecretUnavailable,
  saveProvider,
} from './providers.ts';
import { callbackUrl, type SingleSignOnDeps } from './routes.ts';

type AdminDeps = Pick<SingleSignOnDeps, 'db' | 'clock' | 'baseUrl'> & {
  env: Record<string, string | undefined>;
};

const saved = { saved: 'The sign-in service has been saved.', removed: 'Single sign-on has been removed.' };

async function settingsPage(deps: AdminDeps, shown: ShownForm) {
  const { councilId } = signedIn(shown.request);
  const query = shown.request.query as Record<string, unknown>;
  const flash = shown.errors.length ? undefined : Object.entries(saved).find(([key]) => key in query)?.[1];
  return formPage(shown, 'auth/views/sign-in-provider.njk', {
    title: 'Single sign-on',
    configured: (await providerOf(deps.db, councilId)) !== null,
    redirectUri: callbackUrl(deps.baseUrl, await councilSlug(deps.db, councilId)),
    flash,
  });
}

// The system administrator sets up the council's OpenID Connect provider here. The client secret
// is named, not typed: saving checks that the server can read it.
export function singleSignOnAdminRoutes(app: FastifyInstance, deps: AdminDeps) {
  formRoute(app, '/admin/sign-in', {
    access: 'policy:manage',
    body: providerForm,
    initial: async (request) => {
      const provider = await providerOf(deps.db, signedIn(request).councilId);
      return provider ? formValuesOf(provider) : { secretSource: 'env', passwordSignIn: 'yes' };
    },
    page: (shown) => settingsPage(deps, shown),
    submit: async ({ request, body }) => {
      try {
        await clientSecret(body, await councilSlug(deps.db, signedIn(request).councilId), deps.env);
      } catch (error) {
        if (!(error instanceof SecretUnavailable)) throw error;
        throw new InvalidInput([
          { key: 'secretRef', message: `Probity cannot read the secret: ${error.message}` },
        ]);
      }
      await saveProvider(deps.db, actorOf(request), body, deps.clock.now());
      return '/admin/sign-in?saved=1';
    },
  });

  app.post('/admin/sign-in/remove', { config: { access: 'policy:manage' } }, async (request, reply) => {
    await removeProvider(deps.db, actorOf(request), deps.clock.now());
    return reply.redirect('/admin/sign-in?removed=1', 303);
  });
}
