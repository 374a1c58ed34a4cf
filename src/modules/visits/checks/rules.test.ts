import { describe, expect, it } from 'vitest';
import { timeText } from '../../../platform/calendar/date-text.ts';
import { startOfLondonDay, sunTimes } from '../../../platform/calendar/daylight.ts';
import { defaultPolicy } from '../../organisation/service.ts';
import {
  conflictVerdict,
  defaultPlace,
  type HoursOutcome,
  type HoursRule,
  hoursVerdict,
  type MarkerKind,
  riskVerdict,
  type VisitTiming,
  visitReadiness,
} from './rules.ts';

const settings = defaultPolicy();
const minute = 60_000;

// A London wall-clock time on a day without a clock change.
const at = (date: string, time: string) => {
  const [hours = 0, minutes = 0] = time.split(':').map(Number);
  return new Date(startOfLondonDay(date).getTime() + (hours * 60 + minutes) * minute);
};
const later = (instant: Date, minutes: number) => new Date(instant.getTime() + minutes * minute);

const wednesday = '2026-06-17';
const saturday = '2026-06-20';
const sunday = '2026-06-21';

const timing = (start: Date, finish: Date, overrides: Partial<VisitTiming> = {}): VisitTiming => ({
  start,
  finish,
  place: null,
  purpose: 'enquiry',
  premises: 'domestic',
  tradingHours: null,
  begunAt: null,
  courtOrder: null,
  notified: true,
  ...overrides,
});
const visit = (from: string, until: string, overrides: Partial<VisitTiming> = {}) =>
  timing(at(wednesday, from), at(wednesday, until), overrides);
const unNotified = { notified: false };
const takingControl = { purpose: 'taking-control' } as const;
const business = (from: string, until: string) =>
  ({ ...takingControl, premises: 'business', tradingHours: { from, until } }) as const;

