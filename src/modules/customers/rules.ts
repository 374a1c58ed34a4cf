import { type Capability, can, capabilities } from '../../platform/auth/permissions.ts';
import type { Role } from '../../platform/auth/roles.ts';
import { dateTimeText, dayMonthYear } from '../../platform/calendar/date-text.ts';
import { addMonths } from '../../platform/calendar/months.ts';

// Managing unreasonable and vexatious behaviour: 003 Procedure for Managing Vexatious Customers
// (cited as "003 VC §…") and DOMAIN.md §4.

const categories = ['none', 'warned', 'pre-vexatious', 'vexatious'] as const;
export type Category = (typeof categories)[number];

export function isCategory(value: string): value is Category {
  return (categories as readonly string[]).includes(value);
}

export const categoryText: Record<Category, string> = {
  none: 'No concerns recorded',
  warned: 'Warned about their behaviour',
  'pre-vexatious': 'Pre-vexatious: final warning given, single point of contact',
  vexatious: 'Vexatious: contact restricted',
};

// The letter each step up sends (003 VC §4.2 warning, §4.4 final warning, §4.5 notified).
export const categoryLetter = {
  warned: 'warning',
  'pre-vexatious': 'final-warning',
  vexatious: 'vexatious',
} as const;

// Each step up is taken in turn: the procedure "must be followed" before anyone is vexatious
// (003 VC §4.1). Who may take it: the service (its head) or the complaints team warns (§4.2);
// the complaints team marks pre-vexatious (§4.4); only the complaints manager decides vexatious
// (§4.5, §5.1).
export const stepUp: Record<
  Exclude<Category, 'none'>,
  { from: Category; capability: Capability; who: string }
> = {
  warned: { from: 'none', capability: 'customers:warn', who: 'a head of service or the complaints team' },
  'pre-vexatious': { from: 'warned', capability: 'complaints:handle', who: 'the complaints team' },
  vexatious: { from: 'pre-vexatious', capability: 'complaints:manage', who: 'the complaints manager' },
};

type Categorisation = {
  behaviour: string;
  evidence: string;
  equalityCheck: string;
  singlePointOfContactId: string | null;
};

type Refusal = { key: string; message: string };

// Why a customer may not be moved up to `to` now; an empty list when they may.
export function stepUpRefusals(
  to: Exclude<Category, 'none'>,
  facts: { current: Category; contacts: number; capabilities: ReadonlySet<Capability> },
  decision: Categorisation,
): Refusal[] {
  const step = stepUp[to];
  if (!facts.capabilities.has(step.capability)) {
    return [{ key: 'form', message: `Only ${step.who} can make this decision (003 vexatious procedure)` }];
  }
  if (facts.current === to) return [{ key: 'form', message: `This customer is already ${label(to)}` }];
  if (facts.current !== step.from) {
    return [
      {
        key: 'form',
        message:
          step.from === 'none'
            ? `This customer is already ${label(facts.current)}`
            : `A customer must be ${label(step.from)} before they can be ${label(to)} (003 vexatious procedure §4.1)`,
      },
    ];
  }
  const refusals: Refusal[] = [];
  // 003 VC §4.2-4.3: the timeline of contacts is gathered first.
  if (facts.contacts === 0) {
    refusals.push({
      key: 'form',
      message: 'Log the contacts on the customer’s timeline first: the evidence is the timeline',
    });
  }
  if (decision.behaviour === '')
    refusals.push({ key: 'behaviour', message: 'Describe the behaviour and why it is unreasonable' });
  if (decision.evidence === '')
    refusals.push({ key: 'evidence', message: 'Summarise the evidence gathered' });
  // DOMAIN.md §4: reasonable adjustments are considered first (Equality Act 2010).
  if (decision.equalityCheck === '') {
    refusals.push({
      key: 'equalityCheck',
      message:
        'Record the Equality Act check: the needs considered and the reasonable adjustments made or why none',
    });
  }
  // 003 VC §4.4: from pre-vexatious on, contact is through a single point of contact.
  if (to !== 'warned' && decision.singlePointOfContactId === null) {
    refusals.push({ key: 'singlePointOfContactId', message: 'Choose the single point of contact' });
  }
  return refusals;
}

