import { describe, expect, it } from 'vitest';
import { defaultPolicy } from '../../organisation/service.ts';
import { checkDay, type DayFacts } from './check.ts';
import { planDay } from './plan.ts';
import type { DayPlan, OfficerDay, Point, Stop } from './rules.ts';

// A small day planned end to end, then held to the rules by the checker; and the checker
// catching each rule a hand-made plan breaks.

const date = '2027-04-14';
const settings = defaultPolicy();
const office: Point = { latitude: 52.24, longitude: -0.9 };
const at = (km: number): Point => ({ latitude: office.latitude + km / 111, longitude: office.longitude });
// Straight along a meridian: one minute a kilometre.
const travelMinutes = (a: Point, b: Point) => Math.ceil(Math.abs(a.latitude - b.latitude) * 111 - 1e-9);
const travelSeconds = async (points: Point[]) =>
  points.flatMap((a) => points.map((b) => travelMinutes(a, b) * 60));

const officers: OfficerDay[] = ['amy', 'ben', 'cat'].map((id) => ({
  id,
  start: office,
  end: office,
  from: 540,
  until: 1020,
}));
const stop = (key: string, km: number, more: Partial<Stop> = {}): Stop => ({
  key,
  place: at(km),
  minutes: 20,
  premises: 'domestic',
  tradingHours: null,
  appointment: null,
  accompanied: false,
  blocked: new Set(),
  owner: null,
  ...more,
});
const stops: Stop[] = [
  stop('a', 1),
  stop('b', 2, { appointment: { from: 600, until: 630 } }),
  stop('c', 3, { accompanied: true }),
  stop('d', 4, { blocked: new Set(['amy', 'ben']) }),
  stop('e', 5, { premises: 'business', tradingHours: { from: '13:00', until: '15:00' } }),
  stop('f', 6),
  stop('g', 2, { appointment: { from: 1200, until: 1230 } }),
];

const facts = (): DayFacts => ({
  date,
  officers,
  stops: new Map(stops.map((s) => [s.key, { ...s, address: `stop ${s.key}` }])),
  settings,
  travel: travelMinutes,
  linksFor: (officerId, key) =>
    stops.find((s) => s.key === key)?.blocked.has(officerId)
      ? [{ declaredName: 'x', relationship: 'friend', matchedOn: 'name' }]
      : [],
});

describe('planDay', () => {
  it('plans every visit it can within the rules and says why the rest are not', async () => {
    const plan = await planDay({
      date,
      officers,
      stops,
      settings,
      travelSeconds,
      timeLimitMs: 5000,
      seed: 3,
    });
    expect(plan.unplanned).toEqual([
      {
        key: 'g',
        reason: 'It cannot start at any time the hours rules allow within the officers’ working hours',
      },
    ]);
    expect(checkDay(plan, facts())).toEqual([]);
    const visitsOf = (key: string) =>
      plan.routes.flatMap((route) =>
        route.visits.filter((v) => v.key === key).map((v) => ({ ...v, officerId: route.officerId })),
      );
    expect(visitsOf('d').map((v) => v.officerId)).toEqual(['cat']);
    const [first, second] = visitsOf('c');
    expect(first?.start).toBe(second?.start);
    expect(first?.withOfficer).toBe(second?.officerId);
    expect(visitsOf('b')[0]?.start).toBeGreaterThanOrEqual(600);
    expect(visitsOf('e')[0]?.start).toBeGreaterThanOrEqual(13 * 60);
  });
});

describe('checkDay', () => {
  const visit = (key: string, start: number, withOfficer: string | null = null) => ({
    key,
    start,
    finish: start + 20,
    travel: 0,
    withOfficer,
  });
  const route = (officerId: string, leave: number, visits: ReturnType<typeof visit>[]) => ({
    officerId,
    leave,
    back: 0,
    travel: 0,
    visits,
  });
  const rest = [
    { key: 'f', reason: 'x' },
    { key: 'g', reason: 'x' },
    { key: 'e', reason: 'x' },
  ];

  it.each([
    {
      name: 'a plan that keeps every rule',
      routes: [
        route('amy', 540, [visit('a', 541), visit('b', 600), visit('c', 640, 'ben')]),
        route('ben', 540, [visit('c', 640, 'amy')]),
        route('cat', 540, [visit('d', 544)]),
      ],
      problems: [],
    },
    {
      name: 'started before the officer can get there, and the appointment missed',
      routes: [
        route('amy', 540, [visit('b', 541)]),
        route('cat', 540, [visit('a', 541), visit('c', 560, 'ben'), visit('d', 600)]),
        route('ben', 540, [visit('c', 560, 'cat')]),
      ],
      problems: [
        'stop b: starts at 9:01am, before the officer can get there (9:02am)',
        'stop b: the appointment is 10am to 10:30am',
      ],
    },
    {
      name: 'a blocked officer, a flagged address visited alone, an evening visit',
      routes: [
        route('amy', 540, [visit('a', 541), visit('d', 1070), visit('c', 600)]),
        route('ben', 540, [visit('b', 600)]),
      ],
      problems: [
        'declared a relative',
        'needs a second named officer',
        'runs past 6pm',
        'planned for 1 officers, needs 2',
      ],
    },
    {
      name: 'back after the working day ends',
      routes: [route('cat', 540, [visit('d', 1000)])],
      problems: ['Back at 5:04pm, after their working day ends at 5pm'],
    },
  ])('$name', ({ routes, problems }) => {
    const plan: DayPlan = { routes, unplanned: rest };
    const found = checkDay(plan, facts()).map((problem) => problem.message);
    for (const expected of problems) expect(found.join('\n')).toContain(expected);
    if (problems.length === 0) expect(found).toEqual([]);
  });

  it('wants every visit planned or listed as unplanned', () => {
    const plan: DayPlan = { routes: [], unplanned: [] };
    expect(checkDay(plan, facts()).map((problem) => problem.message)).toContain(
      'stop a: neither planned nor listed as unplanned',
    );
  });
});
