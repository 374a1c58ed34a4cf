import type { Instance } from './problem.ts';
import { copyRoute, dropLate, type Route, refresh } from './route.ts';

// SISR ruin (Christiaens & Vanden Berghe 2020): strings of consecutive customers are cut out of a
// few routes near a random seed customer, so the freed customers are close to each other in
// space and time and can be recombined. A customer served together with another is freed with it.

const meanRemoved = 10;
const maxString = 10;
const wholeRouteRate = 0.1;

/** Cuts customers out of copies of the routes it touches (added to `owned`); returns them. */
export function ruin(inst: Instance, routes: Route[], owned: Set<Route>, random: () => number): number[] {
  const routeOf = new Int32Array(inst.customers + 1).fill(-1);
  let customers = 0;
  let used = 0;
  routes.forEach((route, r) => {
    for (let i = 1; i < route.nodes.length - 1; i++) routeOf[route.nodes[i] as number] = r;
    customers += route.nodes.length - 2;
    if (route.nodes.length > 2) used++;
  });
  if (customers === 0) return [];
  const stringMax = Math.min(maxString, customers / Math.max(1, used));
  const stringsMax = (4 * meanRemoved) / (1 + stringMax) - 1;
  const strings = Math.floor(random() * stringsMax) + 1;
  const seed = 1 + Math.floor(random() * inst.customers);
  // Now and then the seed's whole route goes, so that a route can be closed (Ropke & Pisinger's
  // route removal); the fleet is then smaller when its customers fit elsewhere.
  let whole = random() < wholeRouteRate;
  const ruined = new Set<number>();
  const removed: number[] = [];
  const take = (r: number) => {
    const route = copyRoute(routes[r] as Route);
    routes[r] = route;
    owned.add(route);
    ruined.add(r);
    return route;
  };
  for (const customer of [seed, ...(inst.neighbours[seed] as Int32Array)]) {
    if (ruined.size >= strings) break;
    const r = routeOf[customer] as number;
    if (r < 0 || ruined.has(r)) continue;
    const route = take(r);
    const size = route.nodes.length - 2;
    const length = whole ? size : Math.floor(random() * Math.min(size, stringMax)) + 1;
    const cut =
      whole || random() < 0.5
        ? cutString(route, customer, length, random)
        : cutSplit(route, customer, length, random);
    whole = false;
    for (const c of cut) routeOf[c] = -1;
    removed.push(...cut);
  }
  for (const r of ruined) {
    const route = routes[r] as Route;
    refresh(inst, route);
    removed.push(...dropLate(inst, route));
  }
  freePartners(inst, routes, removed, { routeOf, owned, take });
  return removed;
}

// A freed customer's partner is freed too, so that the pair is placed again together.
function freePartners(
  inst: Instance,
  routes: Route[],
  removed: number[],
  state: { routeOf: Int32Array; owned: Set<Route>; take: (r: number) => Route },
): void {
  const freed = new Set(removed);
  for (let k = 0; k < removed.length; k++) {
    const partner = inst.partner[removed[k] as number] as number;
    if (partner < 0 || freed.has(partner)) continue;
    const r = state.routeOf[partner] as number;
    freed.add(partner);
    removed.push(partner);
    if (r < 0) continue;
    const route = state.owned.has(routes[r] as Route) ? (routes[r] as Route) : state.take(r);
    route.nodes.splice(route.nodes.indexOf(partner), 1);
    state.routeOf[partner] = -1;
    refresh(inst, route);
    for (const late of dropLate(inst, route)) {
      state.routeOf[late] = -1;
      if (!freed.has(late)) {
        freed.add(late);
        removed.push(late);
      }
    }
  }
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
