import { clockTime, timeText } from '../../../platform/calendar/date-text.ts';
import { londonDate, londonTime, sunTimes } from '../../../platform/calendar/daylight.ts';
import type { PolicySettings } from '../../organisation/service.ts';

// The checks made before every field visit: 000 Lone working procedures for compliance officers
// ("out of hours" and "non-daylight" working, the unaccompanied visits list, relatives and
// friends), 004 Enforcement agents ("between 6am and 9pm") and DOMAIN.md §5. Times are instants,
// read as London wall-clock times; a time of day is a minute of the London day, with seconds kept.

type Place = { latitude: number; longitude: number };
type ClockTime = string; // HH:MM, London wall-clock

// Where daylight is judged for a visit without coordinates.
export const defaultPlace: Place = { latitude: 51.5074, longitude: -0.1278 };

export type HoursSettings = Pick<
  PolicySettings,
  'outOfHoursFrom' | 'earliestVisit' | 'latestVisit' | 'enforcementFrom' | 'enforcementUntil'
>;

export type VisitTiming = {
  start: Date;
  finish: Date;
  place: Place | null;
  purpose: 'enquiry' | 'taking-control';
  premises: 'domestic' | 'business';
  tradingHours: { from: ClockTime; until: ClockTime } | null;
  // When the enforcement work this visit continues was begun.
  begunAt: Date | null;
  // The court order allowing taking control outside the permitted hours, as recorded.
  courtOrder: string | null;
  // The visit is notified: on the shared plan the responsible officer holds.
  notified: boolean;
};

export type HoursOutcome = 'allowed' | 'needs-authorisation' | 'refused';
export type HoursRule =
  | 'in-hours'
  | 'out-of-hours:evening'
  | 'out-of-hours:weekend'
  | 'out-of-hours:non-daylight'
  | 'un-notified-hours'
  | 'enforcement-hours'
  | 'enforcement-hours:court-order'
  | 'enforcement-hours:trading-hours'
  | 'enforcement-hours:begun-in-hours';
export type HoursFinding = { outcome: HoursOutcome; rule: HoursRule; reason: string };
export type HoursVerdict = {
  outcome: HoursOutcome;
  rule: HoursRule;
  reason: string;
  // Any of 000's out-of-hours conditions holds (evening, weekend, non-daylight).
  outOfHours: boolean;
  findings: HoursFinding[];
};

const cite = {
  outOfHours: '[000 out-of-hours]',
  unaccompanied: '[000 unaccompanied visits]',
  relatives: '[000 relatives and friends]',
  enforcement: '[004; Taking Control of Goods Regulations 2013, regulations 12, 13, 21 and 22]',
  caution: '[004 caution before contact]',
} as const;

const minutes = (time: ClockTime) => {
  const [hours = 0, mins = 0] = time.split(':').map(Number);
  return hours * 60 + mins;
};

// The minute of the London day an instant falls in, with its seconds as a fraction.
const minuteOfDay = (instant: Date) => minutes(londonTime(instant)) + (instant.getTime() % 60_000) / 60_000;

// The visit on one time line from the midnight before it starts: a visit past midnight ends after 24:00.
function span(visit: VisitTiming) {
  const from = minuteOfDay(visit.start);
  return { from, until: from + (visit.finish.getTime() - visit.start.getTime()) / 60_000 };
}

const isWeekend = (date: string) => [0, 6].includes(new Date(`${date}T12:00:00Z`).getUTCDay());

// Whether the visit stays inside a window of the day; a window ending at or before it starts runs
// past midnight (a business trading 18:00 to 02:00), and the one from the evening before counts too.
function within(visit: VisitTiming, window: { from: ClockTime; until: ClockTime }): boolean {
  const { from, until } = span(visit);
  const open = minutes(window.from);
  const close = minutes(window.until) + (minutes(window.until) <= open ? 1440 : 0);
  return [0, -1440].some((shift) => from >= open + shift && until <= close + shift);
}

// 000: work after 18.00, at weekends, or in non-daylight hours (before sunrise or after sunset,
// "this includes visits in the morning when it is not yet light") is out of hours.
function outOfHoursFindings(visit: VisitTiming, settings: HoursSettings): HoursFinding[] {
  const needs = (rule: HoursRule, why: string): HoursFinding => ({
    outcome: 'needs-authorisation',
    rule,
    reason: `${why}: out-of-hours visits need a valid reason and line manager authorisation ${cite.outOfHours}`,
  });
  const findings: HoursFinding[] = [];
  const { from, until } = span(visit);
  const after = minutes(settings.outOfHoursFrom);
  if (until > after) {
    findings.push(
      needs(
        'out-of-hours:evening',
        from >= after
          ? `The visit starts at ${timeText(visit.start)}, at or after ${clockTime(settings.outOfHoursFrom)}`
          : `The visit runs past ${clockTime(settings.outOfHoursFrom)}`,
      ),
    );
  }
  const weekend = [visit.start, visit.finish].map(londonDate).find(isWeekend);
  if (weekend) {
    const day = new Date(`${weekend}T12:00:00Z`).getUTCDay() === 6 ? 'Saturday' : 'Sunday';
    findings.push(needs('out-of-hours:weekend', `The visit is on a ${day}`));
  }
  const { sunrise, sunset } = sunTimes(londonDate(visit.start), visit.place ?? defaultPlace);
  if (visit.start < sunrise || visit.finish > sunset) {
    findings.push(
      needs(
        'out-of-hours:non-daylight',
        visit.start < sunrise
          ? `The visit starts before sunrise (${timeText(sunrise)}) at the address`
          : `The visit runs past sunset (${timeText(sunset)}) at the address`,
      ),
    );
  }
  return findings;
}

