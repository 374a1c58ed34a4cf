// The gifts and hospitality register's rules (DOMAIN.md §2), as pure functions over plain data.
// Each rule cites the paragraph of the code it implements: 001 is the district council's Officer
// Code of Conduct, 002 the Kensington and Chelsea code, 003 Leicester's Appendix V.

import { monthNames } from '../../platform/calendar/months.ts';

export const offerKinds = ['gift', 'hospitality'] as const;
export type OfferKind = (typeof offerKinds)[number];

export const relationships = {
  contractor: 'A contractor working for the council',
  supplier: 'A supplier to the council',
  bidder: 'A bidder in a live tender',
  applicant: 'An applicant for a council decision, such as planning permission or a grant',
  'service-user': 'A service user or resident',
  'public-body': 'Another public body',
  other: 'None of these',
} as const;
export type Relationship = keyof typeof relationships;

export const natures = {
  gift: {
    promotional: 'A promotional item, such as a calendar, diary or pen',
    'cash-or-vouchers': 'Cash, vouchers or gift cards',
    'alcohol-or-hamper': 'Wine, spirits or a hamper',
    'loyalty-points': 'Loyalty points or discounts on council purchases',
    legacy: 'A legacy or bequest in a will',
    prize: 'A prize',
    'other-gift': 'Another gift',
  },
  hospitality: {
    refreshments: 'Refreshments or a working lunch',
    meal: 'A meal or drinks',
    'official-function': 'An invitation to an official function',
    'sporting-event': 'Tickets to a major sporting event',
    entertainment: 'Tickets to a theatre, concert or show',
    'travel-or-accommodation': 'A holiday, weekend away, travel or accommodation',
    'company-flat': 'Use of a company flat or suite',
    'other-hospitality': 'Other hospitality',
  },
} as const;
export type Nature = keyof (typeof natures)['gift'] | keyof (typeof natures)['hospitality'];

export function isNatureOf(kind: OfferKind, nature: string): nature is Nature {
  return Object.hasOwn(natures[kind], nature);
}

export function natureName(kind: OfferKind, nature: string): string {
  return (natures[kind] as Record<string, string>)[nature] ?? nature;
}

export type GiftPolicy = {
  thresholdPence: number;
  comparison: string; // 'more-than' (001 §64) or 'at-least' (002 §9)
  tokenValueLimitPence: number;
  hospitalityNeedsApproval: boolean;
};

export type OfferFacts = {
  kind: OfferKind;
  nature: Nature;
  relationship: Relationship;
  valuePence: number;
  offerorLabel: string;
};

// Earlier offers from the same offeror in the 12 months before this one.
export type OfferHistory = {
  toThisOfficer: { count: number; totalPence: number };
  toAnyone: { count: number; totalPence: number; people: number };
};

const noHistory: OfferHistory = {
  toThisOfficer: { count: 0, totalPence: 0 },
  toAnyone: { count: 0, totalPence: 0, people: 0 },
};

type Reason = { text: string; source: string };
export type Approver = 'head-of-service' | 'line-manager';

export type Verdict = {
  outcome: 'must-decline' | 'needs-approval' | 'record' | 'no-entry-needed';
  mustDecline: Reason[];
  approval: (Reason & { by: Approver }) | null;
  recordingRequired: boolean;
  notes: string[];
};

const seeksBusinessOrDecision: readonly Relationship[] = ['bidder', 'applicant'];
const hasBusiness: readonly Relationship[] = ['contractor', 'supplier', ...seeksBusinessOrDecision];

function mustDeclineReasons(offer: OfferFacts, tokenValue: boolean): Reason[] {
  const reasons: Reason[] = [];
  const add = (applies: boolean, text: string, source: string) => {
    if (applies) reasons.push({ text, source });
  };
  const { kind, nature, relationship } = offer;
  if (kind === 'gift') {
    add(
      nature === 'cash-or-vouchers',
      'Cash and vouchers must not be accepted under any circumstances.',
      '001 §61',
    );
    add(
      nature === 'alcohol-or-hamper',
      'Substantial gifts, such as bottles or cases of wine or hampers, must not be accepted under any circumstances.',
      '001 §61',
    );
    add(
      nature === 'loyalty-points',
      'Personal loyalty points or discounts on purchases made for the council are not allowed.',
      '003 Appendix V §7.7',
    );
    add(
      !tokenValue && hasBusiness.includes(relationship),
      'A gift must not be accepted from a person or organisation that has, or is seeking, business with the council, or that has an interest in a council decision.',
      '001 §59',
    );
  } else {
    add(
      seeksBusinessOrDecision.includes(relationship),
      'Hospitality must not be accepted from anyone seeking business or a decision from the council, such as a bidder in a tender or a developer applying for planning permission.',
      '001 §66 and §71(c)',
    );
    add(
      nature === 'sporting-event',
      'Tickets to a major sporting event must invariably be refused.',
      '001 §68(a)',
    );
    add(
      nature === 'travel-or-accommodation',
      'Holidays and weekends away are unacceptable hospitality.',
      '001 §71(a)',
    );
    add(
      nature === 'company-flat',
      'The use of a company flat or suite is unacceptable hospitality.',
      '001 §71(b)',
    );
  }
  return reasons;
}

