import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createCouncil } from '../../src/modules/organisation/councils/set-up.ts';
import {
  type ProviderSettings,
  saveProvider,
  secretVariableName,
} from '../../src/platform/auth/sso/providers.ts';
import type { TestApp } from './app.ts';
import type { TestOidcProvider } from './oidc-provider.ts';

type Client = ReturnType<TestApp['client']>;

export const callbackFor = (slug: string) => `http://probity.test/sign-in/sso/${slug}/callback`;

// The client secret in a file of its own, in the folder the server keeps for the council's
// secrets (PROBITY_OIDC_SECRETS_DIR/<council>), as a council's server would hold it.
export function secretFile(folder: string, slug: string, secret: string): string {
  mkdirSync(join(folder, slug), { recursive: true });
  const file = join(folder, slug, `client-secret-${randomUUID()}`);
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return file;
}

// The client secret in the council's own environment variable (PROBITY_OIDC_SECRET_<COUNCIL>).
export function secretVariable(slug: string, secret: string): string {
  const name = secretVariableName(slug);
  process.env[name] = secret;
  return name;
}

export function settingsFor(
  idp: TestOidcProvider,
  slug: string,
  overrides: Partial<ProviderSettings> = {},
): ProviderSettings {
  return {
    displayName: 'Test Identity',
    issuer: idp.issuer,
    clientId: idp.clientId,
    secretSource: 'env',
    secretRef: secretVariable(slug, idp.clientSecret),
    allowedDomains: ['demo.probity.test'],
    passwordSignIn: true,
    ...overrides,
  };
}

export function configureProvider(t: TestApp, councilId: string, settings: ProviderSettings) {
  return saveProvider(t.db, { councilId, personId: null, label: 'test set-up' }, settings, t.clock.now());
}

export async function addCouncil(t: TestApp, name: string, slug: string): Promise<string> {
  const { councilId } = await t.db.transaction().execute((trx) =>
    createCouncil(
      trx,
      {
        name,
        slug,
        division: 'england-and-wales',
        directorates: [{ name: `${name} Resources`, services: [`${name} Waste`] }],
      },
      t.clock.now(),
    ),
  );
  return councilId;
}

// Starts signing in with the council's provider, signs `sub` in there, and brings the browser back
// to Probity's callback, changing the provider's address first if asked (to tamper with it).
export async function signInWithProvider(
  browser: Client,
  slug: string,
  idp: TestOidcProvider,
  sub: string,
  tamper: (authorization: URL) => URL = (url) => url,
) {
  const start = await browser.get(`/sign-in/sso/${slug}`);
  if (start.statusCode !== 303) throw new Error(`Starting sign-in answered ${start.statusCode}`);
  const back = await idp.signInAt(tamper(new URL(String(start.headers.location))).href, sub);
  return browser.get(back.pathname + back.search);
}
