import { type Actor, appendAudit } from '../../../platform/audit/audit-trail.ts';
import { InvalidInput } from '../../../platform/errors.ts';
import type { OrganisationDeps } from '../module-deps.ts';
import { setPasswordByLink } from '../passwords/service.ts';
import { existingPerson } from '../people/service.ts';
import { invitationEmail } from './emails.ts';
import { createInvitation, findLiveInvitation } from './repository.ts';

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

export function invitationsService(deps: OrganisationDeps) {
  return {
    invite: (actor: Actor, id: string, councilName: string) => invite(deps, actor, id, councilName),
    invitation: (credential: string) => findLiveInvitation(deps.db, credential, deps.clock.now()),
    // Sets the password of the person a live invitation is for; the link then stops working.
    acceptInvitation: (credential: string, password: string, confirmation: string, requestId: string) =>
      setPasswordByLink(deps, { credential, purpose: 'set-password' }, { password, confirmation }, requestId),
  };
}
