import { readFile, realpath } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { Kysely } from 'kysely';
import { type Actor, appendAudit } from '../../audit/audit-trail.ts';
import type { Database } from '../../db/schema.ts';
import type { SignInProviderTable } from '../tables.ts';

// A council's OpenID Connect provider, as its system administrator set it up. The client secret
// itself is never stored: the settings name the environment variable or the file that holds it.
export type ProviderSettings = {
  displayName: string;
  issuer: string;
  clientId: string;
  secretSource: 'env' | 'file';
  secretRef: string;
  allowedDomains: string[];
  passwordSignIn: boolean;
};

export type CouncilProvider = ProviderSettings & { councilId: string; slug: string; councilName: string };

const toSettings = (row: SignInProviderTable): ProviderSettings => ({
  displayName: row.display_name,
  issuer: row.issuer,
  clientId: row.client_id,
  secretSource: row.secret_source,
  secretRef: row.secret_ref,
  allowedDomains: row.allowed_domains.split(' ').filter(Boolean),
  passwordSignIn: row.password_sign_in,
});

function withCouncil() {
  return (db: Kysely<Database>) =>
    db
      .selectFrom('sign_in_provider as p')
      .innerJoin('council as c', 'c.council_id', 'p.council_id')
      .selectAll('p')
      .select(['c.slug', 'c.name as council_name']);
}

type JoinedRow = SignInProviderTable & { slug: string; council_name: string };
const toCouncilProvider = (row: JoinedRow): CouncilProvider => ({
  ...toSettings(row),
  councilId: row.council_id,
  slug: row.slug,
  councilName: row.council_name,
});

export async function providerBySlug(db: Kysely<Database>, slug: string): Promise<CouncilProvider | null> {
  const row = await withCouncil()(db).where('c.slug', '=', slug).executeTakeFirst();
  return row ? toCouncilProvider(row) : null;
}

export async function providerOf(db: Kysely<Database>, councilId: string): Promise<CouncilProvider | null> {
  const row = await withCouncil()(db).where('p.council_id', '=', councilId).executeTakeFirst();
  return row ? toCouncilProvider(row) : null;
}

// Every council that signs in with its provider, for the buttons on the sign-in page.
export async function allProviders(db: Kysely<Database>): Promise<CouncilProvider[]> {
  const rows = await withCouncil()(db).orderBy('c.name').execute();
  return rows.map(toCouncilProvider);
}

// Saves the council's provider in one transaction with its audit event (the secret's source and
// name are recorded; the secret never passes through here).
export async function saveProvider(
  db: Kysely<Database>,
  actor: Actor,
  settings: ProviderSettings,
  now: Date,
): Promise<void> {
  const row = {
    display_name: settings.displayName,
    issuer: settings.issuer,
    client_id: settings.clientId,
    secret_source: settings.secretSource,
    secret_ref: settings.secretRef,
    allowed_domains: settings.allowedDomains.join(' '),
    password_sign_in: settings.passwordSignIn,
    updated_at: now,
  };
  await db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom('sign_in_provider')
      .selectAll()
      .where('council_id', '=', actor.councilId)
      .forUpdate()
      .executeTakeFirst();
    await trx
      .insertInto('sign_in_provider')
      .values({ council_id: actor.councilId, ...row })
      .onConflict((conflict) => conflict.column('council_id').doUpdateSet(row))
      .execute();
    const audit = { action: 'sign-in-provider.saved', recordType: 'sign_in_provider' };
    await appendAudit(trx, actor, { ...audit, before: before && toSettings(before), after: settings }, now);
  });
}

// Removing the provider turns password sign-in back on for the council.
export async function removeProvider(db: Kysely<Database>, actor: Actor, now: Date): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const removed = await trx
      .deleteFrom('sign_in_provider')
      .where('council_id', '=', actor.councilId)
      .returningAll()
      .executeTakeFirst();
    if (!removed) return;
    const audit = { action: 'sign-in-provider.removed', recordType: 'sign_in_provider' };
    await appendAudit(trx, actor, { ...audit, before: toSettings(removed) }, now);
  });
}

export class SecretUnavailable extends Error {}

// A council's client secret is read only from the places the server's operator keeps for that
// council: the environment variable named PROBITY_OIDC_SECRET_<COUNCIL>, exactly (a suffix would
// let council `second` name PROBITY_OIDC_SECRET_SECOND_2, council `second-2`'s), or a file in the
// folder <PROBITY_OIDC_SECRETS_DIR>/<council>, where a change of secret goes under a new name. So
// one council's administrator can name neither another council's secret nor any other variable or
// file on the server for Probity to send to a provider of their choosing.
export const secretVariableName = (slug: string) =>
  `PROBITY_OIDC_SECRET_${slug.toUpperCase().replace(/[^A-Z0-9]/g, '_')}`;

// The council's folder of secret files, as configured and with its links followed.
async function secretFileFolder(slug: string, env: Record<string, string | undefined>) {
  const folders = env.PROBITY_OIDC_SECRETS_DIR;
  if (!folders)
    throw new SecretUnavailable('the server keeps no secret files (PROBITY_OIDC_SECRETS_DIR is not set)');
  const written = resolve(folders, slug);
  const real = await realpath(written).catch(() => {
    throw new SecretUnavailable(`the server keeps no secret files for this council (${written})`);
  });
  return { written, real };
}

// The client secret, read when it is needed from where the settings say it is.
export async function clientSecret(
  settings: Pick<ProviderSettings, 'secretSource' | 'secretRef'>,
  slug: string,
  env: Record<string, string | undefined>,
): Promise<string> {
  if (settings.secretSource === 'env') {
    const name = secretVariableName(slug);
    if (settings.secretRef !== name) throw new SecretUnavailable(`the variable’s name must be ${name}`);
    const value = env[settings.secretRef];
    if (!value) throw new SecretUnavailable(`environment variable ${settings.secretRef} is not set`);
    return value;
  }
  const folder = await secretFileFolder(slug, env);
  // In the council's folder as written and, links followed, as it is.
  const outside = new SecretUnavailable(`the file must be in ${folder.written}`);
  if (dirname(resolve(settings.secretRef)) !== folder.written) throw outside;
  const file = await realpath(settings.secretRef).catch(() => '');
  if (file && dirname(file) !== folder.real) throw outside;
  const value = file ? await readFile(file, 'utf8').catch(() => '') : '';
  if (!value.trim()) throw new SecretUnavailable(`file ${settings.secretRef} is missing or empty`);
  return value.trim();
}

export async function councilSlug(db: Kysely<Database>, councilId: string): Promise<string> {
  const council = await db
    .selectFrom('council')
    .select('slug')
    .where('council_id', '=', councilId)
    .executeTakeFirstOrThrow();
  return council.slug;
}
