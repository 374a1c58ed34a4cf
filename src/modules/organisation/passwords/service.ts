import type { Kysely } from 'kysely';
import { appendAudit } from '../../../platform/audit/audit-trail.ts';
import { hashPassword, loadCommonPasswords, verifyPassword } from '../../../platform/auth/passwords.ts';
import { endSessionsOf } from '../../../platform/auth/sessions.ts';
import { providerOf } from '../../../platform/auth/sso/providers.ts';
import type { Database } from '../../../platform/db/schema.ts';
import { Forbidden, InvalidInput, NotFound } from '../../../platform/errors.ts';
import { findCouncil } from '../councils/repository.ts';
import {
  createOneTimeLink,
  findLiveLink,
  type LinkPurpose,
  linksSentSince,
  markUsed,
} from '../invitations/repository.ts';
import type { OrganisationDeps } from '../module-deps.ts';
import { setPasswordHash } from '../people/repository.ts';
import { passwordChangedEmail, resetEmail } from './emails.ts';
import { accountByEmail, type PasswordHolder, passwordHolder } from './repository.ts';
import { maySendResetLink, newPasswordErrors } from './rules.ts';

export const expiredLink = 'This link has expired or has already been used';
type NewPassword = { password: string; confirmation: string };
type Signed = { councilId: string; personId: string; sessionId: string | undefined };
type Change = {
  holder: PasswordHolder;
  passwordHash: string;
  action: string;
  // The session to keep (the person's own, when they change it signed in); none ends them all.
  keepSession?: string;
  // Whether the person is told by email that their password changed.
  notify: boolean;
  requestId: string;
};

// The new password, the sessions ended, the audit event and the notice, in one transaction.
async function storePassword(deps: OrganisationDeps, trx: Kysely<Database>, change: Change, now: Date) {
  const { holder } = change;
  const actor = { councilId: holder.councilId, personId: holder.personId, label: holder.name };
  await setPasswordHash(trx, holder.councilId, holder.personId, change.passwordHash);
  await endSessionsOf(trx, holder.councilId, holder.personId, change.keepSession);
  await appendAudit(
    trx,
    { ...actor, requestId: change.requestId },
    { action: change.action, recordType: 'person', recordId: holder.personId },
    now,
  );
  if (!change.notify) return;
  const { name: councilName } = await findCouncil(trx, holder.councilId);
  const signInUrl = `${deps.baseUrl}/sign-in`;
  await deps.outbox.enqueue(
    trx,
    holder.councilId,
    passwordChangedEmail({ to: holder.email, name: holder.name, councilName, at: now, signInUrl }),
  );
}

async function refuseBadPassword(typed: NewPassword & { current?: string }, holder: PasswordHolder) {
  const errors = newPasswordErrors(typed, holder, await loadCommonPasswords());
  if (errors.length) throw new InvalidInput(errors);
}

// A signed-in person changes their password: they give the current one, and every other session
// of theirs ends.
export async function changePassword(
  deps: OrganisationDeps,
  who: Signed,
  typed: NewPassword & { current: string },
  requestId: string,
) {
  // An API token cannot change a password: only the person, in the browser, can.
  if (!who.sessionId) throw new Forbidden('Change your password in the browser, signed in');
  const holder = await passwordHolder(deps.db, who.councilId, who.personId);
  if (!holder) throw new NotFound('Page not found');
  const valid = holder.passwordHash ? await verifyPassword(holder.passwordHash, typed.current) : false;
  if (!valid) throw new InvalidInput([{ key: 'current', message: 'Your current password is not correct' }]);
  await refuseBadPassword(typed, holder);
  const passwordHash = await hashPassword(typed.password);
  const now = deps.clock.now();
  const change = { holder, passwordHash, action: 'person.password-changed', notify: true, requestId };
  await deps.db
    .transaction()
    .execute((trx) => storePassword(deps, trx, { ...change, keepSession: who.sessionId }, now));
}

// Emails a reset link to the account with this address, if there is one and it has not been sent
// too many lately. The caller answers the same whatever happens here.
export async function requestReset(deps: OrganisationDeps, email: string, requestId: string) {
  const holder = await accountByEmail(deps.db, email);
  if (!holder) return;
  // A council whose staff sign in only with its identity provider has no passwords to reset.
  if ((await providerOf(deps.db, holder.councilId))?.passwordSignIn === false) return;
  const now = deps.clock.now();
  const link = { councilId: holder.councilId, personId: holder.personId, purpose: 'reset-password' as const };
  const lastHour = new Date(now.getTime() - 60 * 60 * 1000);
  if (!maySendResetLink(await linksSentSince(deps.db, link, lastHour))) return;
  await deps.db.transaction().execute(async (trx) => {
    const { link: url, expiresAt } = await createOneTimeLink(trx, link, now, deps.baseUrl);
    const actor = { councilId: holder.councilId, personId: null, label: 'Password reset form', requestId };
    const entry = { action: 'person.password-reset-sent', recordType: 'person', recordId: holder.personId };
    await appendAudit(trx, actor, { ...entry, after: { expiresAt } }, now);
    const { name: councilName } = await findCouncil(trx, holder.councilId);
    await deps.outbox.enqueue(
      trx,
      holder.councilId,
      resetEmail({ to: holder.email, name: holder.name, councilName, link: url, expiresAt }),
    );
  });
}

const audited: Record<LinkPurpose, { action: string; notify: boolean }> = {
  'set-password': { action: 'person.password-set', notify: false },
  'reset-password': { action: 'person.password-reset', notify: true },
};

// Sets the password of the person a live link is for; the link then stops working, and all their
// sessions end.
export async function setPasswordByLink(
  deps: OrganisationDeps,
  link: { credential: string; purpose: LinkPurpose },
  typed: NewPassword,
  requestId: string,
) {
  const now = deps.clock.now();
  const live = await findLiveLink(deps.db, link.credential, link.purpose, now);
  if (!live) throw new NotFound(expiredLink);
  const holder = { ...live, passwordHash: null };
  await refuseBadPassword(typed, holder);
  const passwordHash = await hashPassword(typed.password);
  await deps.db.transaction().execute(async (trx) => {
    // Two posts of one link at once: only the first sets the password.
    if (!(await markUsed(trx, live, now))) throw new NotFound(expiredLink);
    await storePassword(deps, trx, { holder, passwordHash, requestId, ...audited[link.purpose] }, now);
  });
}

export function passwordsService(deps: OrganisationDeps) {
  return {
    changePassword: (who: Signed, typed: NewPassword & { current: string }, requestId: string) =>
      changePassword(deps, who, typed, requestId),
    requestPasswordReset: (email: string, requestId: string) => requestReset(deps, email, requestId),
    passwordResetLink: (credential: string) =>
      findLiveLink(deps.db, credential, 'reset-password', deps.clock.now()),
    resetPassword: (credential: string, typed: NewPassword, requestId: string) =>
      setPasswordByLink(deps, { credential, purpose: 'reset-password' }, typed, requestId),
  };
}
