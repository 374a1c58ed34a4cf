import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, type JWK, SignJWT } from 'jose';
import Provider, { type GrantContext } from 'oidc-provider';

// The claims the provider's account finder gives for a subject: the test decides them.
export type TestAccount = { sub: string; email?: string; email_verified?: boolean; name?: string };

// A real OpenID provider (oidc-provider) on loopback, with one registered client per redirect
// address. Signing in there is done for the test: its interaction pages log in whichever account
// the test chose. The ID token it returns can be replaced, to try forged and expired ones.
export async function startOidcProvider(options: { redirectUris: string[]; postLogoutUris?: string[] }) {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const jwk: JWK = { ...(await exportJWK(privateKey)), kid: 'test-key', alg: 'RS256', use: 'sig' };
  const accounts = new Map<string, TestAccount>();
  const state: { next: string | null; idToken: ((token: string) => Promise<string>) | null } = {
    next: null,
    idToken: null,
  };
  const clientId = 'probity';
  const clientSecret = 'a client secret for the tests only';
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: options.redirectUris,
        post_logout_redirect_uris: options.postLogoutUris ?? [],
        token_endpoint_auth_method: 'client_secret_post',
      },
    ],
    jwks: { keys: [jwk] },
    cookies: { keys: ['a cookie key for the test provider'] },
    ttl: { Interaction: 600, Grant: 3600, Session: 3600, AccessToken: 600, IdToken: 600 },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    // The ID token carries the email claims, as Entra ID's and Google's do.
    conformIdTokenClaims: false,
    features: { devInteractions: { enabled: false }, rpInitiatedLogout: { enabled: true } },
    interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
    findAccount: (_ctx: unknown, sub: string) => {
      const account = accounts.get(sub);
      return account ? { accountId: sub, claims: () => account } : undefined;
    },
    // Consent is taken as given for every client, so signing in needs only the login step.
    loadExistingGrant: async (ctx: GrantContext) => {
      const grant = new ctx.oidc.provider.Grant({
        clientId: ctx.oidc.client.clientId,
        accountId: ctx.oidc.session.accountId,
      });
      grant.addOIDCScope('openid email profile');
      grant.addOIDCClaims(['email', 'email_verified', 'name']);
      await grant.save();
      return grant;
    },
  });
  provider.use(async (ctx, next) => {
    await next();
    const body = ctx.body as { id_token?: string } | undefined;
    if (ctx.path === '/token' && state.idToken && body?.id_token)
      body.id_token = await state.idToken(body.id_token);
  });
  const handle = provider.callback();
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    if (req.url?.startsWith('/interaction/')) {
      void provider.interactionFinished(
        req,
        res,
        { login: { accountId: state.next } },
        { mergeWithLastSubmission: false },
      );
      return;
    }
    handle(req, res);
  });

  // Signs `sub` in at the provider from the authorisation address Probity sent the browser to, and
  // gives back the address the provider sends the browser back to.
  async function signInAt(authorizationUrl: string, sub: string): Promise<URL> {
    state.next = sub;
    const cookies = new Map<string, string>();
    let url = new URL(authorizationUrl);
    for (let hop = 0; hop < 10; hop++) {
      const cookie = [...cookies].map(([name, value]) => `${name}=${value}`).join('; ');
      const response = await fetch(url, { redirect: 'manual', headers: cookie ? { cookie } : {} });
      for (const set of response.headers.getSetCookie()) {
        const [pair = ''] = set.split(';');
        const eq = pair.indexOf('=');
        cookies.set(pair.slice(0, eq), pair.slice(eq + 1));
      }
      const location = response.headers.get('location');
      if (!location) throw new Error(`The provider answered ${response.status}: ${await response.text()}`);
      url = new URL(location, url);
      if (url.origin !== issuer) return url;
    }
    throw new Error('The provider redirected too many times');
  }

  // An ID token signed with the provider's own key, with the claims given.
  const sign = (claims: Record<string, unknown>) =>
    new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: 'test-key' }).sign(privateKey);

  return {
    issuer,
    clientId,
    clientSecret,
    accounts,
    signInAt,
    // Who the provider's login step signs in next, for a browser that goes through it.
    signsInNext(sub: string) {
      state.next = sub;
    },
    sign,
    // Replaces the ID token the token endpoint returns (null: the real one).
    replaceIdToken(replace: ((token: string) => Promise<string>) | null) {
      state.idToken = replace;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type TestOidcProvider = Awaited<ReturnType<typeof startOidcProvider>>;

// The claims an ID token carries, read without checking it.
export function claimsOf(token: string): Record<string, unknown> {
  const [, payload = ''] = token.split('.');
  return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
}
