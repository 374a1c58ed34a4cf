import { type LetterKind, type LetterTemplate, placeholdersFor } from '../templates/kinds.ts';
import { placeholdersIn, type TemplateProblem } from '../templates/rules.ts';

// A letter is checked before it goes. Written by an officer it is a draft, which they read as it
// will be sent and may change; they send it, or, when the council requires a second person's
// approval of its kind (policy setting lettersNeedingApproval), send it for approval. Someone on
// the complaints team who had no hand in it approves it, which sends it, or returns it with a
// reason to be changed. A sent letter is what the person received and never changes.

export const letterStates = ['draft', 'awaiting-approval', 'sent'] as const;
export type LetterState = (typeof letterStates)[number];

export function isLetterState(value: string): value is LetterState {
  return (letterStates as readonly string[]).includes(value);
}

export const stateNames: Record<LetterState, string> = {
  draft: 'Not sent yet',
  'awaiting-approval': 'Waiting for approval',
  sent: 'Sent',
};

export const letterMoves = ['edit', 'send', 'submit', 'approve', 'return'] as const;
export type LetterMove = (typeof letterMoves)[number];

export type MoveFacts = {
  state: LetterState;
  // The council requires a second person's approval of letters of this kind.
  approvalRequired: boolean;
  // The person may approve letters (letters:approve: the complaints team).
  mayApprove: boolean;
  // The person wrote it, last changed its words or sent it for approval.
  hadAHand: boolean;
};

const sent = 'This letter has been sent. A sent letter cannot be changed';
const waiting = 'This letter is waiting for approval. It can be changed only if the approver returns it';

function draftMove(move: LetterMove, { approvalRequired }: MoveFacts): string | null {
  if (move === 'send' && approvalRequired)
    return 'The council requires a second person to approve this kind of letter: send it for approval';
  if (move === 'submit' && !approvalRequired) return 'This kind of letter does not need approval: send it';
  if (move === 'approve' || move === 'return') return 'This letter has not been sent for approval';
  return null;
}

function awaitingMove(move: LetterMove, { mayApprove, hadAHand }: MoveFacts): string | null {
  if (move === 'edit' || move === 'send' || move === 'submit') return waiting;
  if (!mayApprove) return 'Only the complaints team approve letters';
  if (hadAHand)
    return 'A second person must approve this letter: not whoever wrote it, changed it or sent it for approval';
  return null;
}

/** Why the person may not make this move on the letter, or null when they may. */
export function moveRefusal(move: LetterMove, facts: MoveFacts): string | null {
  if (facts.state === 'sent') return sent;
  return facts.state === 'draft' ? draftMove(move, facts) : awaitingMove(move, facts);
}

/** The moves open to the person, for the letter's page. */
export function movesOpen(facts: MoveFacts): LetterMove[] {
  return letterMoves.filter((move) => moveRefusal(move, facts) === null);
}

// A letter's text as typed in a form: Windows line ends made plain, no space at either end.
export const plainText = (text: string) => text.replace(/\r\n?/g, '\n').trim();

/** What is wrong with a letter's changed wording: a subject of one line, a body, neither too long,
 * nothing left to fill in, and every passage it must keep (`kept`, by placeholder) still there as
 * written. */
export function editProblems(
  kind: LetterKind,
  edited: LetterTemplate,
  kept: Readonly<Record<string, string>>,
): TemplateProblem[] {
  const subject = edited.subject.trim();
  const body = plainText(edited.body);
  const problems: TemplateProblem[] = [];
  if (!subject) problems.push({ field: 'subject', message: 'Enter the subject' });
  else if (subject.length > 200)
    problems.push({ field: 'subject', message: 'Subject must be 200 characters or fewer' });
  else if (/\n/.test(subject)) problems.push({ field: 'subject', message: 'Subject must be one line' });
  if (!body) return [...problems, { field: 'body', message: 'Enter the letter' }];
  if (body.length > 20000)
    problems.push({ field: 'body', message: 'Letter must be 20,000 characters or fewer' });
  const unfilled = placeholdersIn(`${subject}\n${body}`);
  if (unfilled.length)
    problems.push({
      field: 'body',
      message: `Letter must not have anything left to fill in: replace ${unfilled.map((name) => `((${name}))`).join(', ')} with the words to send`,
    });
  for (const [name, text] of Object.entries(kept)) {
    if (body.includes(plainText(text))) continue;
    const description = placeholdersFor(kind).find((p) => p.name === name)?.description ?? name;
    const [firstLine = ''] = plainText(text).split('\n');
    problems.push({
      field: 'body',
      message: `Letter must still give ${description}, as written: “${firstLine}${text.includes('\n') ? '…' : ''}”`,
    });
  }
  return problems;
}
