// The rules of a councillor conduct complaint, from the monitoring officer's advice to the
// Standards Committee (003 standards minute 18) and its reports on complaints (minute 21). Pure.

// Why a complaint cannot be dealt with as a complaint that a councillor broke the members' code.
export const notValidGrounds = [
  {
    code: 'all-councillors',
    label: 'It is against all the councillors at once',
    cite: '003 standards minute 18',
  },
  {
    code: 'operational',
    label: 'It seeks to resolve an operational matter, such as a ward issue',
    cite: '003 standards minute 18',
  },
  {
    code: 'not-acting-as-councillor',
    label:
      'The councillor was not acting as a councillor at the time (canvassing for a party, personal social media)',
    cite: '003 standards minute 18',
  },
  { code: 'other', label: 'Another reason, given below', cite: '' },
] as const;
export type NotValidGround = (typeof notValidGrounds)[number]['code'];

// When the councillor was acting: the capacity decides whether the code applies (minute 18).
export const capacities = [
  { code: 'councillor', label: 'As a councillor (council business, a meeting, their ward work)' },
  { code: 'party', label: 'For a political party (canvassing at an election)' },
  { code: 'personal', label: 'In a personal capacity (a personal social media account, private life)' },
] as const;
export type Capacity = (typeof capacities)[number]['code'];

// What the complaint is about, as the bi-annual report counts it (minute 18: social media).
export const themes = [
  { code: 'social-media', label: 'Social media' },
  { code: 'disrespect', label: 'Disrespect' },
  { code: 'bullying', label: 'Bullying or harassment' },
  { code: 'conflict-of-interest', label: 'Conflicts of interest' },
  { code: 'misuse-of-position', label: 'Misuse of position' },
  { code: 'other', label: 'Other' },
] as const;
export type Theme = (typeof themes)[number]['code'];

export const decisions = [
  { code: 'no-further-action', label: 'No further action' },
  { code: 'informal-resolution', label: 'Informal resolution' },
  { code: 'investigation', label: 'Investigation' },
] as const;
export type Decision = (typeof decisions)[number]['code'];

export const sanctionKinds = [
  { code: 'censure', label: 'Formal censure' },
  { code: 'apology', label: 'An apology' },
  { code: 'training', label: 'Training' },
  { code: 'removal-from-committee', label: 'Removal from a committee' },
  { code: 'publication', label: 'Publication of the findings' },
] as const;

export const stateNames: Record<string, string> = {
  received: 'To assess',
  'not-valid': 'Not valid',
  assessed: 'Valid: independent person to consult and decision due',
  investigation: 'Being investigated',
  reported: 'Investigation reported',
  hearing: 'Hearing panel',
  sanctions: 'Sanctions: compliance due',
  closed: 'Closed',
};

export type Assessment = {
  againstAll: boolean;
  operational: boolean;
  capacity: Capacity;
  otherReason: boolean;
};

/** Whether a complaint can be dealt with under the members' code, and each reason it cannot
 * (003 standards minute 18): not against every councillor at once, not an operational matter
 * such as a ward issue, and about a time the councillor was acting as a councillor. */
export function validity(assessment: Assessment): { valid: boolean; grounds: NotValidGround[] } {
  const grounds: NotValidGround[] = [];
  if (assessment.againstAll) grounds.push('all-councillors');
  if (assessment.operational) grounds.push('operational');
  if (assessment.capacity !== 'councillor') grounds.push('not-acting-as-councillor');
  if (assessment.otherReason) grounds.push('other');
  return { valid: grounds.length === 0, grounds };
}

export type ConductState = keyof typeof stateNames;
export type Move = 'assess' | 'view' | 'decide' | 'report' | 'hear' | 'comply';

// Which moves each state allows: assessment first; the independent person's view before the
// decision on a valid complaint; an investigation's report before a hearing; sanctions' compliance
// last (003 standards minute 21).
const movesFrom: Record<string, readonly Move[]> = {
  received: ['assess'],
  assessed: ['view', 'decide'],
  investigation: ['report'],
  reported: ['hear'],
  hearing: ['hear'],
  sanctions: ['comply'],
};

export function allows(state: string, move: Move): boolean {
  return movesFrom[state]?.includes(move) ?? false;
}

/** A decision needs the independent person's view on record first. */
export function decisionBlocked(viewRecorded: boolean): string | null {
  return viewRecorded
    ? null
    : 'Record the independent person’s view before deciding (003 standards minute 18)';
}

/** Where a decision leaves the complaint: an investigation stays open; the others close it. */
export function stateAfterDecision(decision: Decision): ConductState {
  return decision === 'investigation' ? 'investigation' : 'closed';
}

/** After an investigation's report: a finding of no breach closes it; a breach goes to a hearing. */
export function stateAfterReport(finding: 'breach' | 'no-breach'): ConductState {
  return finding === 'breach' ? 'reported' : 'closed';
}

/** After a hearing: sanctions to comply with keep it open until each is recorded. */
export function stateAfterHearing(outcome: 'breach' | 'no-breach', sanctions: number): ConductState {
  return outcome === 'breach' && sanctions > 0 ? 'sanctions' : 'closed';
}

/** What is wrong with a sanction's date to comply by, if anything: a real date, on or after the
 * hearing that imposed it (003 standards minute 21: compliance is followed up after the hearing). */
export function complyByProblem(hearingOn: string, complyBy: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(complyBy)) return 'Enter the date the councillor must comply by';
  if (complyBy < hearingOn) return 'The date to comply by must be on or after the hearing';
  // Within a year, so that compliance is followed up while the committee still hears of it.
  const yearOn = `${Number(hearingOn.slice(0, 4)) + 1}${hearingOn.slice(4)}`;
  return complyBy > yearOn ? 'The date to comply by must be within a year of the hearing' : null;
}

/** What is wrong with the date of a hearing being recorded, if anything: it has taken place, and
 * not before the complaint was received. */
export function hearingOnProblem(hearingOn: string, receivedOn: string, today: string): string | null {
  if (hearingOn > today) return 'The hearing must have taken place: its date cannot be in the future';
  return hearingOn < receivedOn ? 'The hearing cannot be before the complaint was received' : null;
}

/** Once every sanction's compliance is recorded, the complaint is closed. */
export function stateAfterCompliance(outstanding: number): ConductState {
  return outstanding === 0 ? 'closed' : 'sanctions';
}

// The points at which the council's procedure tells the councillor complained about (a policy
// setting lists which).
export const subjectNoticePoints = [
  { code: 'received', label: 'When a complaint about them is received' },
  { code: 'assessed', label: 'When the complaint has been assessed' },
  { code: 'decided', label: 'When the monitoring officer decides what happens next' },
  { code: 'reported', label: 'When an investigation reports' },
  { code: 'hearing', label: 'When a hearing panel decides' },
] as const;
export type SubjectNoticePoint = (typeof subjectNoticePoints)[number]['code'];

export function tellsSubjectAt(setting: readonly string[], point: SubjectNoticePoint): boolean {
  return setting.includes(point);
}

export const labelOf = (list: readonly { code: string; label: string }[], code: string | null) =>
  list.find((item) => item.code === code)?.label ?? '';
