import { type Problem, type Site, travelMatrix } from './problem.ts';

// Checks a solution against the problem on its own, independent of the solver: every customer
// served exactly once (or declared unassigned, with a given fleet), loads within capacity,
// service started inside each window and no earlier than the vehicle can arrive, every vehicle
// used leaving its start no earlier than its hours allow and back at its end in time, no vehicle
// serving a customer it must not, pairs served by two vehicles at one moment; and recomputes the
// distance. A route is read up to its first stop that is not a customer.

export type Checked = { distance: number; violations: string[] };
export type Claimed = { starts?: number[][]; unassigned?: readonly number[] };

const tolerance = 1e-6;

type Leg = {
  start: number;
  end: number;
  ready: number;
  due: number;
  capacity: number;
  forbidden: Set<number>;
};

function vehicleOf(problem: Problem, r: number): Leg {
  const vehicle = problem.vehicles?.[r];
  const { depot, capacity } = problem;
  if (!vehicle)
    return { start: 0, end: 0, ready: depot.ready, due: depot.due, capacity, forbidden: new Set() };
  return { ...vehicle, capacity: vehicle.capacity ?? capacity, forbidden: new Set(vehicle.forbidden) };
}

export function check(problem: Problem, routes: number[][], claimed: Claimed = {}): Checked {
  const dist = travelMatrix(problem);
  const sites: Site[] = [problem.depot, ...problem.customers];
  const size = sites.length + (problem.places?.length ?? 0);
  const violations: string[] = [];
  const served = new Array<number>(sites.length).fill(0);
  const startOf = new Map<number, { route: number; at: number }>();
  let distance = 0;
  if (problem.vehicles && routes.length > problem.vehicles.length)
    violations.push(`${routes.length} routes for ${problem.vehicles.length} vehicles`);
  routes.forEach((route, r) => {
    if (route.length === 0) return;
    const vehicle = vehicleOf(problem, r);
    let load = 0;
    let time = vehicle.ready;
    let at = vehicle.start;
    for (const [stop, customer] of route.entries()) {
      const site = sites[customer];
      if (!site || !Number.isInteger(customer) || customer === 0) {
        violations.push(`route ${r}: ${customer} is not a customer`);
        return;
      }
      const leg = dist[at * size + customer] as number;
      distance += leg;
      const arrival = time + (at === vehicle.start && stop === 0 ? 0 : (sites[at]?.service ?? 0)) + leg;
      const claim = claimed.starts?.[r]?.[stop];
      time = claim ?? Math.max(arrival, site.ready);
      if (time < arrival - tolerance)
        violations.push(`route ${r}: customer ${customer} started before arriving`);
      if (time < site.ready - tolerance || time > site.due + tolerance)
        violations.push(`route ${r}: customer ${customer} served outside its window at ${time}`);
      if (vehicle.forbidden.has(customer)) violations.push(`route ${r}: customer ${customer} is not allowed`);
      load += site.demand;
      served[customer] = (served[customer] as number) + 1;
      startOf.set(customer, { route: r, at: time });
      at = customer;
    }
    const back = dist[at * size + vehicle.end] as number;
    distance += back;
    const home = time + (sites[at]?.service ?? 0) + back;
    if (home > vehicle.due + tolerance) violations.push(`route ${r}: back at its end late, at ${home}`);
    if (load > vehicle.capacity + tolerance) violations.push(`route ${r}: load ${load} over capacity`);
  });
  violations.push(
    ...pairViolations(problem, startOf),
    ...coverage(problem, served, claimed.unassigned ?? []),
  );
  return { distance, violations };
}

function pairViolations(problem: Problem, startOf: Map<number, { route: number; at: number }>): string[] {
  const found: string[] = [];
  for (const [a, b] of problem.together ?? []) {
    const first = startOf.get(a);
    const second = startOf.get(b);
    if (!first && !second) continue;
    if (!first || !second) found.push(`customers ${a} and ${b} must be served together`);
    else if (first.route === second.route) found.push(`customers ${a} and ${b} are served by one vehicle`);
    else if (Math.abs(first.at - second.at) > tolerance) found.push(`customers ${a} and ${b} start apart`);
  }
  return found;
}

function coverage(problem: Problem, served: number[], unassigned: readonly number[]): string[] {
  const found: string[] = [];
  const left = new Set(unassigned);
  if (left.size && !problem.vehicles) found.push('a free fleet leaves no customer unassigned');
  for (let c = 1; c < served.length; c++) {
    const expected = left.has(c) ? 0 : 1;
    if (served[c] !== expected) found.push(`customer ${c} visited ${served[c]} times`);
  }
  return found;
}
