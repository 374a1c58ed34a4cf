import type { Instance } from './problem.ts';
import { bestInsertion, copyRoute, insertAt, makeRoute, type Route } from './route.ts';

// Recreate (SISR, Christiaens & Vanden Berghe 2020): the freed customers, in one of a few orders,
// each go to their cheapest feasible place, a few places skipped at random ("blinks"). A free
// fleet opens a route when none fits; a given fleet leaves the customer unassigned. A pair served
// together is placed at once: for a few moments inside its window, the cheapest two places in
// different routes that both start at that moment.

const blinkRate = 0.01;
const pairMoments = 12;

/** A solution being built: routes shared with others are copied before they change. */
export type Draft = { routes: Route[]; owned: Set<Route>; moments: Float64Array; unassigned: number[] };

type Order = (inst: Instance, customers: number[], random: () => number) => void;

const byDemand: Order = (inst, customers) =>
  customers.sort((a, b) => (inst.demand[b] as number) - (inst.demand[a] as number));
const farFirst: Order = (inst, customers) =>
  customers.sort((a, b) => (inst.dist[b] as number) - (inst.dist[a] as number));
const closeFirst: Order = (inst, customers) =>
  customers.sort((a, b) => (inst.dist[a] as number) - (inst.dist[b] as number));
const random: Order = (_inst, customers, next) => shuffle(customers, next);
// Insertion orders weighted as in SISR: random 4, demand 4, far 2, close 1.
const orders: Order[] = [random, random, random, random, byDemand, byDemand, byDemand, byDemand];
orders.push(farFirst, farFirst, closeFirst);

function shuffle(items: number[], next: () => number): void {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [items[i], items[j]] = [items[j] as number, items[i] as number];
  }
}

export function recreate(inst: Instance, draft: Draft, customers: number[], next: () => number): void {
  const order = orders[Math.floor(next() * orders.length)] as Order;
  order(inst, customers, next);
  const skip = () => next() < blinkRate;
  const placed = new Set<number>();
  for (const customer of customers) {
    if (placed.has(customer)) continue;
    const partner = inst.partner[customer] as number;
    if (partner < 0) placeOne(inst, draft, customer, skip);
    else {
      placePair(inst, draft, [customer, partner], { skip, next });
      placed.add(partner);
    }
  }
}

function writable(draft: Draft, r: number): Route {
  const route = draft.routes[r] as Route;
  if (draft.owned.has(route)) return route;
  const copy = copyRoute(route);
  draft.routes[r] = copy;
  draft.owned.add(copy);
  return copy;
}

function openRoute(inst: Instance, draft: Draft): number {
  const route = makeRoute(inst, 0, []);
  draft.routes.push(route);
  draft.owned.add(route);
  return draft.routes.length - 1;
}

function placeOne(inst: Instance, draft: Draft, customer: number, skip: () => boolean): void {
  let best = -1;
  let bestPos = -1;
  let bestCost = Number.POSITIVE_INFINITY;
  draft.routes.forEach((route, r) => {
    const found = bestInsertion(inst, route, customer, skip);
    if (found && found[1] < bestCost) [best, bestPos, bestCost] = [r, found[0], found[1]];
  });
  if (best < 0 && inst.fleet.fixed) {
    draft.unassigned.push(customer);
    return;
  }
  if (best < 0) [best, bestPos] = [openRoute(inst, draft), 1];
  insertAt(inst, writable(draft, best), bestPos, customer);
}

type Place = { route: number; position: number; cost: number };
type Choice = { moment: number; first: Place; second: Place; cost: number };

// The cheapest place for a customer in each route (a new route last, for a free fleet).
function placesFor(inst: Instance, routes: Route[], customer: number, skip: () => boolean): Place[] {
  const places: Place[] = [];
  routes.forEach((route, r) => {
    const found = bestInsertion(inst, route, customer, skip);
    if (found) places.push({ route: r, position: found[0], cost: found[1] });
  });
  return places.sort((a, b) => a.cost - b.cost);
}

function setWindow(inst: Instance, customers: readonly number[], from: number, until: number): void {
  for (const c of customers) {
    inst.ready[c] = from;
    inst.due[c] = until;
  }
}

function momentsOf(inst: Instance, pair: readonly [number, number], next: () => number): number[] {
  const [a, b] = pair;
  const from = Math.max(inst.windowReady[a] as number, inst.windowReady[b] as number);
  const until = Math.min(inst.windowDue[a] as number, inst.windowDue[b] as number);
  if (until < from) return [];
  const reach = (c: number) => (inst.fleet.ready[0] as number) + (inst.dist[c] as number);
  const moments = [from, Math.min(until, Math.max(from, reach(a), reach(b)))];
  // Whole units, as plans keep times in whole minutes.
  for (let k = 0; k < pairMoments; k++)
    moments.push(Math.min(until, Math.round(from + ((until - from) * (k + next())) / pairMoments)));
  return moments;
}

function cheapestPair(first: Place[], second: Place[]): Omit<Choice, 'moment'> | null {
  let best: Omit<Choice, 'moment'> | null = null;
  for (const a of first.slice(0, 2))
    for (const b of second.slice(0, 2))
      if (a.route !== b.route && (!best || a.cost + b.cost < best.cost))
        best = { first: a, second: b, cost: a.cost + b.cost };
  return best;
}

function placePair(
  inst: Instance,
  draft: Draft,
  pair: [number, number],
  random: { skip: () => boolean; next: () => number },
): void {
  const spare = inst.fleet.fixed ? [] : [makeRoute(inst, 0, []), makeRoute(inst, 0, [])];
  const routes = [...draft.routes, ...spare];
  let best: Choice | null = null;
  for (const moment of momentsOf(inst, pair, random.next)) {
    setWindow(inst, pair, moment, moment);
    const found = cheapestPair(
      ...(pair.map((c) => placesFor(inst, routes, c, random.skip)) as [Place[], Place[]]),
    );
    if (found && (!best || found.cost < best.cost)) best = { ...found, moment };
  }
  if (!best) {
    for (const c of pair) {
      setWindow(inst, [c], inst.windowReady[c] as number, inst.windowDue[c] as number);
      draft.moments[c] = Number.NaN;
    }
    draft.unassigned.push(...pair);
    return;
  }
  setWindow(inst, pair, best.moment, best.moment);
  for (const c of pair) draft.moments[c] = best.moment;
  const targets = [best.first, best.second].map((place) =>
    place.route < draft.routes.length ? place.route : openRoute(inst, draft),
  );
  pair.forEach((c, k) => {
    const place = k === 0 ? best.first : best.second;
    insertAt(inst, writable(draft, targets[k] as number), place.position, c);
  });
}
