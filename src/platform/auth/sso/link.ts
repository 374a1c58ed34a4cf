import { type Kysely, sql } from 'kysely';
import { type Actor, appendAudit, recordAccess } from '../../audit/audit-trail.ts';
import type { Database } from '../../db/schema.ts';
import type { ProviderClaims } from './oidc.ts';
import type { CouncilProvider } from './providers.ts';

// Why the council's provider vouched for someone who may not sign in.
export type Refusal =
  | 'no-email'
  | 'unverified-email'
  | 'outside-domains'
  | 'unknown-email'
  | 'leaver'
  | 'linked-to-another-account';

export type ProviderSignIn =
  | { ok: true; councilId: string; personId: string }
  | { ok: false; reason: Refusal };

type Person = { id: string; name: string; active: boolean; deactivated_at: Date | null };
type Decision =
  | { ok: true; person: Person; link: boolean }
  | { ok: false; reason: Refusal; person?: Person | undefined };

// A person who has left (deactivated) cannot sign in, whatever the provider says.
const current = (person: Person) => person.active && person.deactivated_at === null;
const domainOf = (email: string) => email.slice(email.lastIndexOf('@') + 1);

// Signs a person in with what the council's provider says of them: by the provider's stable
// subject once linked; the first time, by a verified address in the council's allowed domains
// that belongs to someone already in that council (no one is created). One transaction records
// the link and the sign-in, or the refusal and its reason.
export function signInWithProvider(
  db: Kysely<Database>,
  provider: CouncilProvider,
  claims: ProviderClaims,
  now: Date,
  requestId: string,
): Promise<ProviderSignIn> {
  return db.transaction().execute(async (trx) => {
    const decision = await decide(trx, provider, claims);
    const actor: Actor = {
      councilId: provider.councilId,
      personId: decision.person?.id ?? null,
      label: decision.person?.name ?? `${provider.displayName} sign-in`,
      requestId,
    };
    const record = { recordType: 'person', recordId: decision.person?.id };
    const said = { issuer: claims.issuer, subject: claims.subject, email: claims.email };
    if (!decision.ok) {
      const after = { reason: decision.reason, ...said };
      await appendAudit(trx, actor, { action: 'person.single-sign-on-refused', ...record, after }, now);
      return { ok: false, reason: decision.reason };
    }
    if (decision.link) {
      await trx
        .insertInto('person_identity')
        .values({
          council_id: provider.councilId,
          issuer: claims.issuer,
          subject: claims.subject,
          person_id: decision.person.id,
          linked_at: now,
        })
        .execute();
      await appendAudit(trx, actor, { action: 'person.identity-linked', ...record, after: said }, now);
    }
    const after = { via: 'single-sign-on', issuer: claims.issuer };
    await appendAudit(trx, actor, { action: 'person.signed-in', ...record, after }, now);
    return { ok: true, councilId: provider.councilId, personId: decision.person.id };
  });
}

async function decide(
  trx: Kysely<Database>,
  provider: CouncilProvider,
  claims: ProviderClaims,
): Promise<Decision> {
  const linked = await trx
    .selectFrom('person_identity as i')
    .innerJoin('person as p', (join) =>
      join.onRef('p.council_id', '=', 'i.council_id').onRef('p.id', '=', 'i.person_id'),
    )
    .select(['p.id', 'p.name', 'p.active', 'p.deactivated_at'])
    .where('i.council_id', '=', provider.councilId)
    .where('i.issuer', '=', claims.issuer)
    .where('i.subject', '=', claims.subject)
    .executeTakeFirst();
  if (linked) return current(linked) ? { ok: true, person: linked, link: false } : refuse('leaver', linked);
  if (!claims.email) return refuse('no-email');
  if (!claims.emailVerified) return refuse('unverified-email');
  if (!provider.allowedDomains.includes(domainOf(claims.email))) return refuse('outside-domains');
  return byAddress(trx, provider, claims);
}

// The first sign-in: the council's person with the address, locked so that two first sign-ins
// at once link one account.
async function byAddress(
  trx: Kysely<Database>,
  provider: CouncilProvider,
  claims: ProviderClaims,
): Promise<Decision> {
  const person = await trx
    .selectFrom('person')
    .select(['id', 'name', 'active', 'deactivated_at'])
    .where('council_id', '=', provider.councilId)
    .where(sql<string>`lower(email)`, '=', claims.email)
    .forUpdate()
    .executeTakeFirst();
  if (!person) return refuse('unknown-email');
  if (!current(person)) return refuse('leaver', person);
  const other = await trx
    .selectFrom('person_identity')
    .select('subject')
    .where('council_id', '=', provider.councilId)
    .where('person_id', '=', person.id)
    .where('issuer', '=', claims.issuer)
    .executeTakeFirst();
  // The same account linked a moment ago, by a second sign-in that waited on this person's row, is
  // the person's own: signed in without linking again.
  if (other?.subject === claims.subject) return { ok: true, person, link: false };
  return other ? refuse('linked-to-another-account', person) : { ok: true, person, link: true };
}

const refuse = (reason: Refusal, person?: Person): Decision => ({ ok: false, reason, person });

// What the refusal page says for each reason.
export const refusalMessages: Record<Refusal, string> = {
  'no-email': 'Your account at your council’s sign-in service did not give an email address.',
  'unverified-email':
    'Your council’s sign-in service has not verified your email address, so Probity cannot tell whose account it is.',
  'outside-domains': 'Your email address is not one your council lets sign in to Probity.',
  'unknown-email':
    'There is no Probity account with your email address at this council. Ask your system administrator to add you.',
  leaver:
    'Your Probity account is no longer active. Ask your system administrator if you think this is wrong.',
  'linked-to-another-account':
    'Your Probity account is already linked to a different account at your council’s sign-in service.',
};

// A callback that could not be trusted, or a provider that could not be used, recorded for the council.
export async function recordFailure(
  db: Kysely<Database>,
  provider: CouncilProvider,
  reason: string,
  now: Date,
  requestId: string,
): Promise<void> {
  const actor: Actor = {
    councilId: provider.councilId,
    personId: null,
    label: `${provider.displayName} sign-in`,
    requestId,
  };
  const failed = {
    action: 'person.single-sign-on-failed',
    recordType: 'sign_in_provider',
    after: { reason },
  };
  await recordAccess(db, actor, failed, now);
}
