import type { Kysely } from 'kysely';
import { type Actor, actorFor, appendAudit } from '../../../platform/audit/audit-trail.ts';
import type { Principal } from '../../../platform/auth/principal.ts';
import type { Database } from '../../../platform/db/schema.ts';
import { InvalidInput, NotFound } from '../../../platform/errors.ts';
import type { ModuleDeps } from '../../organisation/service.ts';
import { type LetterAbout, sendConductLetter } from '../letters/sending.ts';
import type { ConductLetterKind } from '../letters/wording.ts';
import { type ConductAction, can } from '../policy.ts';
import * as repo from './repository.ts';
import { allows, type Move, type SubjectNoticePoint, tellsSubjectAt } from './rules.ts';

/** The complaint, if the person may read it. */
export async function readable(deps: Pick<ModuleDeps, 'db'>, principal: Principal, id: string) {
  const complaint = await repo.findComplaint(deps.db, principal.councilId, id);
  if (!complaint || !can(principal, 'read', complaint)) throw new NotFound('No such complaint');
  return complaint;
}

export const refused = (message: string, key = 'form') => new InvalidInput([{ key, message }]);

// What a move does to a complaint it may be made on: the columns it changes, what the audit
// event records, and the letters it sends (to the complainant, and the councillor's notice).
export type MoveResult = {
  change: repo.ComplaintChange;
  after: Record<string, unknown>;
  letter?: { kind: ConductLetterKind; outcome: string; reasons: string };
  notice?: { point: SubjectNoticePoint; outcome: string; reasons?: string };
  // Work the move does after the complaint's row is changed, in the same transaction.
  andThen?: (trx: Kysely<Database>) => Promise<void>;
};

export type MoveSpec = {
  move: Move;
  action: string;
  need: ConductAction;
  version: number;
  make: (complaint: repo.ConductComplaint, trx: Kysely<Database>, at: Date) => Promise<MoveResult>;
};

const aboutOf = (complaint: repo.ConductComplaint): LetterAbout => ({
  councilId: complaint.councilId,
  complaintId: complaint.id,
  reference: complaint.reference,
  councillor: complaint.councillorName,
  receivedOn: complaint.receivedOn,
});

/** One move on a complaint, in one transaction with its audit event and letters: allowed only to
 * whom the policy lets, from the state the rules allow, and made only on the version the person
 * read, so that of two people at once one makes it and the other is told it changed. */
export async function makeMove(
  deps: ModuleDeps,
  principal: Principal,
  id: string,
  spec: MoveSpec,
  requestId?: string,
) {
  const { db, clock, outbox, organisation } = deps;
  const at = clock.now();
  const actor: Actor = actorFor(principal, requestId);
  const policy = await organisation.policy(principal.councilId);
  await db.transaction().execute(async (trx) => {
    const complaint = await repo.findComplaint(trx, principal.councilId, id);
    if (!complaint || !can(principal, 'read', complaint)) throw new NotFound('No such complaint');
    if (!can(principal, spec.need, complaint)) throw refused('You cannot do this on this complaint');
    if (complaint.version !== spec.version || !allows(complaint.state, spec.move))
      throw refused('Someone changed this complaint after you opened it: check it again');
    const result = await spec.make(complaint, trx, at);
    const read = { state: complaint.state, version: complaint.version };
    if (!(await repo.changeIfUnchanged(trx, complaint, read, result.change)))
      throw refused('Someone else changed this complaint at the same time: check it again');
    await result.andThen?.(trx);
    await appendAudit(
      trx,
      actor,
      {
        action: spec.action,
        recordType: 'conduct-complaint',
        recordId: id,
        before: read,
        after: result.after,
      },
      at,
    );
    const about = aboutOf(complaint);
    if (result.letter)
      await sendConductLetter(
        trx,
        outbox,
        about,
        { name: complaint.complainantName, email: complaint.complainantEmail, ...result.letter },
        at,
      );
    const { notice } = result;
    if (
      notice &&
      complaint.councillorEmail &&
      tellsSubjectAt(policy.conductSubjectNoticePoints, notice.point)
    )
      await sendConductLetter(
        trx,
        outbox,
        about,
        {
          name: complaint.councillorName,
          email: complaint.councillorEmail,
          kind: 'subject-notice',
          ...notice,
        },
        at,
      );
  });
}