// A decision already taken about the customer's category, as the next step up sees it: a step up,
// or a review that changed the category (003 VC §4.6).
export type StepTaken = { category: Category; decidedAt: Date; byReview: boolean };

// The step the next one follows: the latest decision that set the customer's category, if any
// (003 VC §4.1, each step in turn).
export function previousStep<S extends { decidedAt: Date }>(steps: readonly S[]): S | null {
  let latest: S | null = null;
  for (const step of steps) if (latest === null || step.decidedAt >= latest.decidedAt) latest = step;
  return latest;
}

// The step whose evidence and Equality Act check the next one starts from, to edit rather than
// retype (DOMAIN.md §4): the latest that recorded them. A review records its reasons instead.
export function stepCarriedForward<S extends { decidedAt: Date; evidence: string; equalityCheck: string }>(
  steps: readonly S[],
): S | null {
  return previousStep(steps.filter((step) => step.evidence !== '' || step.equalityCheck !== ''));
}

const minute = 60_000;

// The contacts since the previous step: the behaviour that "continues" after it (003 VC §4.4,
// §4.5). A contact logged before the step was part of its evidence; one logged after it about
// something that happened before it is a late record of the behaviour the step answered. Contact
// times are recorded to the minute, so one in the minute of the decision counts as after it. With
// no previous step, the whole timeline.
export function contactsSinceStep<C extends { occurredAt: Date; loggedAt: Date }>(
  contacts: readonly C[],
  step: { decidedAt: Date } | null,
): C[] {
  if (step === null) return [...contacts];
  const decided = step.decidedAt.getTime();
  const decidedMinute = decided - (decided % minute);
  return contacts.filter((c) => c.loggedAt.getTime() > decided && c.occurredAt.getTime() >= decidedMinute);
}

const stepNames: Record<Exclude<Category, 'none'>, string> = {
  warned: 'the warning',
  'pre-vexatious': 'the final warning',
  vexatious: 'the decision that they are vexatious',
};

// The previous step in words: "the warning on 23 November 2026 at 9am".
export function stepTakenText(step: StepTaken): string {
  const name = step.byReview || step.category === 'none' ? 'the review' : stepNames[step.category];
  return `${name} on ${dateTimeText(step.decidedAt)}`;
}

// A step that follows the previous one with no new contact recorded since it is warned about, not
// refused: the next step is for behaviour that continues (003 VC §4.4, §4.5), which the officer
// may know of from correspondence not yet on the timeline.
export function noNewContactWarning(step: StepTaken | null, contactsSince: number): string | null {
  if (step === null || contactsSince > 0) return null;
  return `No new contact has been recorded since ${stepTakenText(step)}. The next step is for behaviour that has continued since then: log the contacts first, or say in the evidence why this step is needed now.`;
}

function label(category: Category): string {
  return category === 'none' ? 'uncategorised' : category === 'warned' ? 'warned' : category;
}

// 003 VC §4.6: pre-vexatious and vexatious customers are reviewed every few months (policy).
export function categoryReviewOn(category: Category, decidedOn: string, reviewMonths: number): string | null {
  return category === 'pre-vexatious' || category === 'vexatious' ? addMonths(decidedOn, reviewMonths) : null;
}

// At review the complaints manager keeps the category, re-categorises or removes it (003 VC §4.6).
export const reviewDecisions = {
  keep: 'Keep the category and restrictions',
  change: 'Change: a lower category, or end some restrictions',
  lift: 'Lift: remove the category and end every restriction',
} as const;
export type ReviewDecision = keyof typeof reviewDecisions;

export const isReviewDecision = keyGuard(reviewDecisions);

// A review may move a customer down, never up: moving up is a new decision with its evidence.
export function reviewCategories(current: Category): Category[] {
  return categories.slice(0, categories.indexOf(current));
}

