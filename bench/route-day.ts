// npm run bench:day [SEARCH_MS]: a realistic day for route planning. Fifteen enforcement agents and 400 visits
// in one district (some to businesses open for set hours, some with appointments, some at flagged
// addresses needing two officers, some that an officer's declared relative or friend blocks),
// planned in one go; the plan is then checked by the rules the app enforces, not by the solver.
// Target: planned in under 10 s with every rule met.

import { defaultPolicy } from '../src/modules/organisation/service.ts';
import { checkDay } from '../src/modules/planning/day/check.ts';
import { planDay } from '../src/modules/planning/day/plan.ts';
import type { OfficerDay, Point, Stop } from '../src/modules/planning/day/rules.ts';
import { straightLineMatrix, straightLineSeconds } from '../src/platform/geo/travel.ts';
import { seededRandom } from '../src/platform/routing/problem.ts';

const date = '2027-04-14'; // a Wednesday
const office: Point = { latitude: 52.2405, longitude: -0.9027 };
const roads = { roadFactor: 1.3, speedKmh: 25 };

function district(seed: number) {
  const random = seededRandom(seed);
  const near = (spread: number): Point => ({
    latitude: office.latitude + (random() - 0.5) * spread,
    longitude: office.longitude + (random() - 0.5) * spread * 1.6,
  });
  const officers: OfficerDay[] = Array.from({ length: 15 }, (_, k) => {
    const home = k < 10 ? office : near(0.12);
    return { id: `officer-${k + 1}`, start: home, end: home, from: 8 * 60 + 30, until: 17 * 60 };
  });
  const stops: Stop[] = Array.from({ length: 400 }, (_, k) => {
    const business = k % 10 === 0;
    const appointmentAt = 9 * 60 + Math.floor(random() * 14) * 30;
    const blockedFor = k % 20 === 7 ? [`officer-${1 + Math.floor(random() * 15)}`] : [];
    const place = near(0.06);
    // Cases are allocated by patch: fifteen sectors around the office.
    const bearing = Math.atan2(place.latitude - office.latitude, place.longitude - office.longitude);
    const patch = Math.min(14, Math.floor(((bearing + Math.PI) / (2 * Math.PI)) * 15));
    return {
      key: `visit-${k + 1}`,
      place,
      owner: `officer-${patch + 1}`,
      minutes: k % 20 === 0 ? 30 : k % 4 === 0 ? 15 : 10,
      premises: business ? 'business' : 'domestic',
      tradingHours: business ? { from: k % 20 === 0 ? '10:00' : '09:00', until: '17:30' } : null,
      appointment: k % 13 === 5 ? { from: appointmentAt, until: appointmentAt + 60 } : null,
      accompanied: k % 27 === 3,
      blocked: new Set(blockedFor),
    };
  });
  return { officers, stops };
}

export async function benchDay(timeLimitMs = 6000): Promise<void> {
  const { officers, stops } = district(2027);
  const settings = defaultPolicy();
  const started = performance.now();
  const plan = await planDay({
    date,
    officers,
    stops,
    settings,
    travelSeconds: async (points) => straightLineMatrix(points, roads).flat(),
    timeLimitMs,
  });
  const seconds = (performance.now() - started) / 1000;
  const travel = (from: Point, to: Point) => Math.ceil(straightLineSeconds(from, to, roads) / 60);
  const byKey = new Map(stops.map((stop) => [stop.key, { ...stop, address: stop.key }]));
  const problems = checkDay(plan, {
    date,
    officers,
    stops: byKey,
    settings,
    travel,
    linksFor: (officerId, key) =>
      byKey.get(key)?.blocked.has(officerId)
        ? [{ declaredName: 'a relative', relationship: 'relative', matchedOn: 'address' }]
        : [],
  });
  const planned = new Set(plan.routes.flatMap((route) => route.visits.map((visit) => visit.key)));
  const travelled = plan.routes.reduce((sum, route) => sum + route.travel, 0);
  const latest = Math.max(...plan.routes.map((route) => route.back));
  console.log(
    '\nA team’s day: 15 officers, 400 visits (40 businesses, 31 appointments, 15 accompanied, 20 blocked)',
  );
  console.log(`planned ${planned.size} visits, ${plan.unplanned.length} left unplanned`);
  console.log(
    `travel ${travelled} minutes in all; last officer back at ${Math.floor(latest / 60)}:${String(latest % 60).padStart(2, '0')}`,
  );
  console.log(`rules broken: ${problems.length}${problems.length ? ` (${problems[0]?.message})` : ''}`);
  console.log(`planned in ${seconds.toFixed(2)} s (target < 10 s, every rule met)`);
}

if (import.meta.main) await benchDay(Number(process.argv[2] ?? 6000));
