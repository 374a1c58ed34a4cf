import type { Problem, Solution, Vehicle } from '../../../platform/routing/solve.ts';

// A team's day as a routing problem [004: "plan daily workload to ensure the most efficient
// route"]: each officer a vehicle from their start to their end within their working hours, each
// visit a customer with its duration and the minutes it may start in, a visit needing two officers
// a pair served together, an officer never given a visit the conflict check blocks for them.
// Times are minutes of the day; travel is in whole minutes, rounded up.

export type Point = { latitude: number; longitude: number };

export type OfficerDay = {
  id: string;
  start: Point;
  end: Point;
  /** Working hours, minutes of the day. */
  from: number;
  until: number;
};

export type Stop = {
  key: string;
  place: Point;
  minutes: number;
  premises: 'domestic' | 'business';
  tradingHours: { from: string; until: string } | null;
  /** A promised appointment: the visit starts inside it (minutes of the day). */
  appointment: { from: number; until: number } | null;
  /** Two officers go: the address is flagged [000 unaccompanied visits; 004 caution before contact]. */
  accompanied: boolean;
  /** Officers the conflict check blocks for this visit. */
  blocked: ReadonlySet<string>;
  /** The officer the case is allocated to, who keeps it unless moving it saves more. */
  owner: string | null;
};

// Giving a visit to an officer other than the one it is allocated to costs as much as this many
// minutes of travel: the team's allocation holds unless the rules, or real savings, say otherwise.
export const reallocationMinutes = 30;

/** A stop with the minutes it may start in, from the hours rules (windows.ts). */
export type Timed = Stop & { window: { from: number; until: number } };

export type Visit = {
  key: string;
  start: number;
  finish: number;
  travel: number;
  withOfficer: string | null;
};
export type Route = { officerId: string; leave: number; back: number; travel: number; visits: Visit[] };
export type Unplanned = { key: string; reason: string };
export type DayPlan = { routes: Route[]; unplanned: Unplanned[] };

/** Nodes of the problem: the first officer's start as depot, one or two per visit, then every start and end. */
export type Layout = { points: Point[]; visitOf: number[]; problem: Omit<Problem, 'matrix'> };

export function layout(officers: readonly OfficerDay[], stops: readonly Timed[]): Layout {
  const visitOf: number[] = [-1];
  const owners: number[] = [];
  const customers: Problem['customers'] = [];
  const together: [number, number][] = [];
  const points: Point[] = [officers[0]?.start ?? { latitude: 0, longitude: 0 }];
  stops.forEach((stop, s) => {
    const copies = stop.accompanied ? 2 : 1;
    for (let k = 0; k < copies; k++) {
      const site = {
        x: 0,
        y: 0,
        demand: 0,
        ready: stop.window.from,
        due: stop.window.until,
        service: stop.minutes,
      };
      customers.push(site);
      visitOf.push(s);
      owners.push(officers.findIndex((officer) => officer.id === stop.owner));
      points.push(stop.place);
    }
    if (copies === 2) together.push([customers.length - 1, customers.length]);
  });
  const placeNode = (point: Point) => {
    points.push(point);
    return points.length - 1;
  };
  const vehicles: Vehicle[] = officers.map((officer) => ({
    start: placeNode(officer.start),
    end: placeNode(officer.end),
    ready: officer.from,
    due: officer.until,
    forbidden: visitOf.flatMap((s, node) => (s >= 0 && stops[s]?.blocked.has(officer.id) ? [node] : [])),
  }));
  const places = points.slice(customers.length + 1).map(() => ({ x: 0, y: 0 }));
  const depot = { x: 0, y: 0, demand: 0, ready: 0, due: 1440, service: 0 };
  const preferred = { vehicleOf: owners, cost: reallocationMinutes };
  return {
    points,
    visitOf,
    problem: { depot, customers, capacity: 1, places, vehicles, together, preferred },
  };
}

/** Seconds of travel between points → whole minutes, rounded up. */
export function minutesMatrix(seconds: ArrayLike<number>): Float64Array {
  return Float64Array.from(seconds, (value) => Math.ceil(value / 60));
}

const noRoom = 'No officer can fit it into their day with the other visits, inside the hours it may start in';

export function readDay(
  officers: readonly OfficerDay[],
  stops: readonly Timed[],
  plan: { layout: Layout; matrix: ArrayLike<number>; solution: Solution },
): DayPlan {
  const { visitOf, problem } = plan.layout;
  const size = plan.layout.points.length;
  const leg = (from: number, to: number) => plan.matrix[from * size + to] as number;
  const officerAt = new Map<number, string>();
  plan.solution.routes.forEach((route, r) => {
    for (const node of route) officerAt.set(node, officers[r]?.id ?? '');
  });
  const partnerOf = new Map(
    (problem.together ?? []).flatMap(
      ([a, b]) =>
        [
          [a, b],
          [b, a],
        ] as const,
    ),
  );
  const routes = officers.map((officer, r): Route => {
    const nodes = plan.solution.routes[r] ?? [];
    const starts = plan.solution.starts[r] ?? [];
    const vehicle = problem.vehicles?.[r] as Vehicle;
    let at = vehicle.start;
    let travel = 0;
    const visits = nodes.map((node, k) => {
      const stop = stops[visitOf[node] as number] as Timed;
      const minutes = leg(at, node);
      travel += minutes;
      at = node;
      const partner = partnerOf.get(node);
      const withOfficer = partner === undefined ? null : (officerAt.get(partner) ?? null);
      const start = starts[k] as number;
      return { key: stop.key, start, finish: start + stop.minutes, travel: minutes, withOfficer };
    });
    const last = visits.at(-1);
    const home = leg(at, vehicle.end);
    const leave = visits[0] ? visits[0].start - visits[0].travel : officer.from;
    return {
      officerId: officer.id,
      leave,
      back: last ? last.finish + home : officer.from,
      travel: travel + (last ? home : 0),
      visits,
    };
  });
  const keys = new Set(plan.solution.unassigned.map((node) => stops[visitOf[node] as number]?.key ?? ''));
  return { routes, unplanned: [...keys].map((key) => ({ key, reason: noRoom })) };
}