// 000: "There should be no un-notified visits before 07.00 or after 20.00 without exception."
function unNotifiedFindings(visit: VisitTiming, settings: HoursSettings): HoursFinding[] {
  if (visit.notified || within(visit, { from: settings.earliestVisit, until: settings.latestVisit }))
    return [];
  return [
    {
      outcome: 'refused',
      rule: 'un-notified-hours',
      reason: `An un-notified visit must be between ${clockTime(settings.earliestVisit)} and ${clockTime(settings.latestVisit)}, without exception: put it on the notified plan or move it ${cite.outOfHours}`,
    },
  ];
}

// 004: goods are taken control of between 06:00 and 21:00 on any day; outside them only on business
// premises within their trading hours, to continue work begun within them, or under a court order.
// A visit must finish by the end of the permitted hours.
function enforcementFindings(visit: VisitTiming, settings: HoursSettings): HoursFinding[] {
  const permitted = { from: settings.enforcementFrom, until: settings.enforcementUntil };
  if (visit.purpose !== 'taking-control' || within(visit, permitted)) return [];
  const allowed = (rule: HoursRule, why: string): HoursFinding => ({
    outcome: 'allowed',
    rule,
    reason: `Taking control outside ${clockTime(permitted.from)} to ${clockTime(permitted.until)} is allowed: ${why} ${cite.enforcement}`,
  });
  const courtOrder = visit.courtOrder?.trim();
  if (courtOrder) return [allowed('enforcement-hours:court-order', `court order ${courtOrder}`)];
  if (visit.premises === 'business' && visit.tradingHours && within(visit, visit.tradingHours)) {
    const { from, until } = visit.tradingHours;
    return [
      allowed(
        'enforcement-hours:trading-hours',
        `business premises trading ${clockTime(from)} to ${clockTime(until)}`,
      ),
    ];
  }
  const begunAt = begunInHours(visit, settings);
  if (begunAt) {
    return [allowed('enforcement-hours:begun-in-hours', `continuing work begun at ${timeText(begunAt)}`)];
  }
  return [
    {
      outcome: 'refused',
      rule: 'enforcement-hours',
      reason: `Taking control of goods must be between ${clockTime(permitted.from)} and ${clockTime(permitted.until)} unless the premises are a business within its trading hours, the work was begun within those hours, or a court order allows it ${cite.enforcement}`,
    },
  ];
}

// Work begun within the permitted hours may run past their end: it was begun on the visit's day,
// within the hours and by the visit's finish, and the visit does not start before them. Returns
// when it was begun, if so.
function begunInHours(visit: VisitTiming, settings: HoursSettings): Date | null {
  const begunAt = visit.begunAt;
  if (!begunAt || begunAt > visit.finish || londonDate(begunAt) !== londonDate(visit.start)) return null;
  const begun = minuteOfDay(begunAt);
  const from = minutes(settings.enforcementFrom);
  const inHours = span(visit).from >= from && begun >= from && begun < minutes(settings.enforcementUntil);
  return inHours ? begunAt : null;
}

const severity: Record<HoursOutcome, number> = { allowed: 0, 'needs-authorisation': 1, refused: 2 };

// Whether a visit may go ahead at its times: the most severe finding decides.
export function hoursVerdict(visit: VisitTiming, settings: HoursSettings): HoursVerdict {
  if (visit.finish < visit.start) throw new RangeError('A visit cannot finish before it starts');
  const findings = [
    ...unNotifiedFindings(visit, settings),
    ...enforcementFindings(visit, settings),
    ...outOfHoursFindings(visit, settings),
  ];
  const deciding = findings.reduce<HoursFinding | undefined>(
    (worst, finding) => (!worst || severity[finding.outcome] > severity[worst.outcome] ? finding : worst),
    undefined,
  ) ?? {
    outcome: 'allowed',
    rule: 'in-hours',
    reason: `The visit is within working hours, in daylight on a weekday ${cite.outOfHours}`,
  };
  const outOfHours = findings.some((finding) => finding.rule.startsWith('out-of-hours'));
  return { ...deciding, outOfHours, findings };
}

export type MarkerKind = 'violent' | 'mental-health' | 'hostel' | 'care-in-community' | 'other';
export type RiskVerdict = {
  // clear: nothing asks for precautions; ready: they are in place; needs-accompaniment: they are not.
  outcome: 'clear' | 'needs-accompaniment' | 'ready';
  rule: 'no-risk' | 'flagged-address' | 'out-of-hours-alone';
  reason: string;
  missing: ('second-officer' | 'team-leader-advice')[];
};

