import { describe, expect, it } from 'vitest';
import { ombudsmanDetails } from '../templates/kinds.ts';
import { editProblems, type LetterMove, type LetterState, moveRefusal, movesOpen } from './rules.ts';

// Letters are checked before they go (issue 17; the Complaint Handling Code's letters and the 003
// vexatious procedure's, §4.2-4.6): the officer reads and may change a draft, then sends it, or
// sends it for a second person's approval when the council requires it for the kind; someone on
// the complaints team who had no hand in it approves (sending it) or returns it. Sent is final.
describe('what may be done with a letter', () => {
  type Who = 'writer' | 'approver' | 'other approver' | 'reader';
  const facts = (state: LetterState, approvalRequired: boolean, who: Who) => ({
    state,
    approvalRequired,
    mayApprove: who === 'approver' || who === 'writer',
    hadAHand: who === 'writer',
  });

  it.each<[LetterState, boolean, Who, LetterMove, string | null]>([
    // A draft: read as it will go, changed, and sent; or sent for approval where required.
    ['draft', false, 'writer', 'edit', null],
    ['draft', false, 'writer', 'send', null],
    ['draft', false, 'reader', 'send', null],
    ['draft', false, 'writer', 'submit', 'does not need approval'],
    ['draft', true, 'writer', 'send', 'requires a second person'],
    ['draft', true, 'writer', 'submit', null],
    ['draft', true, 'writer', 'edit', null],
    ['draft', true, 'approver', 'approve', 'has not been sent for approval'],
    ['draft', true, 'approver', 'return', 'has not been sent for approval'],
    // Sent for approval: nobody changes it; an approver who had no hand in it approves or returns.
    ['awaiting-approval', true, 'writer', 'edit', 'waiting for approval'],
    ['awaiting-approval', true, 'writer', 'send', 'waiting for approval'],
    ['awaiting-approval', true, 'writer', 'submit', 'waiting for approval'],
    ['awaiting-approval', true, 'writer', 'approve', 'not whoever wrote it'],
    ['awaiting-approval', true, 'writer', 'return', 'not whoever wrote it'],
    ['awaiting-approval', true, 'reader', 'approve', 'Only the complaints team'],
    ['awaiting-approval', true, 'approver', 'approve', null],
    ['awaiting-approval', true, 'approver', 'return', null],
    // The council stopped requiring approval meanwhile: what was sent for it is still approved.
    ['awaiting-approval', false, 'approver', 'approve', null],
    // Sent: final, for everyone.
    ['sent', false, 'writer', 'edit', 'cannot be changed'],
    ['sent', false, 'writer', 'send', 'has been sent'],
    ['sent', true, 'approver', 'approve', 'has been sent'],
    ['sent', true, 'approver', 'return', 'has been sent'],
  ])('%s (approval required: %s), %s: %s → %s', (state, required, who, move, refusal) => {
    const answer = moveRefusal(move, facts(state, required, who));
    if (refusal === null) expect(answer).toBeNull();
    else expect(answer).toContain(refusal);
  });

  it.each<[LetterState, boolean, Who, LetterMove[]]>([
    ['draft', false, 'writer', ['edit', 'send']],
    ['draft', true, 'writer', ['edit', 'submit']],
    ['awaiting-approval', true, 'writer', []],
    ['awaiting-approval', true, 'other approver', []],
    ['awaiting-approval', true, 'approver', ['approve', 'return']],
    ['sent', true, 'approver', []],
  ])('%s (approval required: %s) offers %s %j', (state, required, who, moves) => {
    expect(movesOpen(facts(state, required, who))).toEqual(moves);
  });
});

describe('a letter’s changed wording', () => {
  const lgsco = ombudsmanDetails(false);
  const kept = { newDate: '21 December 2026', ombudsman: lgsco };
  const letter = `Dear Ms Shah\n\nWe will now send you our response by 21 December 2026.\n\n${lgsco}\n\nLucy`;
  const problems = (subject: string, body: string) =>
    editProblems('extension', { subject, body }, kept).map((problem) => [problem.field, problem.message]);

  it('accepts a change that keeps the dates and the Ombudsman’s details, whatever the line ends', () => {
    expect(problems('Your complaint', letter.replace('Dear Ms Shah', 'Dear Amira'))).toEqual([]);
    expect(problems('Your complaint', letter.replaceAll('\n', '\r\n'))).toEqual([]);
  });

  it.each<[string, string, string, string]>([
    ['', letter, 'subject', 'Enter the subject'],
    ['x'.repeat(201), letter, 'subject', 'Subject must be 200 characters or fewer'],
    ['Two\nlines', letter, 'subject', 'Subject must be one line'],
    ['Subject', '  \n ', 'body', 'Enter the letter'],
    ['Subject', `${letter}\n${'x'.repeat(20000)}`, 'body', 'Letter must be 20,000 characters or fewer'],
    [
      'Subject',
      letter.replace('Dear Ms Shah', 'Dear ((name))'),
      'body',
      'Letter must not have anything left to fill in: replace ((name)) with the words to send',
    ],
    [
      'Subject',
      letter.replace('21 December 2026', '22 December 2026'),
      'body',
      'Letter must still give the new date the response is due, as written: “21 December 2026”',
    ],
    [
      'Subject',
      letter.replace('Telephone: 0300 061 0614', 'Telephone: call us'),
      'body',
      'as written: “Local Government and Social Care Ombudsman…”',
    ],
  ])('refuses subject %j with body %#: %s', (subject, body, field, message) => {
    const found = problems(subject, body);
    expect(found.map(([key]) => key)).toContain(field);
    expect(found.map(([, text]) => text).join('\n')).toContain(message);
  });
});
