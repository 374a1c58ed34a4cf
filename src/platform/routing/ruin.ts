import type { Instance } from './problem.ts';
import { copyRoute, dropLate, type Route, refresh } from './route.ts';

// SISR ruin (Christiaens & Vanden Berghe 2020): strings of consecutive customers are cut out of a
// few routes near a random seed customer, so the freed customers are close to each other in
// space and time and can be recombined.

const meanRemoved = 10;
const maxString = 10;

/** Cuts customers out of copies of the routes it touches (added to `owned`); returns them. */
export function ruin(inst: Instance, routes: Route[], owned: Set<Route>, random: () => number): number[] {
  const routeOf = new Int32Array(inst.n).fill(-1);
  let customers = 0;
  routes.forEach((route, r) => {
    for (let i = 1; i < route.nodes.length - 1; i++) routeOf[route.nodes[i] as number] = r;
    customers += route.nodes.length - 2;
  });
  const stringMax = Math.min(maxString, customers / Math.max(1, routes.length));
  const stringsMax = (4 * meanRemoved) / (1 + stringMax) - 1;
  const strings = Math.floor(random() * stringsMax) + 1;
  const seed = 1 + Math.floor(random() * (inst.n - 1));
  const ruined = new Set<number>();
  const removed: number[] = [];
  const candidates = [seed, ...(inst.neighbours[seed] as Int32Array)];
  for (const customer of candidates) {
    if (ruined.size >= strings) break;
    const r = routeOf[customer] as number;
    if (r < 0 || ruined.has(r)) continue;
    const route = copyRoute(routes[r] as Route);
    routes[r] = route;
    owned.add(route);
    const size = route.nodes.length - 2;
    const length = Math.floor(random() * Math.min(size, stringMax)) + 1;
    const cut =
      random() < 0.5 ? cutString(route, customer, length, random) : cutSplit(route, customer, length, random);
    for (const c of cut) routeOf[c] = -1;
    removed.push(...cut);
    ruined.add(r);
  }
  for (const r of ruined) {
    const route = routes[r] as Route;
    refresh(inst, route);
    removed.push(...dropLate(inst, route));
  }
  return removed;
}

// `length` consecutive customers including `customer`.
function cutString(route: Route, customer: number, length: number, random: () => number): number[] {
  const at = route.nodes.indexOf(customer);
  const size = route.nodes.length - 2;
  const first = Math.max(1, Math.min(at - Math.floor(random() * length), size - length + 1));
  return route.nodes.splice(first, length);
}

// `length` customers out of a string of length + kept around `customer`, the kept ones left in.
function cutSplit(route: Route, customer: number, length: number, random: () => number): number[] {
  const size = route.nodes.length - 2;
  let kept = 1;
  while (length + kept < size && random() < 0.5) kept++;
  if (length + kept > size) return cutString(route, customer, length, random);
  const span = length + kept;
  const at = route.nodes.indexOf(customer);
  const first = Math.max(1, Math.min(at - Math.floor(random() * span), size - span + 1));
  const keepFrom = first + Math.floor(random() * (length + 1));
  const cut = [...route.nodes.slice(first, keepFrom), ...route.nodes.slice(keepFrom + kept, first + span)];
  route.nodes.splice(first, span, ...route.nodes.slice(keepFrom, keepFrom + kept));
  return cut;
}