const markerText: Record<MarkerKind, string> = {
  violent: 'potentially violent person',
  'mental-health': 'known mental health risk',
  hostel: 'hostel',
  'care-in-community': 'care in the community accommodation',
  other: 'caution before contact',
};

const missingText = {
  'second-officer': 'a second named officer',
  'team-leader-advice': 'a team leader’s recorded advice',
} as const;

// 000's unaccompanied visits list and 004's caution before contact: a flagged address is visited by
// two named officers and with a team leader's recorded advice. A visit out of hours made alone also
// needs the team leader's advice first.
export function riskVerdict(
  markers: readonly { kind: MarkerKind }[],
  visit: { secondOfficerId: string | null; advice: string | null; outOfHours: boolean },
): RiskVerdict {
  const accompanied = visit.secondOfficerId !== null;
  const advised = Boolean(visit.advice?.trim());
  if (markers.length === 0) {
    return !visit.outOfHours || accompanied || advised
      ? { outcome: 'clear', rule: 'no-risk', reason: 'No risk is recorded for this visit', missing: [] }
      : {
          outcome: 'needs-accompaniment',
          rule: 'out-of-hours-alone',
          reason: `An unaccompanied visit out of hours needs a team leader’s advice first ${cite.unaccompanied}`,
          missing: ['team-leader-advice'],
        };
  }
  const flags = [...new Set(markers.map((marker) => markerText[marker.kind]))].join(', ');
  const missing: RiskVerdict['missing'] = [];
  if (!accompanied) missing.push('second-officer');
  if (!advised) missing.push('team-leader-advice');
  const why = `The address is flagged (${flags})`;
  return {
    outcome: missing.length ? 'needs-accompaniment' : 'ready',
    rule: 'flagged-address',
    reason: missing.length
      ? `${why}: the visit needs ${missing.map((what) => missingText[what]).join(' and ')} before it starts ${cite.unaccompanied} ${cite.caution}`
      : `${why}: a second officer goes and a team leader’s advice is recorded ${cite.unaccompanied} ${cite.caution}`,
    missing,
  };
}

export type ConflictLink = {
  declaredName: string;
  relationship: string;
  matchedOn: 'name' | 'address' | 'account';
};
export type ConflictVerdict = {
  outcome: 'clear' | 'blocked';
  rule: 'no-conflict' | 'relative-or-friend';
  reason: string;
};

const matchedText: Record<ConflictLink['matchedOn'], string> = {
  name: 'the name visited',
  address: 'the address',
  account: 'the account',
};

// 000: "COs should not visit any member of the public who is a relative or friend", and bring it to
// their line manager's attention; the visit goes to another officer.
export function conflictVerdict(links: readonly ConflictLink[]): ConflictVerdict {
  if (links.length === 0) {
    return {
      outcome: 'clear',
      rule: 'no-conflict',
      reason: 'No declared relative or friend matches this visit',
    };
  }
  // The register of interests is need-to-know: the plan's readers (a responsible officer) are told
  // there is a declared link and what matched, never whom the officer declared.
  const matched = [...new Set(links.map((link) => matchedText[link.matchedOn]))].join(' and ');
  return {
    outcome: 'blocked',
    rule: 'relative-or-friend',
    reason: `The officer has declared a relative, friend or someone they know here (matching ${matched}): the visit must be reallocated to another officer and their line manager told ${cite.relatives}`,
  };
}

export type Blocker = { check: 'hours' | 'risk' | 'conflict'; rule: string; reason: string };
export type Readiness = {
  ready: boolean;
  blockers: Blocker[];
  hours: HoursVerdict;
  risk: RiskVerdict;
  conflict: ConflictVerdict;
};

// Everything standing between a visit and its start, for the page: hours refused, out-of-hours work
// not yet authorised by the line manager, precautions missing, a conflict.
export function visitReadiness(input: {
  timing: VisitTiming;
  settings: HoursSettings;
  authorisedById: string | null;
  markers: readonly { kind: MarkerKind }[];
  secondOfficerId: string | null;
  advice: string | null;
  links: readonly ConflictLink[];
}): Readiness {
  const hours = hoursVerdict(input.timing, input.settings);
  const risk = riskVerdict(input.markers, { ...input, outOfHours: hours.outOfHours });
  const conflict = conflictVerdict(input.links);
  const blocks = (outcome: HoursOutcome) =>
    outcome === 'refused' || (outcome === 'needs-authorisation' && input.authorisedById === null);
  const blockers: Blocker[] = [
    ...hours.findings
      .filter((finding) => blocks(finding.outcome))
      .map(({ rule, reason }) => ({ check: 'hours' as const, rule, reason })),
    ...[risk]
      .filter((verdict) => verdict.outcome === 'needs-accompaniment')
      .map(({ rule, reason }) => ({ check: 'risk' as const, rule, reason })),
    ...[conflict]
      .filter((verdict) => verdict.outcome === 'blocked')
      .map(({ rule, reason }) => ({ check: 'conflict' as const, rule, reason })),
  ];
  return { ready: blockers.length === 0, blockers, hours, risk, conflict };
}
