import type { Instance, SolveOptions } from './problem.ts';
import { seededRandom } from './problem.ts';
import { type Draft, recreate } from './recreate.ts';
import { isEmpty, makeRoute, type Route } from './route.ts';
import { ruin } from './ruin.ts';

// Ruin and recreate with simulated annealing (SISR, Christiaens & Vanden Berghe 2020): each
// iteration cuts strings out of the current solution, reinserts the freed customers greedily,
// and accepts the result by the annealing rule. Every solution kept is feasible; with a given
// fleet a customer may stay unassigned, at a cost above any travel it could save.

const defaultTemperature = { start: 10, end: 0.01 };

export type Found = { routes: Route[]; moments: Float64Array; unassigned: number[]; cost: number };

// An unused vehicle travels nothing.
export function travelled(routes: Route[]): number {
  let total = 0;
  for (const route of routes) if (!isEmpty(route)) total += route.dist;
  return total;
}

// Travel and what else the routes cost, the unassigned customers at `penalty` each.
function costOf(draft: Draft, penalty: number): number {
  let extra = 0;
  for (const route of draft.routes) extra += route.extra;
  return travelled(draft.routes) + extra + penalty * draft.unassigned.length;
}

// More than any assignment of the other customers can cost, so fewer unassigned always wins.
function unassignedCost(inst: Instance): number {
  let longest = 0;
  for (const leg of inst.dist) if (Number.isFinite(leg) && leg > longest) longest = leg;
  let extra = 0;
  for (const cost of inst.fleet.extra) if (cost > extra) extra = cost;
  return 2 * inst.size * (longest + extra + 1);
}

// The windows of the customers served together, narrowed to the moments this solution gave them.
function applyMoments(inst: Instance, paired: number[], moments: Float64Array): void {
  for (const c of paired) {
    const moment = moments[c] as number;
    inst.ready[c] = Number.isNaN(moment) ? (inst.windowReady[c] as number) : moment;
    inst.due[c] = Number.isNaN(moment) ? (inst.windowDue[c] as number) : moment;
  }
}

function initial(inst: Instance, random: () => number, penalty: number): Found {
  const { fleet } = inst;
  const routes = fleet.fixed ? Array.from(fleet.start, (_, v) => makeRoute(inst, v, [])) : [];
  const draft: Draft = {
    routes,
    owned: new Set(routes),
    moments: new Float64Array(inst.customers + 1).fill(Number.NaN),
    unassigned: [],
  };
  recreate(
    inst,
    draft,
    Array.from({ length: inst.customers }, (_, i) => i + 1),
    random,
  );
  return { ...draft, cost: costOf(draft, penalty) };
}

function neighbour(inst: Instance, current: Found, random: () => number, penalty: number): Found {
  const draft: Draft = {
    routes: current.routes.slice(),
    owned: new Set(),
    moments: current.moments.slice(),
    unassigned: [],
  };
  const freed = ruin(inst, draft.routes, draft.owned, random);
  if (!inst.fleet.fixed) draft.routes = draft.routes.filter((route) => !isEmpty(route));
  recreate(inst, draft, [...freed, ...current.unassigned], random);
  return { ...draft, cost: costOf(draft, penalty) };
}

export function search(inst: Instance, options: SolveOptions): Found {
  const random = seededRandom(options.seed);
  const { start, end } = options.temperature ?? defaultTemperature;
  const started = performance.now();
  const paired = Array.from(inst.partner.keys()).filter((c) => (inst.partner[c] as number) >= 0);
  const penalty = unassignedCost(inst);
  let current = initial(inst, random, penalty);
  let best = current;
  const limit = options.maxIterations;
  for (let iteration = 0; ; iteration++) {
    const elapsed = performance.now() - started;
    const progress = limit ? iteration / limit : elapsed / options.timeLimitMs;
    if (progress >= 1 || (limit && elapsed >= options.timeLimitMs)) break;
    const temperature = start * (end / start) ** progress;
    applyMoments(inst, paired, current.moments);
    const candidate = neighbour(inst, current, random, penalty);
    if (candidate.cost < current.cost - temperature * Math.log(random())) {
      current = candidate;
      if (current.cost < best.cost - 1e-9) best = current;
    }
  }
  applyMoments(inst, paired, best.moments);
  return best;
}
