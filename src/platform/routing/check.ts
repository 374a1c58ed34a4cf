import { type Problem, travelMatrix } from './problem.ts';

// Checks a solution against the problem on its own, independent of the solver: every customer
// served exactly once, loads within capacity, service started inside each window, every vehicle
// back at the depot by its due time; and recomputes the distance. A route is read up to its first
// stop that is not a customer.

export type Checked = { distance: number; violations: string[] };

const tolerance = 1e-6;

export function check(problem: Problem, routes: number[][]): Checked {
  const dist = travelMatrix(problem);
  const sites = [problem.depot, ...problem.customers];
  const n = sites.length;
  const violations: string[] = [];
  const visits = new Array<number>(n).fill(0);
  let distance = 0;
  routes.forEach((route, r) => {
    let load = 0;
    let time = problem.depot.ready;
    let at = 0;
    for (const [stop, customer] of [...route, 0].entries()) {
      const site = sites[customer];
      if (!site || !Number.isInteger(customer) || (customer === 0) !== (stop === route.length)) {
        violations.push(`route ${r}: ${customer} is not a customer`);
        return;
      }
      const leg = dist[at * n + customer] as number;
      distance += leg;
      time = Math.max(time + (sites[at]?.service ?? 0) + leg, site.ready);
      if (time > site.due + tolerance) violations.push(`route ${r}: ${late(customer)} at ${time}`);
      load += site.demand;
      if (customer !== 0) visits[customer] = (visits[customer] as number) + 1;
      at = customer;
    }
    if (load > problem.capacity + tolerance) violations.push(`route ${r}: load ${load} over capacity`);
  });
  for (let c = 1; c < n; c++)
    if (visits[c] !== 1) violations.push(`customer ${c} visited ${visits[c]} times`);
  return { distance, violations };
}

function late(customer: number): string {
  return customer === 0 ? 'back at the depot late' : `customer ${customer} served late`;
}
