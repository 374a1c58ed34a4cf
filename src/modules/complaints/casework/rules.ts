// What a response says and what a remedy is: the Code's outcomes and DOMAIN.md §3's remedies.

export const outcomes = {
  upheld: 'Upheld',
  'partially-upheld': 'Partially upheld',
  'not-upheld': 'Not upheld',
} as const;
export type Outcome = keyof typeof outcomes;

// DOMAIN.md §3: the remedies the Code and 003 §6.1 name.
export const remedyKinds = {
  apology: 'Apology',
  explanation: 'Explanation',
  action: 'Action to put things right',
  'reconsidered-decision': 'Reconsidered decision',
  'amended-records': 'Amended records',
  'financial-redress': 'Financial redress',
  'policy-change': 'Change to policy or procedure',
} as const;
type RemedyKind = keyof typeof remedyKinds;

// Escalation is open for two months after the stage 1 response (said in the stage 1 letter).
export const escalateWithinMonths = 2;

const poundsFormat = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP' });
export const pounds = (pence: number) => poundsFormat.format(pence / 100);

export function remedyText(remedy: {
  kind: string;
  description: string;
  amountPence: number | null;
}): string {
  const kind = remedyKinds[remedy.kind as RemedyKind] ?? remedy.kind;
  const amount = remedy.amountPence !== null ? ` of ${pounds(remedy.amountPence)}` : '';
  return `${kind}${amount}: ${remedy.description}`;
}

// An amount typed in pounds, like 120, £1,200 or 120.50, in pence; null if it is not one.
export function penceOf(typed: string): number | null {
  const match = /^£?\s*(\d{1,7})(?:\.(\d{2}))?$/.exec(typed.replaceAll(',', ''));
  return match ? Number(match[1]) * 100 + Number(match[2] ?? 0) : null;
}

// The acknowledgement letter quotes what happened, cut short.
export function summaryText(whatHappened: string): string {
  return whatHappened.length > 500 ? `${whatHappened.slice(0, 497)}…` : whatHappened;
}

export function responseLetterKind(regime: string, stage: 1 | 2) {
  if (regime === 'single-stage') return 'single-stage-response' as const;
  return stage === 1 ? ('stage-1-response' as const) : ('stage-2-response' as const);
}
