import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Clock } from '../../clock.ts';
import type { Database } from '../../db/schema.ts';
import { NotFound } from '../../errors.ts';
import { perAddress } from '../../web/access.ts';
import { paramsOf, queryOf } from '../../web/form-kit.ts';
import { render } from '../../web/render.ts';
import { safeNext } from '../safe-next.ts';
import { sessionCookieName, startSession } from '../sessions.ts';
import { recordFailure, refusalMessages, signInWithProvider } from './link.ts';
import { CallbackRefused, type Flow, type OidcClients, ProviderUnavailable } from './oidc.ts';
import { type CouncilProvider, providerBySlug } from './providers.ts';

export type SingleSignOnDeps = {
  db: Kysely<Database>;
  clock: Clock;
  baseUrl: string;
  secureCookies: boolean;
  oidc: OidcClients;
};

// The state, nonce and PKCE verifier wait in a signed cookie for ten minutes, sent back only to
// the callback paths.
const flowCookie = 'probity_sso_flow';
const flowPath = '/sign-in/sso/';
const flowLifetimeMs = 10 * 60_000;
const flowSchema = z.object({
  councilId: z.string(),
  state: z.string(),
  nonce: z.string(),
  verifier: z.string(),
  next: z.string(),
  until: z.number(),
});

const councilParams = z.object({ council: z.string().regex(/^[a-z0-9-]{1,60}$/) });
const nextQuery = z.object({ next: z.unknown().optional().transform(safeNext) });

export const callbackUrl = (baseUrl: string, slug: string) =>
  new URL(`/sign-in/sso/${slug}/callback`, baseUrl).href;

async function providerNamed(deps: SingleSignOnDeps, request: FastifyRequest): Promise<CouncilProvider> {
  const { council } = paramsOf(request, councilParams, 'This council does not sign in with its own provider');
  const provider = await providerBySlug(deps.db, council);
  if (!provider) throw new NotFound('This council does not sign in with its own provider');
  return provider;
}

function readFlow(request: FastifyRequest, now: Date): Flow | null {
  const raw = request.cookies[flowCookie];
  const unsigned = raw ? request.unsignCookie(raw) : null;
  if (!unsigned?.valid || unsigned.value === null) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(unsigned.value);
  } catch {
    return null;
  }
  const flow = flowSchema.safeParse(parsed);
  return flow.success && flow.data.until > now.getTime() ? flow.data : null;
}

// A page that says why signing in with the provider did not work, and how to start again.
function problemPage(
  request: FastifyRequest,
  reply: FastifyReply,
  status: number,
  provider: CouncilProvider,
  paragraphs: string[],
) {
  reply.code(status);
  return render(request, reply, 'auth/views/single-sign-on-problem.njk', {
    title: status === 403 ? 'You cannot sign in to Probity' : 'Sign-in did not work',
    paragraphs,
    provider,
    councilName: provider.councilName,
  });
}

const unavailableText = (provider: CouncilProvider) => [
  `Probity cannot reach ${provider.displayName} at the moment. Try again later, or tell your system administrator.`,
];
const badCallbackText = (provider: CouncilProvider) => [
  `Probity could not confirm your sign-in with ${provider.displayName}. The sign-in may have taken too long, been started in another browser tab, or been tampered with.`,
  'Start again from the sign-in page.',
];

// Sending the person to their council's provider and back, and ending the provider's session.
export function singleSignOnRoutes(app: FastifyInstance, deps: SingleSignOnDeps) {
  const cookieOptions = { httpOnly: true, sameSite: 'lax' as const, secure: deps.secureCookies };

  // Starting and finishing a sign-in reach out to the provider and audit what fails: a limit for
  // each address, as the password form has, generous enough for an office behind one address.
  const publicLimited = { access: 'public' as const, rateLimit: perAddress(60) };
  app.get('/sign-in/sso/:council', { config: publicLimited }, async (request, reply) => {
    const provider = await providerNamed(deps, request);
    const { next } = queryOf(request, nextQuery);
    try {
      const { url, flow } = await deps.oidc.start(provider, callbackUrl(deps.baseUrl, provider.slug), next);
      const until = deps.clock.now().getTime() + flowLifetimeMs;
      reply.setCookie(flowCookie, JSON.stringify({ ...flow, until }), {
        ...cookieOptions,
        path: flowPath,
        signed: true,
        maxAge: flowLifetimeMs / 1000,
      });
      return reply.redirect(url, 303);
    } catch (error) {
      if (!(error instanceof ProviderUnavailable)) throw error;
      await recordFailure(deps.db, provider, error.message, deps.clock.now(), request.id);
      return problemPage(request, reply, 503, provider, unavailableText(provider));
    }
  });

  app.get('/sign-in/sso/:council/callback', { config: publicLimited }, (request, reply) =>
    callback(deps, request, reply, cookieOptions),
  );

  app.get('/sign-in/sso/:council/sign-out', { config: { access: 'public' } }, async (request, reply) => {
    const provider = await providerNamed(deps, request);
    const afterwards = new URL('/sign-in?signed-out=1', deps.baseUrl).href;
    const url = await deps.oidc.endSessionUrl(provider, afterwards).catch(() => null);
    return reply.redirect(url ?? '/sign-in?signed-out=1', 303);
  });
}

// The provider's answer: only for the council whose flow this browser started, checked by
// openid-client against that council's issuer, then matched to a person of that council.
async function callback(
  deps: SingleSignOnDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  cookieOptions: { httpOnly: boolean; sameSite: 'lax'; secure: boolean },
) {
  const provider = await providerNamed(deps, request);
  const now = deps.clock.now();
  const flow = readFlow(request, now);
  reply.clearCookie(flowCookie, { path: flowPath });
  if (!flow || flow.councilId !== provider.councilId) {
    // An answer with no sign-in started in this browser is anyone's request, not an attempt to
    // sign in to an account: audited only when a flow for another council was started here.
    if (flow)
      await recordFailure(deps.db, provider, 'no sign-in was started for this council here', now, request.id);
    return problemPage(request, reply, 400, provider, badCallbackText(provider));
  }
  let claims: Awaited<ReturnType<OidcClients['finish']>>;
  try {
    claims = await deps.oidc.finish(provider, flow, new URL(request.url, deps.baseUrl));
  } catch (error) {
    if (!(error instanceof CallbackRefused || error instanceof ProviderUnavailable)) throw error;
    await recordFailure(deps.db, provider, error.message, now, request.id);
    const unavailable = error instanceof ProviderUnavailable;
    const text = unavailable ? unavailableText(provider) : badCallbackText(provider);
    return problemPage(request, reply, unavailable ? 503 : 400, provider, text);
  }
  const outcome = await signInWithProvider(deps.db, provider, claims, now, request.id);
  if (!outcome.ok) return problemPage(request, reply, 403, provider, [refusalMessages[outcome.reason]]);
  const session = await startSession(deps.db, outcome, deps.clock.now());
  reply.setCookie(sessionCookieName, session, { ...cookieOptions, path: '/' });
  return reply.redirect(flow.next, 303);
}