// Midsummer weekdays, so that daylight (04:43 to 21:21 in London) does not decide these rows.
describe('the hours a visit may be made at', () => {
  it.each<[string, VisitTiming, HoursOutcome, HoursRule, HoursRule[]]>([
    ['[000 out-of-hours] finishing at 18:00 is in hours', visit('17:00', '18:00'), 'allowed', 'in-hours', []],
    [
      '[000 out-of-hours] starting at 18:00 is out of hours',
      visit('18:00', '18:30'),
      'needs-authorisation',
      'out-of-hours:evening',
      ['out-of-hours:evening'],
    ],
    [
      '[000 out-of-hours] running a minute past 18:00 is out of hours',
      visit('17:30', '18:01'),
      'needs-authorisation',
      'out-of-hours:evening',
      ['out-of-hours:evening'],
    ],
    [
      '[000 out-of-hours] a Saturday is out of hours',
      timing(at(saturday, '10:00'), at(saturday, '11:00')),
      'needs-authorisation',
      'out-of-hours:weekend',
      ['out-of-hours:weekend'],
    ],
    [
      '[000 out-of-hours] a Sunday is out of hours',
      timing(at(sunday, '10:00'), at(sunday, '11:00')),
      'needs-authorisation',
      'out-of-hours:weekend',
      ['out-of-hours:weekend'],
    ],
    [
      '[000 out-of-hours] a Friday visit running into Saturday is out of hours',
      timing(at('2026-06-19', '23:30'), at(saturday, '00:30')),
      'needs-authorisation',
      'out-of-hours:evening',
      ['out-of-hours:evening', 'out-of-hours:weekend', 'out-of-hours:non-daylight'],
    ],
    [
      '[000 out-of-hours] an un-notified visit may start at 07:00',
      visit('07:00', '08:00', unNotified),
      'allowed',
      'in-hours',
      [],
    ],
    [
      '[000 out-of-hours] no un-notified visit before 07:00',
      visit('06:59', '07:30', unNotified),
      'refused',
      'un-notified-hours',
      ['un-notified-hours'],
    ],
    [
      '[000 out-of-hours] a notified visit may start before 07:00',
      visit('06:59', '07:30'),
      'allowed',
      'in-hours',
      [],
    ],
    [
      '[000 out-of-hours] an un-notified visit may finish at 20:00',
      visit('19:00', '20:00', unNotified),
      'needs-authorisation',
      'out-of-hours:evening',
      ['out-of-hours:evening'],
    ],
    [
      '[000 out-of-hours] no un-notified visit after 20:00',
      visit('19:30', '20:01', unNotified),
      'refused',
      'un-notified-hours',
      ['un-notified-hours', 'out-of-hours:evening'],
    ],
    [
      '[004] taking control from 06:00 exactly',
      visit('06:00', '06:30', takingControl),
      'allowed',
      'in-hours',
      [],
    ],
    [
      '[004] no taking control before 06:00',
      visit('05:59', '06:30', takingControl),
      'refused',
      'enforcement-hours',
      ['enforcement-hours'],
    ],
    [
      '[004] taking control must finish by 21:00, and may finish at 21:00',
      visit('20:30', '21:00', takingControl),
      'needs-authorisation',
      'out-of-hours:evening',
      ['out-of-hours:evening'],
    ],
    [
      '[004] taking control finishing at 21:01 is refused',
      visit('20:30', '21:01', takingControl),
      'refused',
      'enforcement-hours',
      ['enforcement-hours', 'out-of-hours:evening'],
    ],
    [
      '[004] the permitted hours bind taking control only, not an enquiry',
      visit('20:30', '21:01'),
      'needs-authorisation',
      'out-of-hours:evening',
      ['out-of-hours:evening'],
    ],
    [
      '[004; TCG reg 13] business premises within their trading hours',
      visit('21:00', '21:30', business('08:00', '23:00')),
      'needs-authorisation',
      'out-of-hours:evening',
      ['enforcement-hours:trading-hours', 'out-of-hours:evening', 'out-of-hours:non-daylight'],
    ],
    [
      '[004; TCG reg 13] business premises, running past their trading hours',
      visit('21:00', '21:30', business('08:00', '21:15')),
      'refused',
      'enforcement-hours',
      ['enforcement-hours', 'out-of-hours:evening', 'out-of-hours:non-daylight'],
    ],
    [
      '[004; TCG reg 13] business premises trading past midnight, in the evening',
      visit('23:00', '23:45', business('18:00', '02:00')),
      'needs-authorisation',
      'out-of-hours:evening',
      ['enforcement-hours:trading-hours', 'out-of-hours:evening', 'out-of-hours:non-daylight'],
    ],
    [
      '[004; TCG reg 13] business premises trading past midnight, after midnight',
      visit('01:00', '01:30', business('18:00', '02:00')),
      'needs-authorisation',
      'out-of-hours:non-daylight',
      ['enforcement-hours:trading-hours', 'out-of-hours:non-daylight'],
    ],
    [
      '[004; TCG reg 13] trading hours count for business premises only',
      visit('21:00', '21:15', { ...business('08:00', '23:00'), premises: 'domestic' }),
      'refused',
      'enforcement-hours',
      ['enforcement-hours', 'out-of-hours:evening'],
    ],
    [
      '[004; TCG reg 13] a court order',
      visit('21:00', '21:15', { ...takingControl, courtOrder: 'CO/2026/123' }),
      'needs-authorisation',
      'out-of-hours:evening',
      ['enforcement-hours:court-order', 'out-of-hours:evening'],
    ],
    [
      '[004; TCG reg 13] a court order must be recorded, not blank',
      visit('21:00', '21:15', { ...takingControl, courtOrder: '  ' }),
      'refused',
      'enforcement-hours',
      ['enforcement-hours', 'out-of-hours:evening'],
    ],
    [
      '[004; TCG reg 13] work begun at 20:30 may continue past 21:00',
      visit('20:30', '21:15', { ...takingControl, begunAt: at(wednesday, '20:30') }),
      'needs-authorisation',
      'out-of-hours:evening',
      ['enforcement-hours:begun-in-hours', 'out-of-hours:evening'],
    ],
    [
      '[004; TCG reg 13] work begun after 21:00 was not begun in hours',
      visit('21:01', '21:15', { ...takingControl, begunAt: at(wednesday, '21:01') }),
      'refused',
      'enforcement-hours',
      ['enforcement-hours', 'out-of-hours:evening'],
    ],
    [
      '[004; TCG reg 13] work begun in hours does not allow starting before 06:00',
      visit('05:30', '06:30', { ...takingControl, begunAt: at(wednesday, '06:10') }),
      'refused',
      'enforcement-hours',
      ['enforcement-hours'],
    ],
    [
      '[004; TCG reg 13] work begun the day before is not continued',
      visit('20:30', '21:15', { ...takingControl, begunAt: at('2026-06-16', '20:30') }),
      'refused',
      'enforcement-hours',
      ['enforcement-hours', 'out-of-hours:evening'],
    ],
  ])('%s', (_rule, timing, outcome, rule, findings) => {
    const verdict = hoursVerdict(timing, settings);
    expect({ outcome: verdict.outcome, rule: verdict.rule }).toEqual({ outcome, rule });
    expect(verdict.findings.map((finding) => finding.rule)).toEqual(findings);
    expect(verdict.outOfHours).toBe(findings.some((finding) => finding.startsWith('out-of-hours')));
  });

  it('says why, citing the policy, in every finding', () => {
    const verdict = hoursVerdict(visit('20:30', '21:30', { ...takingControl, notified: false }), settings);
    const sunset = timeText(sunTimes(wednesday, defaultPlace).sunset);
    expect(verdict.reason).toBe(
      'An un-notified visit must be between 7am and 8pm, without exception: put it on the notified plan or move it [000 out-of-hours]',
    );
    expect(verdict.findings.map((finding) => finding.reason)).toEqual([
      verdict.reason,
      'Taking control of goods must be between 6am and 9pm unless the premises are a business within its trading hours, the work was begun within those hours, or a court order allows it [004; Taking Control of Goods Regulations 2013, regulations 12, 13, 21 and 22]',
      'The visit starts at 8:30pm, at or after 6pm: out-of-hours visits need a valid reason and line manager authorisation [000 out-of-hours]',
      `The visit runs past sunset (${sunset}) at the address: out-of-hours visits need a valid reason and line manager authorisation [000 out-of-hours]`,
    ]);
  });

  it('says which exception allows taking control outside the permitted hours', () => {
    const verdict = hoursVerdict(
      visit('21:00', '21:15', { ...takingControl, courtOrder: 'CO/2026/123' }),
      settings,
    );
    expect(verdict.findings[0]?.reason).toBe(
      'Taking control outside 6am to 9pm is allowed: court order CO/2026/123 [004; Taking Control of Goods Regulations 2013, regulations 12, 13, 21 and 22]',
    );
  });

  it('reads the council’s own hours from its settings [000 out-of-hours]', () => {
    const earlier = { ...settings, outOfHoursFrom: '17:30' };
    expect(hoursVerdict(visit('17:00', '17:30'), earlier).outcome).toBe('allowed');
    expect(hoursVerdict(visit('17:00', '17:31'), earlier).rule).toBe('out-of-hours:evening');
  });

  it('refuses times that finish before they start', () => {
    expect(() => hoursVerdict(visit('10:00', '09:00'), settings)).toThrow(RangeError);
  });
});

