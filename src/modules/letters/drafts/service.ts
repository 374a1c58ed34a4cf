import type { Kysely } from 'kysely';
import { type Actor, actorFor, appendAudit } from '../../../platform/audit/audit-trail.ts';
import type { Principal } from '../../../platform/auth/principal.ts';
import type { Database } from '../../../platform/db/schema.ts';
import { InvalidInput, NotFound } from '../../../platform/errors.ts';
import { councilName, type ModuleDeps } from '../../organisation/service.ts';
import { complaintFacts } from '../complaint-facts.ts';
import { can, mayApproveLetters } from '../policy.ts';
import * as reading from '../reading.ts';
import * as repo from '../repository.ts';
import { dispatch } from '../sending.ts';
import type { LetterKind } from '../templates/kinds.ts';
import { editProblems, type LetterMove, type MoveFacts, moveRefusal, movesOpen, plainText } from './rules.ts';

// A letter not yet sent: read as it will go, changed, sent, or sent for approval and approved or
// returned (drafts/rules.ts). Each move is one transaction with its audit event; sending puts the
// email with its PDF in the outbox in the same transaction.

const refused = (message: string, key = 'form') => new InvalidInput([{ key, message }]);

async function approvalRequired({ organisation }: ModuleDeps, councilId: string, kind: LetterKind) {
  return (await organisation.policy(councilId)).lettersNeedingApproval.includes(kind);
}

function factsFor(principal: Principal, letter: repo.StoredLetter, required: boolean): MoveFacts {
  const { personId } = principal;
  return {
    state: letter.state,
    approvalRequired: required,
    mayApprove: can(principal, 'approve', letter),
    hadAHand: [letter.writtenBy, letter.editedBy, letter.submittedBy].includes(personId),
  };
}

/** A letter for its page with what the person may do with it; null if they may not read it. */
export async function letterPage(deps: ModuleDeps, principal: Principal, id: string, requestId?: string) {
  const letter = await reading.letterFor(deps, principal, id, requestId);
  if (!letter) return null;
  const required =
    letter.state !== 'sent' && (await approvalRequired(deps, principal.councilId, letter.kind));
  const moves: LetterMove[] = can(principal, 'change', letter)
    ? movesOpen(factsFor(principal, letter, required))
    : [];
  return { letter, moves, approvalRequired: required };
}

type Move = {
  move: LetterMove;
  // The letter's version on the page the person acted from.
  version: number;
  // The audit event's action, and what it records beside the state.
  action: string;
  change: (letter: repo.StoredLetter, at: Date) => repo.LetterChange;
  recorded?: Record<string, unknown>;
};

async function complaintReference(trx: Kysely<Database>, letter: repo.StoredLetter) {
  if (!letter.complaintId) return null;
  return (await complaintFacts().about(trx, letter.councilId, letter.complaintId))?.reference ?? null;
}

// A letter just sent: its own event (after the approval that sent it, if one did), then out.
async function sendInTransaction(
  deps: ModuleDeps,
  trx: Kysely<Database>,
  letter: repo.StoredLetter,
  { at, actor, audited }: { at: Date; actor: Actor; audited: boolean },
) {
  if (!audited)
    await appendAudit(
      trx,
      actor,
      { action: 'letter.sent', recordType: 'letter', recordId: letter.id, after: sentFacts(letter) },
      at,
    );
  await dispatch(deps, trx, letter, {
    council: await councilName(trx, letter.councilId),
    complaintReference: await complaintReference(trx, letter),
    at,
    actor,
  });
}

const sentFacts = (letter: repo.StoredLetter) => ({
  kind: letter.kind,
  subject: letter.subject,
  emailed: letter.emailed,
  sentBy: letter.sentBy,
  approvedBy: letter.approvedBy,
});

// One move on a letter: refused unless the rules allow it and the letter is as the person read
// it; made only if no one else changed it first, so two people sending or approving it at once
// send one letter.
async function moveLetter(
  deps: ModuleDeps,
  principal: Principal,
  id: string,
  move: Move,
  requestId?: string,
) {
  const { councilId } = principal;
  const found = /^[0-9a-f-]{36}$/i.test(id) ? await repo.findLetter(deps.db, councilId, id) : null;
  if (!found || !can(principal, 'read', found)) throw new NotFound('No such letter');
  const required = await approvalRequired(deps, councilId, found.kind);
  const at = deps.clock.now();
  const actor = actorFor(principal, requestId);
  return deps.db.transaction().execute(async (trx) => {
    const letter = (await repo.findLetter(trx, councilId, id)) ?? found;
    const refusal = moveRefusal(move.move, factsFor(principal, letter, required));
    if (refusal) throw refused(refusal);
    if (letter.version !== move.version)
      throw refused('Someone changed this letter after you opened it: check it again');
    const changed = await repo.changeLetter(trx, letter, move.change(letter, at));
    if (!changed) throw refused('Someone else changed or sent this letter at the same time: check it again');
    await appendAudit(
      trx,
      actor,
      {
        action: move.action,
        recordType: 'letter',
        recordId: id,
        before: { state: letter.state, version: letter.version },
        after: {
          state: changed.state,
          version: changed.version,
          ...move.recorded,
          ...(move.action === 'letter.sent' ? sentFacts(changed) : {}),
        },
      },
      at,
    );
    if (changed.state === 'sent')
      await sendInTransaction(deps, trx, changed, { at, actor, audited: move.action === 'letter.sent' });
    return changed;
  });
}

