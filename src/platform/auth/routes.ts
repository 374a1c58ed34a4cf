import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Clock } from '../clock.ts';
import type { Database } from '../db/schema.ts';
import { InvalidInput } from '../errors.ts';
import { perAddress } from '../web/access.ts';
import { formPage, formRoute, formText, queryOf, type ShownForm } from '../web/form-kit.ts';
import { safeNext } from './safe-next.ts';
import { endSession, sessionCookieName, startSession } from './sessions.ts';
import { type LockoutPolicy, signIn, signInDelayMs, type UnknownAccountAttempts } from './sign-in.ts';
import { singleSignOnAdminRoutes } from './sso/admin-routes.ts';
import type { OidcClients } from './sso/oidc.ts';
import { allProviders, providerOf } from './sso/providers.ts';
import { singleSignOnRoutes } from './sso/routes.ts';
import { tokenRoutes } from './token-routes.ts';

export type AuthRouteDeps = {
  db: Kysely<Database>;
  clock: Clock;
  secureCookies: boolean;
  lockoutPolicy: (councilId: string) => Promise<LockoutPolicy>;
  sleep: (ms: number) => Promise<void>;
  baseUrl: string;
  // Single sign-on with councils' OpenID Connect providers, and where client secrets are read from.
  oidc: OidcClients;
  env: Record<string, string | undefined>;
};

const signInMessage = 'Enter a correct email address and password';
const lockedMessage = 'There have been too many failed attempts to sign in. Wait 15 minutes and try again.';

// Only a path on this site; anything else goes to the home page.
const next = z.unknown().optional().transform(safeNext);
const nextQuery = z.object({ next });
const signInForm = z.object({
  email: formText.refine((email) => email !== '', 'Enter your email address'),
  // A password is taken as typed, spaces and all.
  password: z
    .string()
    .catch('')
    .refine((password) => password !== '', 'Enter your password'),
  next,
});

// What the page says after a password is set or reset, or after signing out.
const arrivals = {
  'password-set': 'Your password has been set. Sign in with it.',
  'password-reset': 'Your password has been reset. Sign in with your new password.',
  'signed-out': 'You have signed out.',
} as const;
const arrivedFrom = (query: unknown) =>
  Object.entries(arrivals).find(([key]) => typeof query === 'object' && query !== null && key in query)?.[1];

// The sign-in page offers each council's own sign-in service; after signing out, the service's
// session can be ended too.
const signInPage = async (db: Kysely<Database>, shown: ShownForm) => {
  const providers = await allProviders(db);
  const query = shown.request.query as Record<string, unknown>;
  return formPage(
    { ...shown, values: { email: formText.parse(shown.values.email) } },
    'auth/views/sign-in.njk',
    {
      title: 'Sign in',
      next: safeNext(shown.values.next),
      flash: shown.errors.length ? undefined : arrivedFrom(shown.request.query),
      providers,
      signOutOf: providers.find((provider) => provider.slug === query.provider),
    },
  );
};
const passwordOffMessage = (provider: { displayName: string }) =>
  `Your council does not use Probity passwords. Sign in with ${provider.displayName} instead.`;

export function authRoutes(app: FastifyInstance, deps: AuthRouteDeps) {
  const unknownAccounts: UnknownAccountAttempts = new Map();
  const cookieOptions = { path: '/', httpOnly: true, sameSite: 'lax' as const, secure: deps.secureCookies };

  app.get('/sign-in', { config: { access: 'public' } }, (request, reply) => {
    if (request.principal) return reply.redirect('/');
    return signInPage(deps.db, { request, reply, values: queryOf(request, nextQuery), errors: [] });
  });

  formRoute(app, '/sign-in', {
    access: 'public',
    rateLimit: perAddress(30),
    body: signInForm,
    page: (shown) => signInPage(deps.db, shown),
    submit: async ({ request, reply, body: { email, password, next } }) => {
      const now = deps.clock.now();
      const outcome = await signIn(
        deps.db,
        unknownAccounts,
        { email, password },
        now,
        deps.lockoutPolicy,
        request.id,
      );
      if (outcome.ok) {
        reply.setCookie(
          sessionCookieName,
          await startSession(deps.db, outcome, deps.clock.now()),
          cookieOptions,
        );
        return next;
      }
      if (outcome.signInWith)
        throw new InvalidInput([{ key: 'email', message: passwordOffMessage(outcome.signInWith) }]);
      await deps.sleep(signInDelayMs(outcome.failures));
      throw new InvalidInput([{ key: 'email', message: outcome.locked ? lockedMessage : signInMessage }]);
    },
  });

  app.post('/sign-out', { config: { access: 'public' } }, async (request, reply) => {
    const principal = request.principal;
    if (principal?.sessionId) await endSession(deps.db, principal.councilId, principal.sessionId);
    reply.clearCookie(sessionCookieName, { path: '/' });
    const provider = principal ? await providerOf(deps.db, principal.councilId) : null;
    return reply.redirect(`/sign-in?signed-out=1${provider ? `&provider=${provider.slug}` : ''}`, 303);
  });

  tokenRoutes(app, deps);
  singleSignOnRoutes(app, deps);
  singleSignOnAdminRoutes(app, deps);
}
