import { type Actor, appendAudit } from '../../../platform/audit/audit-trail.ts';
import { checkNewPassword } from '../../../platform/auth/password-policy.ts';
import { hashPassword, loadCommonPasswords } from '../../../platform/auth/passwords.ts';
import { endSessionsOf } from '../../../platform/auth/sessions.ts';
import { InvalidInput, NotFound } from '../../../platform/errors.ts';
import type { OrganisationDeps } from '../module-deps.ts';
import { setPasswordHash } from '../people/repository.ts';
import { existingPerson } from '../people/service.ts';
import { invitationEmail } from './emails.ts';
import { createInvitation, findLiveInvitation, markUsed } from './repository.ts';

// Emails a person a link to set their password; a new link cancels the ones before it.
export async function invite(deps: OrganisationDeps, actor: Actor, id: string, councilName: string) {
  const person = await existingPerson(deps, actor.councilId, id);
  if (!person.active)
    throw new InvalidInput([{ key: 'form', message: 'Reactivate this person before inviting them' }]);
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    const { link, expiresAt } = await createInvitation(trx, actor.councilId, id, now, deps.baseUrl);
    await appendAudit(
      trx,
      actor,
      { action: 'person.invited', recordType: 'person', recordId: id, after: { expiresAt } },
      now,
    );
    await deps.outbox.enqueue(
      trx,
      actor.councilId,
      invitationEmail({ to: person.email, name: person.name, councilName, link, expiresAt }),
    );
  });
}

// Sets the password of the person a live invitation is for; the link then stops working.
export async function acceptInvitation(
  { db, clock }: OrganisationDeps,
  credential: string,
  password: string,
  confirmation: string,
  requestId: string,
) {
  const now = clock.now();
  const invitation = await findLiveInvitation(db, credential, now);
  if (!invitation) throw new NotFound('This link has expired or has already been used');
  const verdict = checkNewPassword(password, invitation, await loadCommonPasswords());
  if (!verdict.ok) throw new InvalidInput([{ key: 'password', message: verdict.message }]);
  if (password !== confirmation)
    throw new InvalidInput([{ key: 'confirmation', message: 'Passwords do not match' }]);
  const passwordHash = await hashPassword(password);
  const { councilId, personId } = invitation;
  const actor = { councilId, personId, label: invitation.name, requestId };
  await db.transaction().execute(async (trx) => {
    await markUsed(trx, invitation, now);
    await setPasswordHash(trx, councilId, personId, passwordHash);
    await endSessionsOf(trx, councilId, personId);
    await appendAudit(
      trx,
      actor,
      { action: 'person.password-set', recordType: 'person', recordId: personId },
      now,
    );
  });
}

export function invitationsService(deps: OrganisationDeps) {
  return {
    invite: (actor: Actor, id: string, councilName: string) => invite(deps, actor, id, councilName),
    invitation: (credential: string) => findLiveInvitation(deps.db, credential, deps.clock.now()),
    acceptInvitation: (credential: string, password: string, confirmation: string, requestId: string) =>
      acceptInvitation(deps, credential, password, confirmation, requestId),
  };
}