// The restrictions of 003 VC §5.2 and what each means to the person taking the contact.
export const restrictionKinds = {
  'no-phone': {
    name: 'No phone calls',
    atContact: 'Do not accept phone calls from this person or from anyone calling for them.',
    toCustomer: 'We will not accept phone calls from you or from anyone calling for you.',
  },
  'end-calls': {
    name: 'Calls may be ended',
    atContact: 'Calls from this person may be ended: say why, then end the call.',
    toCustomer: 'We may end a call if the behaviour happens during it.',
  },
  'no-meetings': {
    name: 'No meetings',
    atContact: 'Do not arrange or hold meetings with this person.',
    toCustomer: 'We will not hold meetings with you.',
  },
  'named-officer-only': {
    name: 'Contact only through a named officer',
    atContact: 'Contact only through the named officer: pass any contact to them.',
    toCustomer: 'You may contact only the officer named in this letter.',
  },
  'written-only': {
    name: 'Written contact only',
    atContact: 'Written contact only: ask them to write by letter or email.',
    toCustomer: 'You may contact us only in writing, by letter or email.',
  },
  'limited-correspondence': {
    name: 'Limited kinds of correspondence',
    atContact: 'Only the kinds of correspondence set out here are accepted.',
    toCustomer: 'You may write to us only as set out here.',
  },
} as const;
export type RestrictionKind = keyof typeof restrictionKinds;

export const isRestrictionKind = keyGuard(restrictionKinds);

// Restrictions follow the decision that the customer is vexatious (003 VC §4.5 "appropriate
// contact restrictions may be put in place", §5.1-5.2).
export function restrictionRefusal(category: Category): string | null {
  return category === 'vexatious'
    ? null
    : 'Restrictions are put in place once the complaints manager has decided the customer is vexatious (003 vexatious procedure §4.5)';
}

// What the restriction says at the point of contact, with the named officer where there is one.
export function restrictionText(kind: RestrictionKind, namedOfficerName: string | null): string {
  return kind === 'named-officer-only' && namedOfficerName
    ? `Contact only through ${namedOfficerName}: pass any contact to them.`
    : restrictionKinds[kind].atContact;
}

// A restriction as the letter to the customer puts it: one line, with its scope, start and any
// end date of its own.
export function restrictionLine(
  restriction: RestrictionScope & {
    kind: RestrictionKind;
    namedOfficerName: string | null;
    detail: string;
    startsOn: string;
    endsOn?: string | null;
  },
): string {
  const what =
    restriction.kind === 'named-officer-only' && restriction.namedOfficerName
      ? `You may contact only ${restriction.namedOfficerName}.`
      : restrictionKinds[restriction.kind].toCustomer;
  const scope = restriction.scopeServiceId === null ? 'all of the council' : restriction.scopeServiceName;
  const until = restriction.endsOn ? ` until ${dayMonthYear(restriction.endsOn)}` : '';
  return `- ${what}${restriction.detail ? ` ${restriction.detail}` : ''} (${scope}, from ${dayMonthYear(restriction.startsOn)}${until})`;
}

// 003 VC §4.6: restrictions are reviewed every restrictionReviewMonths (policy, default 4).
export function restrictionReviewOn(startsOn: string, reviewMonths: number): string {
  return addMonths(startsOn, reviewMonths);
}

type RestrictionScope = { scopeServiceId: string | null; scopeServiceName: string };

export function scopeText(scope: RestrictionScope): string {
  return scope.scopeServiceId === null ? 'The whole council' : `Contact with ${scope.scopeServiceName} only`;
}

type RestrictionEnds = { endedOn: string | null; endsOn?: string | null };

// The day from which a restriction no longer applies: the earlier of its own end date, decided when
// it was put in place, and the day a review ended it; null while neither has come.
export function restrictionEnd(restriction: RestrictionEnds): string | null {
  const days = [restriction.endedOn, restriction.endsOn ?? null].filter((day): day is string => day !== null);
  return days.sort()[0] ?? null;
}

// Whether a restriction has ended by `on`: then staff are no longer shown it, it is not reviewed,
// and it cannot be ended again.
export function restrictionOver(restriction: RestrictionEnds, on: string): boolean {
  const endsOn = restriction.endsOn ?? null;
  return restriction.endedOn !== null || (endsOn !== null && endsOn <= on);
}

