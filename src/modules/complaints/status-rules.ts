// Where a complaint is in its life, and who may move it on (DOMAIN.md §3; 003 §5).
// awaiting-triage → stage-1 (accepted) | not-accepted (003 §5.1); stage-1 → stage-1-responded;
// stage-1-responded → stage-2 (escalation, the Code's second stage only) | closed;
// stage-2 → stage-2-responded → closed. Not accepted is an end: the person was told why.
// awaiting-triage → merged: found at triage to repeat another complaint of the same person, it is
// closed as that one's duplicate and dealt with there (casework/duplicates.ts).
import type { Regime } from './deadline-rules.ts';

export const complaintStatuses = [
  'awaiting-triage',
  'not-accepted',
  'stage-1',
  'stage-1-responded',
  'stage-2',
  'stage-2-responded',
  'closed',
  'merged',
] as const;
export type ComplaintStatus = (typeof complaintStatuses)[number];

export const statusNames: Record<ComplaintStatus, string> = {
  'awaiting-triage': 'Awaiting triage',
  'not-accepted': 'Not accepted',
  'stage-1': 'Stage 1',
  'stage-1-responded': 'Stage 1 responded',
  'stage-2': 'Stage 2',
  'stage-2-responded': 'Stage 2 responded',
  closed: 'Closed',
  merged: 'Merged as a duplicate',
};

const tagClasses: Record<ComplaintStatus, string> = {
  'awaiting-triage': 'govuk-tag--blue',
  'not-accepted': 'govuk-tag--grey',
  'stage-1': 'govuk-tag--light-blue',
  'stage-1-responded': 'govuk-tag--green',
  'stage-2': 'govuk-tag--purple',
  'stage-2-responded': 'govuk-tag--green',
  closed: 'govuk-tag--grey',
  merged: 'govuk-tag--grey',
};

// Under the single-stage policy the one stage is "the complaint", and its response is the final one.
export function statusTag(status: ComplaintStatus, regime: Regime): { text: string; classes: string } {
  const text =
    regime === 'single-stage' && status === 'stage-1'
      ? 'Open'
      : regime === 'single-stage' && status === 'stage-1-responded'
        ? 'Responded'
        : statusNames[status];
  return { text, classes: tagClasses[status] };
}

export type Mover = 'complaints-team' | 'complainant';

type Transition = { from: ComplaintStatus; to: ComplaintStatus; by: readonly Mover[]; twoStagesOnly?: true };

const transitions: readonly Transition[] = [
  { from: 'awaiting-triage', to: 'stage-1', by: ['complaints-team'] },
  { from: 'awaiting-triage', to: 'not-accepted', by: ['complaints-team'] },
  { from: 'awaiting-triage', to: 'merged', by: ['complaints-team'] },
  { from: 'stage-1', to: 'stage-1-responded', by: ['complaints-team'] },
  // The Code: the resident need not give reasons for escalating; staff may record an escalation
  // received by phone or letter.
  { from: 'stage-1-responded', to: 'stage-2', by: ['complaints-team', 'complainant'], twoStagesOnly: true },
  { from: 'stage-1-responded', to: 'closed', by: ['complaints-team'] },
  { from: 'stage-2', to: 'stage-2-responded', by: ['complaints-team'] },
  { from: 'stage-2-responded', to: 'closed', by: ['complaints-team'] },
];

const whyNot: Partial<Record<ComplaintStatus, string>> = {
  'awaiting-triage': 'it has not been triaged yet',
  'not-accepted': 'it was not accepted as a complaint',
  'stage-1': 'its stage 1 response has not been sent',
  'stage-2': 'its stage 2 response has not been sent',
  'stage-2-responded': 'it has had its final response',
  closed: 'it is closed',
  merged: 'it was merged into another complaint as a duplicate',
};

const moveNames: Record<ComplaintStatus, string> = {
  'awaiting-triage': 'sent back to triage',
  'not-accepted': 'refused',
  'stage-1': 'accepted',
  'stage-1-responded': 'given a stage 1 response',
  'stage-2': 'escalated to stage 2',
  'stage-2-responded': 'given a stage 2 response',
  closed: 'closed',
  merged: 'merged into another complaint',
};

// Why the move is refused, in words for the person trying it; null when it is allowed.
export function moveRefusal(
  regime: Regime,
  from: ComplaintStatus,
  to: ComplaintStatus,
  by: Mover,
): string | null {
  const transition = transitions.find((t) => t.from === from && t.to === to);
  if (transition?.twoStagesOnly && regime === 'single-stage')
    return 'The council’s single-stage complaints policy has no stage 2: the person can go to the Ombudsman';
  if (transition && !transition.by.includes(by)) return `Only the complaints team can do this`;
  if (transition) return null;
  const reason = whyNot[from] ?? `it is at “${statusNames[from]}”`;
  return `This complaint cannot be ${moveNames[to]}: ${reason}`;
}
