import type { OfficerDay, Point, Route, Timed, Visit } from './rules.ts';

// The times of a day changed by hand: each officer's visits in the order given, each started as
// soon as the officer can be there and its window opens; a visit two officers make starts when
// both can be there. The checker then says what the new times break.

export type Order = { officerId: string; keys: string[] };

function timeRoute(
  officer: OfficerDay,
  keys: readonly string[],
  stops: ReadonlyMap<string, Timed>,
  context: { travel: (a: Point, b: Point) => number; floor: ReadonlyMap<string, number> },
): Route {
  let free = officer.from;
  let at = officer.start;
  let travelled = 0;
  const visits: Visit[] = [];
  for (const key of keys) {
    const stop = stops.get(key);
    if (!stop) continue;
    const travel = context.travel(at, stop.place);
    const start = Math.max(free + travel, stop.window.from, context.floor.get(key) ?? 0);
    visits.push({ key, start, finish: start + stop.minutes, travel, withOfficer: null });
    travelled += travel;
    free = start + stop.minutes;
    at = stop.place;
  }
  const first = visits[0];
  const home = visits.length ? context.travel(at, officer.end) : 0;
  return {
    officerId: officer.id,
    leave: first ? first.start - first.travel : officer.from,
    back: visits.length ? free + home : officer.from,
    travel: travelled + home,
    visits,
  };
}

export function schedule(
  officers: readonly OfficerDay[],
  stops: ReadonlyMap<string, Timed>,
  orders: readonly Order[],
  travel: (a: Point, b: Point) => number,
): Route[] {
  const floor = new Map<string, number>();
  let routes: Route[] = [];
  for (let round = 0; round <= orders.length; round++) {
    routes = orders.flatMap((order) => {
      const officer = officers.find((candidate) => candidate.id === order.officerId);
      return officer ? [timeRoute(officer, order.keys, stops, { travel, floor })] : [];
    });
    if (!synchronise(routes, floor)) break;
  }
  for (const route of routes)
    for (const visit of route.visits)
      visit.withOfficer =
        routes.find((other) => other !== route && other.visits.some((v) => v.key === visit.key))?.officerId ??
        null;
  return routes;
}

// Raises the start of a visit two officers make to the later of their two; true when one moved.
function synchronise(routes: readonly Route[], floor: Map<string, number>): boolean {
  const starts = new Map<string, number[]>();
  for (const route of routes)
    for (const visit of route.visits) starts.set(visit.key, [...(starts.get(visit.key) ?? []), visit.start]);
  let moved = false;
  for (const [key, both] of starts) {
    if (both.length < 2) continue;
    const latest = Math.max(...both);
    if (both.some((start) => start !== latest)) {
      floor.set(key, latest);
      moved = true;
    }
  }
  return moved;
}
