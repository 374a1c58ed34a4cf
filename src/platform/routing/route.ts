import type { Instance } from './problem.ts';

// One vehicle's route with depot at both ends and its schedule: early[i] is the earliest start of
// service at position i, late[i] the latest start that keeps the rest of the route on time. A
// customer fits between positions i and i + 1 when its own window and late[i + 1] still hold.

export type Route = { nodes: number[]; early: number[]; late: number[]; load: number; dist: number };

export function makeRoute(inst: Instance, customers: number[]): Route {
  const route: Route = { nodes: [0, ...customers, 0], early: [], late: [], load: 0, dist: 0 };
  refresh(inst, route);
  return route;
}

export function copyRoute(route: Route): Route {
  return {
    nodes: route.nodes.slice(),
    early: route.early.slice(),
    late: route.late.slice(),
    load: route.load,
    dist: route.dist,
  };
}

export function refresh(inst: Instance, route: Route): void {
  const { n, dist, ready, due, service, demand } = inst;
  const { nodes, early, late } = route;
  const k = nodes.length;
  early.length = k;
  late.length = k;
  early[0] = ready[0] as number;
  let load = 0;
  let total = 0;
  for (let i = 1; i < k; i++) {
    const prev = nodes[i - 1] as number;
    const node = nodes[i] as number;
    const leg = dist[prev * n + node] as number;
    total += leg;
    load += demand[node] as number;
    early[i] = Math.max((early[i - 1] as number) + (service[prev] as number) + leg, ready[node] as number);
  }
  late[k - 1] = due[0] as number;
  for (let i = k - 2; i >= 0; i--) {
    const node = nodes[i] as number;
    const next = nodes[i + 1] as number;
    const latest = (late[i + 1] as number) - (dist[node * n + next] as number) - (service[node] as number);
    late[i] = Math.min(due[node] as number, latest);
  }
  route.load = load;
  route.dist = total;
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
  if ((route.early[route.nodes.length - 1] as number) > (inst.due[0] as number)) {
    dropped.push(...route.nodes.splice(1, route.nodes.length - 2));
    refresh(inst, route);
  }
  return dropped;
}

/** The cheapest feasible place for a customer in a route: [position, added distance] or null. */
export function bestInsertion(
  inst: Instance,
  route: Route,
  customer: number,
  skip: () => boolean,
): [number, number] | null {
  const { n, dist, ready, due, service, demand } = inst;
  if (route.load + (demand[customer] as number) > inst.capacity) return null;
  const { nodes, early, late } = route;
  const readyC = ready[customer] as number;
  const dueC = due[customer] as number;
  const serviceC = service[customer] as number;
  let bestPos = -1;
  let bestCost = Number.POSITIVE_INFINITY;
  for (let i = 0; i < nodes.length - 1; i++) {
    const a = nodes[i] as number;
    const b = nodes[i + 1] as number;
    const toC = dist[a * n + customer] as number;
    const arrive = (early[i] as number) + (service[a] as number) + toC;
    if (arrive > dueC) break;
    const fromC = dist[customer * n + b] as number;
    const cost = toC + fromC - (dist[a * n + b] as number);
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