// 000: work "in non-daylight hours", "before sunrise or after sunset at the address", including
// "visits in the morning when it is not yet light". Sunrise and sunset are read from the same
// calculation the rule uses, a minute either side.
describe('daylight at the address [000 out-of-hours]', () => {
  const winter = '2026-12-15'; // a Tuesday
  const summer = sunday;
  it.each<[string, string, 'sunrise' | 'sunset', number, boolean]>([
    ['winter: starting a minute before sunrise', winter, 'sunrise', -1, true],
    ['winter: starting at sunrise', winter, 'sunrise', 0, false],
    ['winter: finishing at sunset', winter, 'sunset', 0, false],
    ['winter: finishing a minute after sunset', winter, 'sunset', 1, true],
    ['summer: starting a minute before sunrise', summer, 'sunrise', -1, true],
    ['summer: starting at sunrise', summer, 'sunrise', 0, false],
    ['summer: finishing at sunset', summer, 'sunset', 0, false],
    ['summer: finishing a minute after sunset', summer, 'sunset', 1, true],
  ])('%s (%s)', (_case, date, edge, offset, dark) => {
    const sun = sunTimes(date, defaultPlace);
    const start = edge === 'sunrise' ? later(sun.sunrise, offset) : later(sun.sunset, offset - 30);
    const verdict = hoursVerdict(timing(start, later(start, 30)), settings);
    expect(verdict.findings.some((finding) => finding.rule === 'out-of-hours:non-daylight')).toBe(dark);
  });

  it('judges daylight where the visit is, and in London when its place is not known', () => {
    const lerwick = { latitude: 60.1546, longitude: -1.1494 };
    const start = at('2026-12-15', '08:45');
    expect(sunTimes('2026-12-15', lerwick).sunrise > start).toBe(true);
    expect(sunTimes('2026-12-15', defaultPlace).sunrise <= start).toBe(true);
    const unplaced = timing(start, later(start, 30));
    expect(hoursVerdict({ ...unplaced, place: lerwick }, settings).rule).toBe('out-of-hours:non-daylight');
    expect(hoursVerdict(unplaced, settings).rule).toBe('in-hours');
  });
});

