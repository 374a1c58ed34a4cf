import type { PlanningDeps } from '../context.ts';
import type { DayFacts } from './check.ts';
import type { Day, StoredStop } from './repository.ts';
import { minutesMatrix, type Point, type Timed } from './rules.ts';
import { allowedStarts } from './windows.ts';

// What checking and re-timing a stored day need: travel between its places, its visits with the
// minutes they may start in, and the facts the checker reads.

const keyOf = (point: Point) => `${point.latitude},${point.longitude}`;

/** Travel minutes between any two of these places, asked of the council's travel source at once. */
export async function travelBetween(deps: PlanningDeps, councilId: string, points: readonly Point[]) {
  const unique = [...new Map(points.map((point) => [keyOf(point), point])).values()];
  const minutes = minutesMatrix(await deps.sources.travelSeconds(councilId, unique));
  const index = new Map(unique.map((point, i) => [keyOf(point), i]));
  return (a: Point, b: Point) => {
    const from = index.get(keyOf(a));
    const to = index.get(keyOf(b));
    if (from === undefined || to === undefined) throw new RangeError('A place outside the day was asked for');
    return minutes[from * unique.length + to] as number;
  };
}

export const stopOf = (stored: StoredStop) => ({ ...stored, blocked: new Set(stored.blocked) });

export function timedStops(day: Day, date: string, settings: DayFacts['settings']): Map<string, Timed> {
  const span = {
    date,
    from: Math.min(...day.officers.map((officer) => officer.from)),
    until: Math.max(...day.officers.map((officer) => officer.until)),
  };
  const timed = new Map<string, Timed>();
  for (const stored of day.stops) {
    const stop = stopOf(stored);
    const window = allowedStarts(stop, span, settings) ?? { from: 0, until: -1 };
    timed.set(stop.key, { ...stop, window });
  }
  return timed;
}

export function dayPoints(day: Day): Point[] {
  return [
    ...day.officers.flatMap((officer) => [officer.start, officer.end]),
    ...day.stops.map((stop) => stop.place),
  ];
}

export function factsOf(
  day: Day,
  date: string,
  settings: DayFacts['settings'],
  travel: DayFacts['travel'],
): DayFacts {
  const stops = new Map(day.stops.map((stored) => [stored.key, stopOf(stored)]));
  return {
    date,
    officers: day.officers,
    stops,
    settings,
    travel,
    // A blocked officer stands for a declared relative or friend at the visit; whom is not stored here.
    linksFor: (officerId, key) =>
      stops.get(key)?.blocked.has(officerId)
        ? [{ declaredName: '', relationship: '', matchedOn: 'name' as const }]
        : [],
  };
}
