import type { Instance, SolveOptions } from './problem.ts';
import { seededRandom } from './problem.ts';
import { bestInsertion, copyRoute, insertAt, makeRoute, type Route } from './route.ts';
import { ruin } from './ruin.ts';

// Ruin and recreate with simulated annealing (SISR, Christiaens & Vanden Berghe 2020): each
// iteration cuts strings out of the current solution, reinserts the freed customers greedily
// (each at its cheapest feasible place, a few places skipped at random), and accepts the result by
// the annealing rule. Every solution kept is feasible.

const blinkRate = 0.01;
const startTemperature = 10;
const endTemperature = 0.01;

type Order = (inst: Instance, customers: number[], random: () => number) => void;

const byDemand: Order = (inst, customers) =>
  customers.sort((a, b) => (inst.demand[b] as number) - (inst.demand[a] as number));
const farFirst: Order = (inst, customers) =>
  customers.sort((a, b) => (inst.dist[b] as number) - (inst.dist[a] as number));
const closeFirst: Order = (inst, customers) =>
  customers.sort((a, b) => (inst.dist[a] as number) - (inst.dist[b] as number));
const random: Order = (_inst, customers, next) => shuffle(customers, next);
// Insertion orders weighted as in SISR: random 4, demand 4, far 2, close 1.
const orders: Order[] = [
  random,
  random,
  random,
  random,
  byDemand,
  byDemand,
  byDemand,
  byDemand,
  farFirst,
  farFirst,
  closeFirst,
];

function shuffle(items: number[], random: () => number): void {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j] as number, items[i] as number];
  }
}

// Routes are shared between solutions; only those in `owned` may be changed in place.
export function recreate(
  inst: Instance,
  routes: Route[],
  owned: Set<Route>,
  customers: number[],
  random: () => number,
): void {
  const order = orders[Math.floor(random() * orders.length)] as Order;
  order(inst, customers, random);
  const skip = () => random() < blinkRate;
  for (const customer of customers) {
    let best = -1;
    let bestPos = -1;
    let bestCost = Number.POSITIVE_INFINITY;
    routes.forEach((route, r) => {
      const found = bestInsertion(inst, route, customer, skip);
      if (found && found[1] < bestCost) [best, bestPos, bestCost] = [r, found[0], found[1]];
    });
    let route = routes[best];
    if (!route) {
      route = makeRoute(inst, []);
      routes.push(route);
      owned.add(route);
      bestPos = 1;
    } else if (!owned.has(route)) {
      route = copyRoute(route);
      routes[best] = route;
      owned.add(route);
    }
    insertAt(inst, route, bestPos, customer);
  }
}

export function cost(routes: Route[]): number {
  let total = 0;
  for (const route of routes) total += route.dist;
  return total;
}

export function search(inst: Instance, options: SolveOptions): Route[] {
  const random = seededRandom(options.seed);
  const started = performance.now();
  const all = Array.from({ length: inst.n - 1 }, (_, i) => i + 1);
  let current: Route[] = [];
  recreate(inst, current, new Set(), all, random);
  let currentCost = cost(current);
  let best = current;
  let bestCost = currentCost;
  const limit = options.maxIterations;
  for (let iteration = 0; ; iteration++) {
    const progress = limit ? iteration / limit : (performance.now() - started) / options.timeLimitMs;
    if (progress >= 1 || (limit && performance.now() - started >= options.timeLimitMs)) break;
    const temperature = startTemperature * (endTemperature / startTemperature) ** progress;
    const candidate = current.slice();
    const owned = new Set<Route>();
    const removed = ruin(inst, candidate, owned, random);
    const kept = candidate.filter((route) => route.nodes.length > 2);
    recreate(inst, kept, owned, removed, random);
    const candidateCost = cost(kept);
    if (candidateCost < currentCost - temperature * Math.log(random())) {
      current = kept;
      currentCost = candidateCost;
      if (currentCost < bestCost - 1e-9) {
        best = current;
        bestCost = currentCost;
      }
    }
  }
  return best;
}
