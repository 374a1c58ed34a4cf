import { describe, expect, it } from 'vitest';
import { type ComplaintStatus, complaintStatuses, type Mover, moveRefusal } from './status-rules.ts';

const code = 'complaint-handling-code' as const;

// DOMAIN.md §3 and 003 §5: every allowed move, and who may make it.
describe('the moves a complaint may make', () => {
  it.each([
    ['triage accepts it', 'awaiting-triage', 'stage-1', 'complaints-team'],
    ['triage does not accept it (003 §5.1)', 'awaiting-triage', 'not-accepted', 'complaints-team'],
    ['triage merges it into the complaint it repeats', 'awaiting-triage', 'merged', 'complaints-team'],
    ['stage 1 response sent', 'stage-1', 'stage-1-responded', 'complaints-team'],
    [
      'the person escalates online, no reason needed (the Code)',
      'stage-1-responded',
      'stage-2',
      'complainant',
    ],
    ['staff record an escalation by phone or letter', 'stage-1-responded', 'stage-2', 'complaints-team'],
    ['closed after stage 1', 'stage-1-responded', 'closed', 'complaints-team'],
    ['stage 2 response sent', 'stage-2', 'stage-2-responded', 'complaints-team'],
    ['closed after stage 2', 'stage-2-responded', 'closed', 'complaints-team'],
  ] as const)('%s', (_case, from, to, by) => {
    expect(moveRefusal(code, from, to, by)).toBeNull();
  });
});

describe('moves refused', () => {
  it.each([
    [
      'escalating before the stage 1 response',
      code,
      'stage-1',
      'stage-2',
      'complainant',
      'This complaint cannot be escalated to stage 2: its stage 1 response has not been sent',
    ],
    [
      'escalating under the single-stage policy',
      'single-stage',
      'stage-1-responded',
      'stage-2',
      'complainant',
      'The council’s single-stage complaints policy has no stage 2: the person can go to the Ombudsman',
    ],
    [
      'escalating twice',
      code,
      'stage-2',
      'stage-2',
      'complainant',
      'This complaint cannot be escalated to stage 2: its stage 2 response has not been sent',
    ],
    [
      'escalating after the final response',
      code,
      'stage-2-responded',
      'stage-2',
      'complainant',
      'This complaint cannot be escalated to stage 2: it has had its final response',
    ],
    [
      'closing before triage',
      code,
      'awaiting-triage',
      'closed',
      'complaints-team',
      'This complaint cannot be closed: it has not been triaged yet',
    ],
    [
      'closing before the response',
      code,
      'stage-1',
      'closed',
      'complaints-team',
      'This complaint cannot be closed: its stage 1 response has not been sent',
    ],
    [
      'responding to a refused complaint',
      code,
      'not-accepted',
      'stage-1-responded',
      'complaints-team',
      'This complaint cannot be given a stage 1 response: it was not accepted as a complaint',
    ],
    [
      'reopening a closed complaint',
      code,
      'closed',
      'stage-1',
      'complaints-team',
      'This complaint cannot be accepted: it is closed',
    ],
    [
      'merging a complaint already accepted',
      code,
      'stage-1',
      'merged',
      'complaints-team',
      'This complaint cannot be merged into another complaint: its stage 1 response has not been sent',
    ],
    [
      'accepting a merged duplicate',
      code,
      'merged',
      'stage-1',
      'complaints-team',
      'This complaint cannot be accepted: it was merged into another complaint as a duplicate',
    ],
    [
      'the person closing it',
      code,
      'stage-1-responded',
      'closed',
      'complainant',
      'Only the complaints team can do this',
    ],
  ] as const)('%s', (_case, regime, from, to, by, message) => {
    expect(moveRefusal(regime, from, to, by)).toBe(message);
  });

  it('refuses every move not in the table', () => {
    const allowed = new Set([
      'awaiting-triage>stage-1',
      'awaiting-triage>not-accepted',
      'awaiting-triage>merged',
      'stage-1>stage-1-responded',
      'stage-1-responded>stage-2',
      'stage-1-responded>closed',
      'stage-2>stage-2-responded',
      'stage-2-responded>closed',
    ]);
    for (const from of complaintStatuses)
      for (const to of complaintStatuses) {
        const refusal = moveRefusal(
          code,
          from as ComplaintStatus,
          to as ComplaintStatus,
          'complaints-team' as Mover,
        );
        expect(refusal === null, `${from} > ${to}`).toBe(allowed.has(`${from}>${to}`));
      }
  });
});