/** New words for a letter not yet sent: checked (drafts/rules.ts editProblems), then saved. */
export async function editLetter(
  deps: ModuleDeps,
  principal: Principal,
  id: string,
  form: { version: number; subject: string; body: string },
  requestId?: string,
) {
  const found = /^[0-9a-f-]{36}$/i.test(id) ? await repo.findLetter(deps.db, principal.councilId, id) : null;
  if (!found || !can(principal, 'read', found)) throw new NotFound('No such letter');
  const edited = { subject: form.subject.trim(), body: plainText(form.body) };
  const problems = editProblems(found.kind, edited, found.kept);
  if (problems.length)
    throw new InvalidInput(problems.map((problem) => ({ key: problem.field, message: problem.message })));
  if (edited.subject === found.subject && edited.body === found.body && found.state === 'draft') return found;
  return moveLetter(
    deps,
    principal,
    id,
    {
      move: 'edit',
      version: form.version,
      action: 'letter.edited',
      change: (_letter, at) => ({ ...edited, editedBy: principal.personId, editedAt: at }),
      // Not the words: the letter holds them, and retention removes them from it.
      recorded: { subjectChanged: edited.subject !== found.subject, bodyChanged: edited.body !== found.body },
    },
    requestId,
  );
}

// The moves that take nothing but the version read: sending it; sending it for approval;
// approving it, which sends it, from whoever sent it for approval.
const plainMoves = {
  send: (by: string): Omit<Move, 'version'> => ({
    move: 'send',
    action: 'letter.sent',
    change: (_letter, at) => ({ state: 'sent', sentBy: by, sentAt: at }),
  }),
  submit: (by: string): Omit<Move, 'version'> => ({
    move: 'submit',
    action: 'letter.submitted',
    change: (_letter, at) => ({ state: 'awaiting-approval', submittedBy: by, submittedAt: at }),
  }),
  approve: (by: string): Omit<Move, 'version'> => ({
    move: 'approve',
    action: 'letter.approved',
    change: (letter, at) => ({ state: 'sent', approvedBy: by, sentBy: letter.submittedBy ?? by, sentAt: at }),
  }),
};

export function plainMove(
  deps: ModuleDeps,
  name: keyof typeof plainMoves,
  principal: Principal,
  letter: { id: string; version: number },
  requestId?: string,
) {
  const move = { ...plainMoves[name](principal.personId), version: letter.version };
  return moveLetter(deps, principal, letter.id, move, requestId);
}

/** Back to a draft, with what needs changing, for anyone who may change it. */
export function returnLetter(
  deps: ModuleDeps,
  principal: Principal,
  id: string,
  form: { version: number; reason: string },
  requestId?: string,
) {
  const reason = plainText(form.reason);
  if (!reason) throw refused('Say what needs changing in the letter', 'reason');
  if (reason.length > 2000) throw refused('What needs changing must be 2,000 characters or fewer', 'reason');
  return moveLetter(
    deps,
    principal,
    id,
    {
      move: 'return',
      version: form.version,
      action: 'letter.returned',
      change: () => ({
        state: 'draft',
        returnedBy: principal.personId,
        returnReason: reason,
        submittedBy: null,
        submittedAt: null,
      }),
      recorded: { reason },
    },
    requestId,
  );
}

/** The letters waiting for the person: drafts they wrote, and those they may approve. */
export async function lettersWaiting(deps: ModuleDeps, principal: Principal) {
  const { councilId, personId } = principal;
  const stored = await repo.lettersWaitingFor(deps.db, councilId, personId, mayApproveLetters(principal));
  const letters = (await reading.shown(deps.db, councilId, stored, deps.clock.now())).filter((letter) =>
    can(principal, 'read', letter),
  );
  return {
    drafts: letters.filter((letter) => letter.state === 'draft'),
    toApprove: letters.filter((letter) => letter.state === 'awaiting-approval'),
  };
}