// One restriction of each kind for each scope (the whole council, or one service) at a time: a
// second would change nothing the customer was told but send them another letter. The refusal, or
// null. Restrictions not yet started count; those over do not.
export function sameRestrictionRefusal(
  standing: readonly (RestrictionEnds & { kind: string; scopeServiceId: string | null })[],
  wanted: { kind: string; scopeServiceId: string | null },
  on: string,
): string | null {
  const same = standing.some(
    (restriction) =>
      !restrictionOver(restriction, on) &&
      restriction.kind === wanted.kind &&
      restriction.scopeServiceId === wanted.scopeServiceId,
  );
  return same
    ? `They already have this restriction ${wanted.scopeServiceId ? 'for this service' : 'across the council'}: end or change it at a review instead`
    : null;
}

// A restriction is recorded from a start within a year of today either way, and reviewed no later
// than the council's period after it starts (003 VC §4.6): a later review date would let it stand
// unreviewed. The refusal for each date, or null.
export function startDateRefusal(startsOn: string, today: string): string | null {
  if (startsOn < addMonths(today, -12)) return 'The start date must be within the last year';
  if (startsOn > addMonths(today, 12)) return 'The start date must be within the next year';
  return null;
}

export function reviewDateRefusal(startsOn: string, reviewOn: string, reviewMonths: number): string | null {
  if (reviewOn <= startsOn) return 'The review date must be after the start date';
  const latest = restrictionReviewOn(startsOn, reviewMonths);
  if (reviewOn > latest)
    return `The review date must be no later than ${dayMonthYear(latest)}, ${reviewMonths} months after the start`;
  return null;
}

// 003 VC §5.2, §4.6: a restriction's own end date, where it has one, comes after it starts, and
// the restriction is reviewed before it ends.
export function endDateRefusal(startsOn: string, reviewOn: string, endsOn: string): string | null {
  if (endsOn <= startsOn) return 'The end date must be after the start date';
  if (reviewOn >= endsOn)
    return 'The review date must be before the end date, so that it is reviewed before it ends';
  return null;
}

// Whether a restriction binds a contact on `on` with `serviceId` (null: any service, so every
// restriction in force is shown with its scope).
export function restrictionApplies(
  restriction: RestrictionScope & RestrictionEnds & { startsOn: string },
  serviceId: string | null,
  on: string,
): boolean {
  const end = restrictionEnd(restriction);
  const inForce = restriction.startsOn <= on && (end === null || end > on);
  const inScope =
    serviceId === null || restriction.scopeServiceId === null || restriction.scopeServiceId === serviceId;
  return inForce && inScope;
}

export const contactChannels = {
  phone: 'Phone call',
  email: 'Email',
  letter: 'Letter',
  'in-person': 'Visit in person',
  meeting: 'Meeting',
  online: 'Online',
} as const;
export type ContactChannel = keyof typeof contactChannels;

export const isContactChannel = keyGuard(contactChannels);

// Officer time as people say it: "1 hour 5 minutes".
export function minutesText(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  const parts = [
    hours ? `${hours} hour${hours === 1 ? '' : 's'}` : '',
    rest || !hours ? `${rest} minute${rest === 1 ? '' : 's'}` : '',
  ];
  return parts.filter(Boolean).join(' ');
}

// Who sees the whole record (timeline, evidence, letters, reviews): the complaints team and
// those who may warn (003 VC §4.2-4.3); everyone else who handles contact sees the warning and the
// contacts they logged themselves.
export function seesWholeRecord(capabilities: ReadonlySet<Capability>): boolean {
  return capabilities.has('complaints:handle') || capabilities.has('customers:warn');
}

// Whether a typed value is one of the keys of `table` (its own: not "toString" and the like).
function keyGuard<T extends object>(table: T) {
  return (value: string): value is Extract<keyof T, string> => Object.hasOwn(table, value);
}

export function capabilitiesOf(roles: ReadonlySet<Role>): ReadonlySet<Capability> {
  return new Set((Object.keys(capabilities) as Capability[]).filter((capability) => can(roles, capability)));
}
