import { compile, type Problem, type Solution, type SolveOptions } from './problem.ts';
import { cost, search } from './search.ts';

export type { Problem, Site, Solution, SolveOptions } from './problem.ts';

/** Routes serving every customer within capacity and time windows, total travel minimised. */
export function solve(problem: Problem, options: SolveOptions): Solution {
  if (problem.customers.length === 0) return { routes: [], distance: 0 };
  const routes = search(compile(problem), options);
  return { routes: routes.map((route) => route.nodes.slice(1, -1)), distance: cost(routes) };
}
