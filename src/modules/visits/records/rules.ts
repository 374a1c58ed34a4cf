import type { FieldError } from '../../../platform/errors.ts';
import type { PolicySettings } from '../../organisation/service.ts';
import type { ReferralKind, VisitOutcome } from '../tables.ts';

// What a visit's record says and what each of its flags leads to (DOMAIN.md §5 "Records of the
// visit"; policies 000 and 004).

export const outcomes: Record<VisitOutcome, string> = {
  'contact-made': 'Contact made',
  'no-contact': 'No contact',
  'asked-to-leave': 'Asked to leave',
  'entry-refused': 'Entry refused',
};
export const isOutcome = (value: string): value is VisitOutcome => value in outcomes;

// Who a flag is passed to: the council's safeguarding contact [000 Safeguarding; 004: liaise with
// safeguarding (adults and children)], the payments / fraud team [000: referred to the Payments
// Team], or the officer's line manager [000: a report of a threat, or of a complaint made during
// the visit, to the line manager].
export type Recipient = 'safeguarding' | 'fraud' | 'line-manager';

type Flag = { name: string; field: string; question: string; to: Recipient };

export const flags: Record<ReferralKind, Flag> = {
  'child-safeguarding': {
    name: 'Child safeguarding concern',
    field: 'childSafeguardingDetail',
    question: 'What is the concern for the child?',
    to: 'safeguarding',
  },
  'adult-safeguarding': {
    name: 'Adult safeguarding concern',
    field: 'adultSafeguardingDetail',
    question: 'What is the concern for the adult?',
    to: 'safeguarding',
  },
  violence: {
    name: 'Threat of violence',
    field: 'violenceDetail',
    question: 'What was the threat, and who made it?',
    to: 'line-manager',
  },
  complaint: {
    name: 'Complaint made during the visit',
    field: 'complaintDetail',
    question: 'What is the complaint?',
    to: 'line-manager',
  },
  fraud: {
    name: 'Fraud suspicion',
    field: 'fraudDetail',
    question: 'What makes you suspect fraud?',
    to: 'fraud',
  },
  vulnerability: {
    name: 'Vulnerability identified',
    field: 'vulnerabilityDetail',
    question: 'What vulnerability did you identify?',
    to: 'safeguarding',
  },
};
export const referralKinds = [
  'child-safeguarding',
  'adult-safeguarding',
  'violence',
  'complaint',
  'fraud',
  'vulnerability',
] as const satisfies readonly ReferralKind[];
export const isReferralKind = (value: string): value is ReferralKind => value in flags;

export type RecordInput = {
  outcome: string;
  reason: string;
  notes: string;
  referrals: readonly { kind: ReferralKind; detail: string }[];
  // Who made the complaint, when one was made.
  complainantName: string;
  // The form's own id, so that sending it twice logs one complaint.
  submission: string | null;
};

const limits = { reason: 2000, notes: 5000, detail: 5000, complainantName: 200 };

// What is wrong with a record as given, by field; none when it can be saved.
export function recordErrors(input: RecordInput): FieldError[] {
  const errors: FieldError[] = [];
  if (!isOutcome(input.outcome))
    errors.push({ key: 'outcome', message: 'Select what happened at the visit' });
  // 000: asked to leave, the officer notes why at the time.
  if (input.outcome === 'asked-to-leave' && !input.reason.trim())
    errors.push({ key: 'reason', message: 'Enter why you were asked to leave' });
  if (input.reason.length > limits.reason)
    errors.push({ key: 'reason', message: `The reason must be ${limits.reason} characters or fewer` });
  if (input.notes.length > limits.notes)
    errors.push({ key: 'notes', message: `Notes must be ${limits.notes} characters or fewer` });
  const seen = new Set<ReferralKind>();
  for (const { kind, detail } of input.referrals) {
    const flag = flags[kind];
    if (seen.has(kind)) errors.push({ key: flag.field, message: `${flag.name} is given twice` });
    seen.add(kind);
    if (!detail.trim())
      errors.push({ key: flag.field, message: `${flag.question.replace(/\?$/, '')}: enter it` });
    else if (detail.length > limits.detail)
      errors.push({ key: flag.field, message: `${flag.name}: ${limits.detail} characters or fewer` });
  }
  if (seen.has('complaint') && !input.complainantName.trim())
    errors.push({ key: 'complainantName', message: 'Enter the name of the person who complained' });
  if (input.complainantName.length > limits.complainantName)
    errors.push({
      key: 'complainantName',
      message: `The name must be ${limits.complainantName} characters or fewer`,
    });
  return errors;
}

// The council's addresses for referrals, from its policy settings; '' where it has none.
export type ReferralAddresses = { safeguarding: string; fraud: string; healthAndSafety: string };

export function referralAddresses(
  settings: Pick<PolicySettings, 'safeguardingContactEmail' | 'fraudReferralEmail' | 'healthAndSafetyEmail'>,
): ReferralAddresses {
  return {
    safeguarding: settings.safeguardingContactEmail.trim(),
    fraud: settings.fraudReferralEmail.trim(),
    healthAndSafety: settings.healthAndSafetyEmail.trim(),
  };
}

// The address a flag is emailed to; '' when there is none to send it to.
export function recipientOf(
  kind: ReferralKind,
  addresses: ReferralAddresses,
  lineManagerEmail: string,
): string {
  const to = flags[kind].to;
  return to === 'line-manager' ? lineManagerEmail : addresses[to];
}

// What to tell the officer when a referral could not be emailed: the record holds it, and someone
// must pass it on by hand.
export function unsentNote(kind: ReferralKind): string {
  switch (flags[kind].to) {
    case 'safeguarding':
      return 'No safeguarding contact set — tell your line manager';
    case 'fraud':
      return 'No fraud referral address set — tell your line manager';
    case 'line-manager':
      return 'You have no line manager on record — tell your team leader';
  }
}