function atOrOverThreshold(valuePence: number, policy: GiftPolicy): boolean {
  return policy.comparison === 'at-least'
    ? valuePence >= policy.thresholdPence
    : valuePence > policy.thresholdPence;
}

const ordinals = [
  'First',
  'Second',
  'Third',
  'Fourth',
  'Fifth',
  'Sixth',
  'Seventh',
  'Eighth',
  'Ninth',
  'Tenth',
];
const ordinal = (n: number) => ordinals[n - 1] ?? `${n}th`;

const wholePounds = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });
const poundsAndPence = new Intl.NumberFormat('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

export function formatPence(pence: number): string {
  return `£${(pence % 100 === 0 ? wholePounds : poundsAndPence).format(pence / 100)}`;
}

function repeatNotes(offer: OfferFacts, history: OfferHistory): string[] {
  const notes: string[] = [];
  const mine = history.toThisOfficer;
  if (mine.count > 0) {
    notes.push(
      `${ordinal(mine.count + 1)} offer from ${offer.offerorLabel} to this officer in the last 12 months; ${formatPence(mine.totalPence + offer.valuePence)} in total.`,
    );
  }
  const everyone = history.toAnyone;
  if (everyone.count > mine.count) {
    notes.push(
      `${offer.offerorLabel} has made ${everyone.count + 1} offers to council staff in the last 12 months (to ${everyone.people} other ${everyone.people === 1 ? 'person' : 'people'}); ${formatPence(everyone.totalPence + offer.valuePence)} in total.`,
    );
  }
  return notes;
}

// The register's verdict on an offer, shown before it is submitted.
export function giftVerdict(
  offer: OfferFacts,
  policy: GiftPolicy,
  history: OfferHistory = noHistory,
): Verdict {
  // 001 §60: promotional items of token value are not regarded as gifts.
  const tokenValue =
    offer.kind === 'gift' && offer.nature === 'promotional' && offer.valuePence < policy.tokenValueLimitPence;
  const mustDecline = mustDeclineReasons(offer, tokenValue);
  const overOnItsOwn = atOrOverThreshold(offer.valuePence, policy);
  // 001 §64 and 002 §9: offers are recorded over the threshold; repeated offers from the same
  // offeror count together, so that splitting a gift does not keep it off the register.
  const overTogether = atOrOverThreshold(offer.valuePence + history.toThisOfficer.totalPence, policy);
  const notes = repeatNotes(offer, history);
  if (!overOnItsOwn && overTogether && !tokenValue) {
    notes.push(
      `Together with earlier offers from ${offer.offerorLabel} in the last 12 months it is over the ${formatPence(policy.thresholdPence)} recording threshold.`,
    );
  }
  let approval: Verdict['approval'] = null;
  if (offer.kind === 'gift' && (offer.nature === 'legacy' || offer.nature === 'prize')) {
    approval =
      offer.nature === 'legacy'
        ? {
            by: 'line-manager',
            text: 'A legacy or bequest from a service user must not be accepted, whatever its value, without the line manager’s explicit permission.',
            source: '003 Appendix V §7.7',
          }
        : {
            by: 'line-manager',
            text: 'A prize won on council business must be reported to the line manager, who decides whether it may be accepted.',
            source: '003 Appendix V §7.7',
          };
  } else if (offer.kind === 'hospitality' && policy.hospitalityNeedsApproval && overOnItsOwn) {
    approval = {
      by: 'head-of-service',
      text: 'Hospitality other than of a minor nature must be authorised in advance by the head of service.',
      source: '001 §69',
    };
  }
  const recordingRequired =
    mustDecline.length > 0 || approval !== null || (!tokenValue && (overOnItsOwn || overTogether));
  const outcome: Verdict['outcome'] =
    mustDecline.length > 0
      ? 'must-decline'
      : approval
        ? 'needs-approval'
        : recordingRequired
          ? 'record'
          : 'no-entry-needed';
  return { outcome, mustDecline, approval: mustDecline.length ? null : approval, recordingRequired, notes };
}

type OfferDecision = 'accepted' | 'declined';
export type OfferState = 'accepted' | 'declined' | 'awaiting-approval';

export const stateNames: Record<OfferState, string> = {
  accepted: 'Accepted',
  declined: 'Declined',
  'awaiting-approval': 'Awaiting approval',
};

// What the register holds once the officer says whether they accepted; null if accepting is refused.
export function stateFor(verdict: Verdict, decision: OfferDecision): OfferState | null {
  if (decision === 'declined') return 'declined';
  if (verdict.outcome === 'must-decline') return null;
  return verdict.outcome === 'needs-approval' ? 'awaiting-approval' : 'accepted';
}

// Why an offer that must be declined was declined: the register's own reasons. A reason typed
// for accepting it no longer says why, so it is not kept (001 §59 to §61 and §66 to §71).
export function declineReason(verdict: Verdict): string {
  return verdict.mustDecline.map((reason) => reason.text).join(' ');
}

// Hospitality that needs approval is authorised in advance (001 §69): the approver is told the
// date of the event, and it must still be to come when approval is asked.
export function eventDateError(
  offer: { kind: OfferKind; eventOn: string | null },
  state: OfferState | null,
  today: string,
): string | null {
  if (offer.kind !== 'hospitality' || state !== 'awaiting-approval') return null;
  if (!offer.eventOn) return 'Enter the date of the event, so that it can be approved before it takes place';
  if (offer.eventOn <= today)
    return 'The date of the event must be in the future: hospitality is approved before it takes place';
  return null;
}

// The courteous refusal the code suggests, for the officer to copy or print (001 §61 and §70).
export function refusalWording(kind: OfferKind, details: string, councilName: string): string {
  return kind === 'gift'
    ? `Thank you for your kind offer of ${details}. Unfortunately, ${councilName} has a clearly defined policy on receiving gifts or hospitality and I am unable to accept it. I therefore return the gift.`
    : `Thank you for your kind offer of ${details}. Unfortunately, ${councilName} has a clearly defined policy on receiving gifts and hospitality and I am therefore unable to accept.`;
}

// Offers from "Acme Ltd", "ACME Limited" and "Acme Ltd." are the same offeror's.
export function offerorKey(organisation: string, person: string): string {
  const name = organisation.trim() || person.trim();
  return name
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9 ]+/g, ' ')
    .replace(/\b(the|ltd|limited|plc|llp|inc|co|company|group|uk)\b/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

// Published value bands, so that exact values of small offers are not the point.
export function valueBand(pence: number): string {
  const bands: [number, string][] = [
    [2000, 'Under £20'],
    [5000, '£20 to £49'],
    [10000, '£50 to £99'],
    [25000, '£100 to £249'],
    [50000, '£250 to £499'],
  ];
  return bands.find(([limit]) => pence < limit)?.[1] ?? '£500 or more';
}

// Registers are reviewed each period (quarterly by default, 001 §73). Periods run from January:
// with a 3-month cycle they are the calendar quarters.
export type ReviewPeriod = { start: string; end: string; label: string };

export function reviewPeriodOf(date: string, months: number): ReviewPeriod {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const first = Math.floor((month - 1) / months) * months + 1;
  const last = Math.min(first + months - 1, 12);
  const endDay = new Date(Date.UTC(year, last, 0)).getUTCDate();
  const pad = (n: number) => String(n).padStart(2, '0');
  const range =
    first === last
      ? `${monthNames[first - 1]} ${year}`
      : `${monthNames[first - 1]} to ${monthNames[last - 1]} ${year}`;
  const label =
    months === 12
      ? String(year)
      : months === 3
        ? `Q${(first + 2) / 3} ${year} (${monthNames[first - 1]} to ${monthNames[last - 1]})`
        : range;
  return { start: `${year}-${pad(first)}-01`, end: `${year}-${pad(last)}-${pad(endDay)}`, label };
}

export function previousReviewPeriod(period: ReviewPeriod, months: number): ReviewPeriod {
  const start = new Date(`${period.start}T00:00:00Z`);
  start.setUTCDate(0);
  return reviewPeriodOf(start.toISOString().slice(0, 10), months);
}

// Whose review an offer falls in (001 §73): a service's head reviews the service's register,
// directors review their heads of service', the chief executive the directors'. Nobody reviews
// their own entries, so the chief executive's (and anyone's with no service or manager) go to
// the monitoring officer.
type RecipientFacts = {
  serviceId: string | null;
  lineManagerId: string | null;
  senior: boolean; // head of service, director or chief executive
  chiefExecutive: boolean;
};

export function registerKeyFor(recipient: RecipientFacts): string {
  if (recipient.chiefExecutive) return 'monitoring-officer';
  if (recipient.senior || !recipient.serviceId) {
    return recipient.lineManagerId ? `senior:${recipient.lineManagerId}` : 'monitoring-officer';
  }
  return `service:${recipient.serviceId}`;
}
