import type { Kysely } from 'kysely';
import { actorFor, appendAudit } from '../../../platform/audit/audit-trail.ts';
import type { Principal } from '../../../platform/auth/principal.ts';
import type { Database } from '../../../platform/db/schema.ts';
import { Forbidden, InvalidInput, NotFound } from '../../../platform/errors.ts';
import type { EmailMessage } from '../../../platform/notify/mailer.ts';
import { emitWebhook } from '../../../platform/webhooks/emit.ts';
import type { ModuleDeps } from '../../organisation/service.ts';
import { can, type DeclarationAction } from '../policy.ts';
import * as repo from './repository.ts';
import type { Party } from './rules.ts';
import { registerViewer } from './viewer.ts';

// A declaration as its use cases read and save it: only as the policy allows, each change a new
// version with its audit event.

// Every new or changed declaration waits for its reviewer.
export const awaitingReview = {
  reviewState: 'awaiting-review',
  outcome: null,
  managementAction: '',
  referredTo: null,
  nextReviewOn: null,
  reviewedBy: null,
  reviewedByName: null,
  reviewedAt: null,
} as const;

// Why a declaration the viewer sees is refused them for an action.
const refusals: Record<DeclarationAction, string> = {
  see: 'You cannot see this declaration',
  review: 'Only the person asked to review this declaration can review it',
  change: 'Only the person who made a current declaration can change it',
  end: 'Only the person who made a declaration can end it',
};

// A declaration the viewer may see; with an action, one they may also do that to.
export async function visible(
  { db, organisation }: ModuleDeps,
  principal: Principal,
  id: string,
  action?: DeclarationAction,
) {
  const declaration = await repo.findDeclaration(db, principal.councilId, id);
  if (!declaration) throw new NotFound('No such declaration');
  const viewer = await registerViewer(organisation, principal);
  if (!can(viewer, 'see', declaration)) throw new Forbidden(refusals.see);
  if (action && !can(viewer, action, declaration)) throw new Forbidden(refusals[action]);
  return declaration;
}

type Change = {
  reason: string;
  action: string;
  before: repo.Declaration;
  requestId?: string | undefined;
  // Sent only if the change is saved.
  emails?: readonly EmailMessage[];
  // The change puts the declaration to its reviewer again.
  needsReview?: boolean;
};

// The event other systems hear when a declaration waits for its reviewer: references only.
export function reviewNeeded(
  trx: Kysely<Database>,
  councilId: string,
  declaration: repo.Declaration,
  at: Date,
) {
  const { id: declarationId, reference, kind, personId, reviewerId } = declaration;
  const data = { declarationId, reference, kind, personId, reviewerId };
  return emitWebhook(trx, councilId, { type: 'declaration.review-needed', data }, at);
}

// Saves a changed declaration as its next version, with its audit event and emails.
export async function saveChange(
  { db, outbox }: ModuleDeps,
  principal: Principal,
  changed: repo.Declaration,
  change: Change,
  parties?: readonly Party[],
) {
  const now = changed.updatedAt;
  await db.transaction().execute(async (trx) => {
    const by = { reason: change.reason, byId: principal.personId, byName: principal.name, at: now };
    if (!(await repo.saveDeclaration(trx, principal.councilId, changed, by, parties)))
      throw new InvalidInput([
        { key: 'form', message: 'Someone else changed this declaration: reload it and try again' },
      ]);
    await appendAudit(
      trx,
      actorFor(principal, change.requestId),
      {
        action: change.action,
        recordType: 'declaration',
        recordId: changed.id,
        before: change.before,
        after: changed,
      },
      now,
    );
    await outbox.enqueue(trx, principal.councilId, ...(change.emails ?? []));
    if (change.needsReview) await reviewNeeded(trx, principal.councilId, changed, now);
  });
}
