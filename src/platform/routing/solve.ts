import { compile, type Problem, type Solution, type SolveOptions } from './problem.ts';
import { search, travelled } from './search.ts';

export type { Place, Problem, Site, Solution, SolveOptions, Vehicle } from './problem.ts';

/**
 * Routes serving every customer within capacity, time windows and each vehicle's hours and
 * exclusions, pairs served together at one moment, total travel minimised. With a given fleet a
 * customer no vehicle can serve is left unassigned, never served late.
 */
export function solve(problem: Problem, options: SolveOptions): Solution {
  if (problem.customers.length === 0) {
    const routes = (problem.vehicles ?? []).map(() => []);
    return { routes, starts: routes.map(() => []), distance: 0, unassigned: [] };
  }
  const found = search(compile(problem), options);
  const kept = problem.vehicles ? found.routes : found.routes.filter((route) => route.nodes.length > 2);
  return {
    routes: kept.map((route) => route.nodes.slice(1, -1)),
    starts: kept.map((route) => route.early.slice(1, -1)),
    distance: travelled(kept),
    unassigned: found.unassigned.toSorted((a, b) => a - b),
  };
}
