import type { Instance } from './problem.ts';

// One vehicle's route from its start to its end and its schedule: early[i] is the earliest start
// of service at position i, late[i] the latest start that keeps the rest of the route on time. A
// customer fits between positions i and i + 1 when its own window and late[i + 1] still hold.

export type Route = {
  vehicle: number;
  nodes: number[];
  early: number[];
  late: number[];
  load: number;
  dist: number;
  /** What the route costs besides travel (customers served by a vehicle other than their own). */
  extra: number;
};

export function makeRoute(inst: Instance, vehicle: number, customers: number[]): Route {
  const { start, end } = inst.fleet;
  const nodes = [start[vehicle] as number, ...customers, end[vehicle] as number];
  const route: Route = { vehicle, nodes, early: [], late: [], load: 0, dist: 0, extra: 0 };
  refresh(inst, route);
  return route;
}

export function copyRoute(route: Route): Route {
  return {
    vehicle: route.vehicle,
    nodes: route.nodes.slice(),
    early: route.early.slice(),
    late: route.late.slice(),
    load: route.load,
    dist: route.dist,
    extra: route.extra,
  };
}

export const isEmpty = (route: Route) => route.nodes.length === 2;

export function refresh(inst: Instance, route: Route): void {
  const { size, dist, ready, due, service, demand, fleet } = inst;
  const { nodes, early, late } = route;
  const k = nodes.length;
  early.length = k;
  late.length = k;
  early[0] = fleet.ready[route.vehicle] as number;
  let load = 0;
  let total = 0;
  let extra = 0;
  const base = route.vehicle * size;
  for (let i = 1; i < k; i++) {
    const prev = nodes[i - 1] as number;
    const node = nodes[i] as number;
    const leg = dist[prev * size + node] as number;
    total += leg;
    if (i < k - 1) {
      load += demand[node] as number;
      extra += fleet.extra[base + node] as number;
    }
    const readyAt = i < k - 1 ? (ready[node] as number) : 0;
    const served = i > 1 ? (service[prev] as number) : 0;
    early[i] = Math.max((early[i - 1] as number) + served + leg, readyAt);
  }
  late[k - 1] = fleet.due[route.vehicle] as number;
  for (let i = k - 2; i >= 0; i--) {
    const node = nodes[i] as number;
    const next = nodes[i + 1] as number;
    const served = i > 0 ? (service[node] as number) : 0;
    const latest = (late[i + 1] as number) - (dist[node * size + next] as number) - served;
    late[i] = i > 0 ? Math.min(due[node] as number, latest) : latest;
  }
  route.load = load;
  route.dist = total;
  route.extra = extra;
}

/**
 * Takes out customers served late (possible after a removal only when travel times break the
 * triangle inequality); returns them.
 */
export function dropLate(inst: Instance, route: Route): number[] {
  const dropped: number[] = [];
  for (let i = 1; i < route.nodes.length - 1; i++) {
    if ((route.early[i] as number) <= (inst.due[route.nodes[i] as number] as number)) continue;
    dropped.push(...route.nodes.splice(i, 1));
    refresh(inst, route);
    i--;
  }
  if ((route.early[route.nodes.length - 1] as number) > (inst.fleet.due[route.vehicle] as number)) {
    dropped.push(...route.nodes.splice(1, route.nodes.length - 2));
    refresh(inst, route);
  }
  return dropped;
}

/** The cheapest feasible place for a customer in a route: [position, added cost] or null. */
export function bestInsertion(
  inst: Instance,
  route: Route,
  customer: number,
  skip: () => boolean,
): [number, number] | null {
  const { size, dist, ready, due, service, demand, fleet } = inst;
  const v = route.vehicle;
  if (fleet.allowed[v * size + customer] === 0) return null;
  if (route.load + (demand[customer] as number) > (fleet.capacity[v] as number)) return null;
  const { nodes, early, late } = route;
  const readyC = ready[customer] as number;
  const dueC = due[customer] as number;
  const serviceC = service[customer] as number;
  const extra = fleet.extra[v * size + customer] as number;
  let bestPos = -1;
  let bestCost = Number.POSITIVE_INFINITY;
  for (let i = 0; i < nodes.length - 1; i++) {
    const a = nodes[i] as number;
    const b = nodes[i + 1] as number;
    const toC = dist[a * size + customer] as number;
    const arrive = (early[i] as number) + (i > 0 ? (service[a] as number) : 0) + toC;
    if (arrive > dueC) break;
    const fromC = dist[customer * size + b] as number;
    const cost = toC + fromC - (dist[a * size + b] as number) + extra;
    if (cost >= bestCost) continue;
    if (Math.max(arrive, readyC) + serviceC + fromC > (late[i + 1] as number)) continue;
    if (skip()) continue;
    bestPos = i + 1;
    bestCost = cost;
  }
  return bestPos < 0 ? null : [bestPos, bestCost];
}

export function insertAt(inst: Instance, route: Route, position: number, customer: number): void {
  route.nodes.splice(position, 0, customer);
  refresh(inst, route);
}