describe('risk markers and accompaniment [000 unaccompanied visits; 004 caution before contact]', () => {
  const marked = (...kinds: MarkerKind[]) => kinds.map((kind) => ({ kind }));
  it.each<[string, MarkerKind[], string | null, string | null, boolean, string, string[]]>([
    ['no marker, in hours', [], null, null, false, 'clear', []],
    [
      'no marker, out of hours alone without advice',
      [],
      null,
      null,
      true,
      'needs-accompaniment',
      ['team-leader-advice'],
    ],
    ['no marker, out of hours alone with advice', [], null, 'Call in every 30 minutes', true, 'clear', []],
    ['no marker, out of hours accompanied', [], 'officer-2', null, true, 'clear', []],
    [
      'potentially violent, nothing in place',
      ['violent'],
      null,
      null,
      false,
      'needs-accompaniment',
      ['second-officer', 'team-leader-advice'],
    ],
    [
      'mental health risk, second officer only',
      ['mental-health'],
      'officer-2',
      null,
      false,
      'needs-accompaniment',
      ['team-leader-advice'],
    ],
    [
      'hostel, advice only',
      ['hostel'],
      null,
      'Meet the warden first',
      false,
      'needs-accompaniment',
      ['second-officer'],
    ],
    [
      'care in the community, both in place',
      ['care-in-community'],
      'officer-2',
      'Go in pairs',
      false,
      'ready',
      [],
    ],
    [
      'caution before contact, blank advice',
      ['other'],
      'officer-2',
      '   ',
      false,
      'needs-accompaniment',
      ['team-leader-advice'],
    ],
  ])('%s', (_case, kinds, secondOfficerId, advice, outOfHours, outcome, missing) => {
    const verdict = riskVerdict(marked(...kinds), { secondOfficerId, advice, outOfHours });
    expect({ outcome: verdict.outcome, missing: verdict.missing }).toEqual({ outcome, missing });
  });

  it('names the flags and the policy', () => {
    const verdict = riskVerdict(marked('violent', 'hostel', 'violent'), {
      secondOfficerId: null,
      advice: null,
      outOfHours: false,
    });
    expect(verdict).toMatchObject({
      rule: 'flagged-address',
      reason:
        'The address is flagged (potentially violent person, hostel): the visit needs a second named officer and a team leader’s recorded advice before it starts [000 unaccompanied visits] [004 caution before contact]',
    });
  });
});

describe('relatives and friends [000 relatives and friends]', () => {
  it('clears a visit nobody declared', () => {
    expect(conflictVerdict([])).toMatchObject({ outcome: 'clear', rule: 'no-conflict' });
  });

  it('blocks a visit to someone the officer declared, saying it goes to another officer without naming them', () => {
    expect(
      conflictVerdict([
        { declaredName: 'Ann Lee', relationship: 'sister', matchedOn: 'name' },
        { declaredName: 'Bo Reed', relationship: 'friend', matchedOn: 'account' },
      ]),
    ).toEqual({
      outcome: 'blocked',
      rule: 'relative-or-friend',
      reason:
        'The officer has declared a relative, friend or someone they know here (matching the name visited and the account): the visit must be reallocated to another officer and their line manager told [000 relatives and friends]',
    });
  });
});

describe('what stands between a visit and its start', () => {
  const ready = {
    timing: visit('10:00', '11:00'),
    settings,
    authorisedById: null,
    markers: [],
    secondOfficerId: null,
    advice: null,
    links: [],
  };
  const blockers = (overrides: Partial<typeof ready> & Record<string, unknown>) =>
    visitReadiness({ ...ready, ...overrides }).blockers.map(({ check, rule }) => `${check}: ${rule}`);

  it.each<[string, Record<string, unknown>, string[]]>([
    ['[000] a weekday daytime visit is ready', {}, []],
    [
      '[000 out-of-hours] evening work, not authorised, alone without advice',
      { timing: visit('18:00', '19:00') },
      ['hours: out-of-hours:evening', 'risk: out-of-hours-alone'],
    ],
    [
      '[000 out-of-hours] evening work authorised, with advice',
      { timing: visit('18:00', '19:00'), authorisedById: 'manager', advice: 'Ring after each call' },
      [],
    ],
    [
      '[000 out-of-hours] authorisation does not lift a refusal',
      {
        timing: visit('19:30', '20:30', unNotified),
        authorisedById: 'manager',
        secondOfficerId: 'officer-2',
      },
      ['hours: un-notified-hours'],
    ],
    [
      '[000 unaccompanied visits] a flagged address without precautions',
      { markers: [{ kind: 'violent' }] },
      ['risk: flagged-address'],
    ],
    [
      '[000 relatives and friends] a declared relative',
      { links: [{ declaredName: 'Ann Lee', relationship: 'sister', matchedOn: 'address' }] },
      ['conflict: relative-or-friend'],
    ],
  ])('%s', (_case, overrides, expected) => {
    expect(blockers(overrides)).toEqual(expected);
    expect(visitReadiness({ ...ready, ...overrides }).ready).toBe(expected.length === 0);
  });
});
