import * as oidc from 'openid-client';
import { type CouncilProvider, clientSecret, SecretUnavailable } from './providers.ts';

// The provider cannot be used now (unreachable, misconfigured, its secret missing): a 503 page.
export class ProviderUnavailable extends Error {}
// The provider's answer is not one to trust (state, nonce, PKCE, the ID token): a 400 page.
export class CallbackRefused extends Error {}

// What is kept between sending the person to their provider and their return, in a signed cookie.
export type Flow = { councilId: string; state: string; nonce: string; verifier: string; next: string };

export type ProviderClaims = {
  issuer: string;
  subject: string;
  email: string | null;
  emailVerified: boolean;
};

const loopbackHosts = new Set(['127.0.0.1', 'localhost', '[::1]']);
// Plain http is allowed only for a provider on this machine (tests and local development), so no
// setting can turn off https for a provider elsewhere.
export const isLoopback = (url: URL) => loopbackHosts.has(url.hostname);
const discoveredForMs = 60 * 60 * 1000;
const scope = 'openid email profile';

type Discovered = { config: oidc.Configuration; until: number };

export type OidcClients = ReturnType<typeof oidcClients>;

export function oidcClients(env: Record<string, string | undefined>) {
  const discovered = new Map<string, Discovered>();

  async function configFor(provider: CouncilProvider): Promise<oidc.Configuration> {
    const secret = await clientSecret(provider, provider.slug, env).catch((error: unknown) => {
      throw new ProviderUnavailable(error instanceof SecretUnavailable ? error.message : 'no client secret');
    });
    const key = JSON.stringify([provider.councilId, provider.issuer, provider.clientId, secret]);
    const cached = discovered.get(key);
    if (cached && cached.until > Date.now()) return cached.config;
    const config = await discover(provider, secret);
    discovered.set(key, { config, until: Date.now() + discoveredForMs });
    return config;
  }

  async function start(provider: CouncilProvider, redirectUri: string, next: string) {
    const config = await configFor(provider);
    const verifier = oidc.randomPKCECodeVerifier();
    const flow: Flow = {
      councilId: provider.councilId,
      state: oidc.randomState(),
      nonce: oidc.randomNonce(),
      verifier,
      next,
    };
    const url = oidc.buildAuthorizationUrl(config, {
      redirect_uri: redirectUri,
      scope,
      code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      state: flow.state,
      nonce: flow.nonce,
    });
    return { url: url.href, flow };
  }

  // The provider's answer, checked by openid-client (state, PKCE, the ID token's signature,
  // issuer, audience, expiry and nonce), and the issuer once more against the council's own.
  async function finish(provider: CouncilProvider, flow: Flow, callbackUrl: URL): Promise<ProviderClaims> {
    const config = await configFor(provider);
    let claims: oidc.IDToken | undefined;
    try {
      const tokens = await oidc.authorizationCodeGrant(config, callbackUrl, {
        pkceCodeVerifier: flow.verifier,
        expectedState: flow.state,
        expectedNonce: flow.nonce,
        idTokenExpected: true,
      });
      claims = tokens.claims();
    } catch (error) {
      throw new CallbackRefused(reasonOf(error));
    }
    if (!claims || claims.iss !== config.serverMetadata().issuer) {
      throw new CallbackRefused('the ID token is not from the council’s provider');
    }
    return claimsOf(claims);
  }

  // Where to end the person's session at the provider too, if it says (end_session_endpoint).
  async function endSessionUrl(provider: CouncilProvider, afterwards: string): Promise<string | null> {
    const config = await configFor(provider);
    if (!config.serverMetadata().end_session_endpoint) return null;
    return oidc.buildEndSessionUrl(config, { post_logout_redirect_uri: afterwards }).href;
  }

  return { start, finish, endSessionUrl };
}

async function discover(provider: CouncilProvider, secret: string): Promise<oidc.Configuration> {
  let issuer: URL;
  try {
    issuer = new URL(provider.issuer);
  } catch {
    throw new ProviderUnavailable('the issuer is not a web address');
  }
  const insecure = issuer.protocol === 'http:';
  if (insecure && !isLoopback(issuer)) throw new ProviderUnavailable('the issuer must use https');
  try {
    return await oidc.discovery(
      issuer,
      provider.clientId,
      secret,
      undefined,
      // The ID token's signature is checked against the provider's keys even though it comes
      // straight from the token endpoint.
      {
        execute: insecure
          ? [oidc.enableNonRepudiationChecks, oidc.allowInsecureRequests]
          : [oidc.enableNonRepudiationChecks],
      },
    );
  } catch (error) {
    throw new ProviderUnavailable(error instanceof Error ? error.message : 'discovery failed');
  }
}

// openid-client's reason, with the one underneath it that names the claim (nonce, exp, iss…).
function reasonOf(error: unknown): string {
  if (!(error instanceof Error)) return 'the answer could not be checked';
  return error.cause instanceof Error ? `${error.message}: ${error.cause.message}` : error.message;
}

// Microsoft Entra ID says an address is verified with xms_edov (email domain owner verified)
// rather than email_verified, when the council adds it as an optional claim.
function claimsOf(claims: oidc.IDToken): ProviderClaims {
  const email = typeof claims.email === 'string' ? claims.email.trim().toLowerCase() : null;
  return {
    issuer: claims.iss,
    subject: claims.sub,
    email: email || null,
    emailVerified: claims.email_verified === true || claims.xms_edov === true,
  };
}
